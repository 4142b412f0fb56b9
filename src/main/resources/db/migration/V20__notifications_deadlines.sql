-- Deadlines the reminder ladder watches; one row per subject (a task, a material, a report, a problem).
-- generation counts how often the deadline moved: reminders already sent for an older generation do not count.
create table tracked_deadline (
    subject_type          text        not null,
    subject_id            text        not null,
    title                 text        not null,
    unit_id               uuid        not null,
    due_at                timestamptz not null,
    responsible_leader_id uuid,
    settled_at            timestamptz,
    tracked_at            timestamptz not null,
    generation            int         not null default 1,
    primary key (subject_type, subject_id)
);
create index tracked_deadline_open on tracked_deadline (due_at) where settled_at is null;
create index tracked_deadline_unit on tracked_deadline (unit_id) where settled_at is null;

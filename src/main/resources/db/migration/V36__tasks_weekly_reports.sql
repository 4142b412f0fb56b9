-- Weekly reports (周报告制度, DOMAIN §5): every report day (Friday by default; every working day in daily-report mode)
-- the system drafts each active unit's report from its tasks: done in the period, not done (due by the period's end)
-- with a reason each, and free text. The unit edits and submits it before the period's close; the campaign office
-- reads it, may return it, and gets one summary for leaders. One report per unit and report day: the unique key is what
-- keeps two app instances (or a click on "generate draft" racing the job) from drafting twice.
create table weekly_report (
    id                uuid        primary key,
    unit_id           uuid        not null,
    unit_code         text        not null,
    unit_name         text        not null,
    jurisdiction_path text        not null,
    kind              text        not null check (kind in ('WEEKLY', 'DAILY')),
    period_date       date        not null,
    period_start      timestamptz not null,
    period_end        timestamptz not null,
    status            text        not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED')),
    summary           text        not null default '',
    plans             text        not null default '',
    suggestions       text        not null default '',
    done_count        int         not null default 0,
    undone_count      int         not null default 0,
    overdue_count     int         not null default 0,
    drafted_at        timestamptz not null,
    submitted_at      timestamptz,
    submitted_by      uuid,
    late              boolean     not null default false,
    return_reason     text,
    returned_at       timestamptz,
    submissions       int         not null default 0,
    version           int         not null default 0,
    constraint weekly_report_unit_period unique (unit_id, period_date),
    check (period_start < period_end)
);
-- the office's list and summary of one report day within its subtree
create index weekly_report_period_scope on weekly_report (period_date, jurisdiction_path text_pattern_ops);
-- a unit's own reports, newest first
create index weekly_report_unit on weekly_report (unit_id, period_date desc);

-- The tasks a report names: done in the period, or not done (with the unit's reason). Copied at drafting time so the
-- report says what the unit saw when it wrote it.
create table weekly_report_item (
    report_id     uuid        not null references weekly_report (id) on delete cascade,
    task_id       uuid        not null references task (id),
    kind          text        not null check (kind in ('DONE', 'UNDONE')),
    title         text        not null,
    standard_code text,
    deadline      timestamptz not null,
    task_status   text        not null,
    overdue       boolean     not null,
    reason        text        not null default '',
    position      int         not null,
    primary key (report_id, task_id)
);

-- Daily-report mode (日报告) for a campaign's final weeks: set by a campaign office for its jurisdiction node; the
-- nearest node up the tree wins. From daily_from on, every working day is a report day.
create table report_schedule (
    jurisdiction_id uuid primary key,
    daily_from      date not null,
    version         int  not null default 0
);

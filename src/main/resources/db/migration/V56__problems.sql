-- Problems (问题, DOMAIN §8). One row per problem with its current state and marks; the state changes only through
-- the workflow (problems.ProblemTransitions) and every change is a row of problem_event (the timeline) written in the
-- same transaction, together with the audit record. version is the optimistic lock (API: ETag / If-Match).
create table problem (
    id                        uuid        primary key,
    number                    text        not null unique,
    category_code             text        not null references problem_category (code),
    description               text        not null check (char_length(description) between 1 and 2000),
    point_id                  uuid        references point (id),
    lat                       double precision check (lat between -90 and 90),
    lng                       double precision check (lng between -180 and 180),
    jurisdiction_id           uuid        references jurisdiction (id),
    jurisdiction_path         text        not null,
    unit_id                   uuid        references unit (id),
    source                    text        not null check (source in ('INSPECTION', 'GRID_PATROL', 'OFFICE',
                                              'LEADER_INSTRUCTION', 'UPPER_FEEDBACK', 'CITIZEN', 'HOTLINE', 'MEDIA')),
    status                    text        not null check (status in ('REPORTED', 'REGISTERED', 'DISPATCHED', 'CLAIMED',
                                              'RECTIFIED', 'REWORK', 'REPORTED_UPWARD', 'PARKED', 'CLOSED', 'REJECTED',
                                              'MERGED')),
    deadline                  timestamptz,
    clock_started_at          timestamptz,
    dispute_reason            text,
    dispute_suggested_unit_id uuid,
    extension_until           timestamptz,
    extension_reason          text,
    escalated                 boolean     not null default false,
    bounces                   int         not null default 0,
    relapses                  int         not null default 0,
    parked_until              timestamptz,
    park_plan                 text,
    merged_into               uuid        references problem (id),
    last_note                 text,
    recheck_due               date,
    created_at                timestamptz not null,
    created_by                uuid,
    dispatched_at             timestamptz,
    claimed_at                timestamptz,
    rectified_at              timestamptz,
    closed_at                 timestamptz,
    -- the deadline for which ProblemOverdue was published (published once per deadline)
    overdue_published_for     timestamptz,
    version                   int         not null default 0,
    check ((point_id is not null) or (lat is not null and lng is not null)),
    check (status not in ('DISPATCHED', 'CLAIMED', 'REWORK') or (unit_id is not null and deadline is not null))
);
-- the unit inbox: open problems of one unit by deadline
create index problem_unit_status_deadline on problem (unit_id, status, deadline);
-- the board and API lists inside a jurisdiction, newest first
create index problem_scope_created on problem (jurisdiction_path text_pattern_ops, created_at desc);
create index problem_status_created on problem (status, created_at desc);
-- overdue: open at a unit with the deadline passed
create index problem_at_unit_deadline on problem (deadline) where status in ('DISPATCHED', 'CLAIMED', 'REWORK');
-- duplicates: same category at the same point, or nearby, recently
create index problem_point_category on problem (point_id, category_code, created_at desc) where point_id is not null;
create index problem_category_place on problem (category_code, created_at desc, lat, lng);
create index problem_recheck on problem (recheck_due) where status = 'CLOSED' and recheck_due is not null;
create index problem_closed_at on problem (closed_at) where status = 'CLOSED';

-- One sequence per year for the problem numbers (2026-000123): the row is locked while a number is drawn.
create table problem_number (
    year int primary key,
    last int not null
);

-- Who reported a problem; merging moves the reporters of the merged problem to the problem it went into. Never
-- shown to the handling unit (DOMAIN §2).
create table problem_reporter (
    id                  bigint generated always as identity primary key,
    problem_id          uuid        not null references problem (id),
    reported_by         uuid,
    reporter_name       text,
    source              text        not null,
    reported_at         timestamptz not null,
    original_problem_id uuid        not null references problem (id)
);
create index problem_reporter_problem on problem_reporter (problem_id);

-- Photos: BEFORE (with the report), AFTER (with a rectification), CHECK (with a verification or re-check).
create table problem_photo (
    problem_id uuid        not null references problem (id),
    blob_id    uuid        not null references blob (id),
    kind       text        not null check (kind in ('BEFORE', 'AFTER', 'CHECK')),
    added_by   uuid,
    added_at   timestamptz not null,
    primary key (problem_id, blob_id, kind)
);

-- The timeline: one row per transition (who, when, from which state to which, the action, the reason).
create table problem_event (
    id          bigint generated always as identity primary key,
    problem_id  uuid        not null references problem (id),
    at          timestamptz not null,
    actor_id    uuid,
    actor_name  text,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    unit_id     uuid,
    reason      text
);
create index problem_event_problem on problem_event (problem_id, id);

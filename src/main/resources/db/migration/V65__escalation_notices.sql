-- The escalation ladder (督办, DOMAIN §8.1): numbered notices to a unit about its overdue problems.

-- The last number given per year and kind. A notice takes the next number by updating its row in the transaction
-- that inserts the notice, so numbers are gap-free (a rolled-back notice gives its number back) and two notices never
-- share one (the row stays locked until the first commits).
create table notice_counter (
    year        int  not null,
    kind        text not null,
    last_number int  not null,
    primary key (year, kind)
);

-- A notice: copy notice (抄告单), rectification order (整改通知书) or admonition (约谈通知), addressed to a unit and its
-- main leader. Unit and leader names are kept as issued (a document does not change when the unit is renamed).
create table notice (
    id                    uuid primary key,
    kind                  text        not null check (kind in ('COPY_NOTICE', 'RECTIFICATION_ORDER', 'ADMONITION')),
    year                  int         not null,
    seq                   int         not null check (seq > 0),
    number                text        not null,
    unit_id               uuid        not null,
    unit_name             text        not null,
    jurisdiction_path     text        not null,
    leader_id             uuid,
    leader_name           text,
    issuer                text        not null,
    issued_at             timestamptz not null,
    deadline              timestamptz not null,
    state                 text        not null check (state in ('ISSUED', 'ANSWERED', 'RESOLVED', 'SUPERSEDED')),
    issued_by             uuid,
    reason                text,
    explanation_blob_id   uuid,
    explanation_filename  text,
    explanation_at        timestamptz,
    explanation_by        uuid,
    settled_at            timestamptz,
    version               int         not null default 0,
    unique (year, kind, seq)
);
create index notice_unit on notice (unit_id, issued_at desc);
create index notice_path on notice (jurisdiction_path text_pattern_ops, issued_at desc);
create index notice_issued on notice (issued_at desc, id desc);

-- The problems a notice concerns, as they stood when it was issued. (problem, kind) is unique: one notice per step
-- per problem, ever. outcome: null while the problem is on this step, ESCALATED once the next step was issued,
-- STOPPED once the problem was closed, rejected or merged.
create table notice_problem (
    notice_id        uuid        not null references notice (id),
    problem_id       uuid        not null,
    kind             text        not null,
    position         int         not null,
    problem_number   text        not null,
    category_name    text,
    description      text,
    location         text,
    problem_deadline timestamptz,
    outcome          text check (outcome in ('ESCALATED', 'STOPPED')),
    primary key (notice_id, problem_id),
    unique (problem_id, kind)
);

-- One row per problem on the ladder: the step it reached, the notice of that step and when the sweep looks at it
-- again (the notice's deadline; later when the problem's own deadline was extended). The sweep claims rows with
-- FOR UPDATE SKIP LOCKED; a problem enters the ladder by inserting its row with ON CONFLICT DO NOTHING.
create table escalation_ladder (
    problem_id    uuid primary key,
    unit_id       uuid        not null,
    step          text        not null check (step in ('COPY_NOTICE', 'RECTIFICATION_ORDER', 'ADMONITION')),
    notice_id     uuid references notice (id),
    next_check_at timestamptz not null,
    stopped_at    timestamptz,
    stop_reason   text,
    updated_at    timestamptz not null
);
create index escalation_ladder_due on escalation_ladder (next_check_at) where stopped_at is null;

-- Unit performance, rankings, rotating flags and penalties (考评、排名、问责, DOMAIN §9).

-- One row per unit and day: the problems dispatched to the unit that day, counted by where they stand now
-- (problems.UnitDayFigures). A ranking reads units × days rows of this table, never the problems. Rows are recomputed
-- from the problems (never incremented), so a retried or repeated recount gives the same row.
create table eval_unit_day (
    unit_id          uuid        not null,
    day              date        not null,
    dispatched       int         not null,
    disposed         int         not null,
    disposed_on_time int         not null,
    closed           int         not null,
    closed_on_time   int         not null,
    rectified        int         not null,
    reworked         int         not null,
    ever_closed      int         not null,
    relapsed         int         not null,
    overdue          int         not null,
    computed_at      timestamptz not null,
    primary key (unit_id, day)
);
create index eval_unit_day_day on eval_unit_day (day, unit_id);

-- (unit, day) pairs whose facts must be recounted: marked in the transaction that changed a problem (so the mark
-- commits or vanishes with the change), drained by UnitDayFacts with FOR UPDATE SKIP LOCKED (one instance per mark).
create table eval_fact_mark (
    unit_id   uuid        not null,
    day       date        not null,
    marked_at timestamptz not null,
    primary key (unit_id, day)
);

-- Where the catch-up recount has got to (one row).
create table eval_fact_catchup (
    id        int         primary key check (id = 1),
    ran_at    timestamptz not null,
    from_day  date        not null,
    to_day    date        not null
);

-- The composite index's weights of a jurisdiction node (a city); nodes below use the nearest ancestor's.
create table eval_weights (
    jurisdiction_id uuid          primary key,
    disposal        numeric(5, 2) not null check (disposal >= 0),
    on_time         numeric(5, 2) not null check (on_time >= 0),
    rework          numeric(5, 2) not null check (rework >= 0),
    volume          numeric(5, 2) not null check (volume >= 0),
    updated_at      timestamptz   not null,
    updated_by      uuid,
    version         int           not null default 0,
    check (disposal + on_time + rework + volume = 100)
);

-- Bundles (捆绑考评): units that share one result in every ranking (a street with its communities and bureaus).
create table eval_bundle (
    id              uuid        primary key,
    name            text        not null check (char_length(name) between 1 and 100),
    jurisdiction_id uuid        not null,
    created_at      timestamptz not null,
    created_by      uuid
);
create table eval_bundle_member (
    bundle_id uuid not null references eval_bundle (id) on delete cascade,
    unit_id   uuid not null unique,
    primary key (bundle_id, unit_id)
);

-- One award round per closed period, ranking category and city node: the row is what keeps two instances (or a retry)
-- from awarding the same period twice.
create table eval_flag_round (
    period_kind     text        not null check (period_kind in ('WEEK', 'MONTH', 'QUARTER')),
    period_start    date        not null,
    category        text        not null,
    jurisdiction_id uuid        not null,
    awarded_at      timestamptz not null,
    primary key (period_kind, period_start, category, jurisdiction_id)
);

-- Rotating flags (流动红旗 / 流动黑旗): the best and the worst of a category in a closed period (ties share the flag).
create table eval_flag (
    id              uuid          primary key,
    period_kind     text          not null,
    period_start    date          not null,
    period_end      date          not null,
    category        text          not null,
    jurisdiction_id uuid          not null,
    colour          text          not null check (colour in ('RED', 'BLACK')),
    unit_id         uuid          not null,
    unit_name       text          not null,
    index_value     numeric(6, 2) not null,
    awarded_at      timestamptz   not null,
    unique (period_kind, period_start, category, jurisdiction_id, colour, unit_id)
);
create index eval_flag_unit on eval_flag (unit_id, period_start desc);
create index eval_flag_period on eval_flag (period_kind, period_start desc, category);

-- Last-place notices (DOMAIN §8.1, weekly red/black list): numbered per year without gaps (创文问〔2026〕第003号).
create table eval_notice_counter (
    year        int primary key,
    last_number int not null
);
create table eval_notice (
    id              uuid        primary key,
    year            int         not null,
    seq             int         not null,
    number          text        not null unique,
    kind            text        not null check (kind in ('LEADER_TALK', 'ORGANISATION_TALK', 'ACCOUNTABILITY')),
    flag_id         uuid        not null unique references eval_flag (id),
    unit_id         uuid        not null,
    unit_name       text        not null,
    jurisdiction_id uuid        not null,
    consecutive     int         not null check (consecutive >= 1),
    period_kind     text        not null,
    period_start    date        not null,
    period_end      date        not null,
    category        text        not null,
    index_value     numeric(6, 2) not null,
    issued_at       timestamptz not null,
    unique (year, seq)
);
create index eval_notice_unit on eval_notice (unit_id, issued_at desc);
create index eval_notice_issued on eval_notice (issued_at desc);

-- Penalties ledger (问责扣分): e.g. an official vehicle's traffic violation deducts civility bonus points and a
-- percentage point of the annual appraisal; loss of award eligibility. Revoked with a reason, never deleted.
create table eval_penalty (
    id                 uuid          primary key,
    unit_id            uuid          not null,
    unit_name          text          not null,
    jurisdiction_path  text          not null,
    kind               text          not null check (kind in ('OFFICIAL_VEHICLE_VIOLATION', 'BONUS_DEDUCTION',
                                         'AWARD_INELIGIBLE', 'OTHER')),
    occurred_on        date          not null,
    reason             text          not null check (char_length(reason) between 1 and 1000),
    bonus_points       numeric(6, 2) not null check (bonus_points >= 0),
    appraisal_points   numeric(5, 2) not null check (appraisal_points between 0 and 100),
    loses_award        boolean       not null,
    recorded_at        timestamptz   not null,
    recorded_by        uuid,
    recorded_by_name   text,
    revoked_at         timestamptz,
    revoked_by         uuid,
    revoke_reason      text,
    version            int           not null default 0,
    check ((revoked_at is null) = (revoke_reason is null))
);
create index eval_penalty_unit on eval_penalty (unit_id, occurred_on desc);
create index eval_penalty_scope on eval_penalty (jurisdiction_path text_pattern_ops, occurred_on desc);
create table eval_penalty_evidence (
    penalty_id uuid not null references eval_penalty (id),
    blob_id    uuid not null references blob (id),
    filename   text not null,
    primary key (penalty_id, blob_id)
);

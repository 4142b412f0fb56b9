-- Inspections (督查、模拟测评, DOMAIN §7): sampling rules, rounds with their teams and sampled points, and observations.
--
-- Ids of frameworks, standards, points, units, people and accounts belong to other modules (criteria, points,
-- organisation); the codes and names needed by lists are copied, and every observation carries a SNAPSHOT of the
-- point's type, district, street, unit, command post, leader and person at observation time, so that scores and
-- the accountability trace never change when a point is later reassigned, and the pass-rate sums are one
-- aggregate over this table alone.

-- A named, reusable sampling rule: how many points of each type (optionally per district) a round draws.
create table inspection_sampling_rule (
    id          uuid        primary key,
    name        text        not null,
    official    boolean     not null default false,
    version     int         not null default 0,
    created_at  timestamptz not null,
    created_by  uuid
);
create unique index inspection_sampling_rule_name on inspection_sampling_rule (name);
-- at most one official rule (the one the national assessment uses; the forecast simulates it)
create unique index inspection_sampling_rule_official on inspection_sampling_rule (official) where official;

create table inspection_sampling_quota (
    rule_id          uuid    not null references inspection_sampling_rule (id) on delete cascade,
    point_type_code  text    not null,
    district_id      uuid,
    count            int     not null check (count between 1 and 10000),
    sort_order       int     not null,
    primary key (rule_id, sort_order)
);

-- A round. The seed is stored: the same seed over the same active points draws the same points.
create table inspection_round (
    id                uuid        primary key,
    name              text        not null,
    kind              text        not null check (kind in ('DAILY_PATROL', 'WEEKLY_CHECK', 'MOCK_ASSESSMENT',
                                                           'SPECIAL_CAMPAIGN', 'RECHECK', 'UPPER_LEVEL')),
    framework_id      uuid        not null,
    status            text        not null check (status in ('PLANNED', 'OPEN', 'CLOSED')),
    seed              bigint      not null,
    sampling_rule_id  uuid        references inspection_sampling_rule (id),
    planned_on        date        not null,
    shortfall         jsonb       not null default '[]',
    opened_at         timestamptz,
    opened_by         uuid,
    closed_at         timestamptz,
    closed_by         uuid,
    version           int         not null default 0,
    created_at        timestamptz not null,
    created_by        uuid
);
create index inspection_round_by_framework on inspection_round (framework_id, planned_on desc, created_at desc);
create index inspection_round_by_date on inspection_round (planned_on desc, created_at desc);

-- Teams of two inspectors (accounts with the INSPECTOR role).
create table inspection_team_member (
    round_id       uuid not null references inspection_round (id) on delete cascade,
    team_no        int  not null check (team_no >= 1),
    inspector_id   uuid not null,
    inspector_name text not null,
    primary key (round_id, inspector_id)
);
create index inspection_team_by_inspector on inspection_team_member (inspector_id);

-- The points a round sampled (or, for an upper-level round, the points its imported results name).
create table inspection_round_point (
    round_id         uuid not null references inspection_round (id) on delete cascade,
    point_id         uuid not null,
    point_code       text not null,
    point_name       text not null,
    point_type_code  text not null,
    district_id      uuid,
    unit_id          uuid,
    team_no          int,
    sort_order       int  not null,
    primary key (round_id, point_id)
);
create index inspection_round_point_by_point on inspection_round_point (point_id);

-- One checklist item at one point in one round. Re-saving the item replaces the row (unique key); get_fraction is the
-- effective get fraction (ObservationResult.getFraction): null for not applicable.
create table inspection_observation (
    id                 uuid          primary key,
    round_id           uuid          not null references inspection_round (id),
    round_kind         text          not null,
    framework_id       uuid          not null,
    standard_id        uuid          not null,
    standard_code      text          not null,
    point_id           uuid          not null,
    point_type_code    text          not null,
    district_id        uuid,
    street_id          uuid,
    unit_id            uuid,
    command_post_id    uuid,
    leader_person_id   uuid,
    person_id          uuid,
    result             text          not null check (result in ('COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE')),
    recorded_fraction  numeric(5, 4) check (recorded_fraction between 0 and 1),
    get_fraction       numeric(5, 4) check (get_fraction between 0 and 1),
    note               text          not null default '',
    problem_id         uuid,
    observed_at        timestamptz   not null,
    observed_by        uuid,
    observed_by_name   text,
    version            int           not null default 0,
    unique (round_id, point_id, standard_id)
);
-- pass-rate sums by framework (optionally a round or a period), and the city's latest state per (point, standard)
create index inspection_observation_by_framework on inspection_observation (framework_id, round_id)
    include (standard_id, get_fraction);
create index inspection_observation_latest on inspection_observation (framework_id, point_id, standard_id, observed_at desc);
create index inspection_observation_by_time on inspection_observation (framework_id, observed_at);
create index inspection_observation_by_problem on inspection_observation (problem_id) where problem_id is not null;

create table inspection_observation_photo (
    observation_id uuid not null references inspection_observation (id) on delete cascade,
    blob_id        uuid not null,
    primary key (observation_id, blob_id)
);

-- Scoring (DOMAIN §7): the sums behind every standard's pass rate, per inspection round and per group (city, district,
-- street, unit, point type, command post), kept up to date from ObservationRecorded in the transaction that saves the
-- observation (a delta: + the new fact, − the fact it replaced), so that a round's scores are ready the moment its last
-- observation is saved. Each group's sums are split over a few shards (by observation id) so that two inspectors
-- saving observations of the same standard at the same time seldom wait for the same row. A full recompute rebuilds a
-- framework's rows from the observations.
create table scoring_rate (
    framework_id uuid          not null,
    round_id     uuid          not null,
    round_kind   text          not null,
    dimension    text          not null check (dimension in ('CITY', 'DISTRICT', 'STREET', 'UNIT', 'POINT_TYPE', 'COMMAND_POST')),
    group_key    text          not null, -- '' for the city, else the id as text or the point type code
    standard_id  uuid          not null,
    shard        smallint      not null,
    get_sum      numeric(20,6) not null,
    applicable   bigint        not null,
    primary key (framework_id, dimension, round_id, group_key, standard_id, shard)
);

create index scoring_rate_kind on scoring_rate (framework_id, dimension, round_kind);

-- When each framework's rows were last rebuilt from the observations, and from how many.
create table scoring_rebuild (
    framework_id uuid primary key,
    rebuilt_at   timestamptz not null,
    observations bigint      not null,
    took_ms      bigint      not null
);

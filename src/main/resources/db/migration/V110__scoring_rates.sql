-- Scoring (DOMAIN §7): the city-wide figure kept up to date. For every framework, kind of round, group (the city, or
-- a district) and standard: the sum of the effective get fractions and the number of applicable observations,
-- changed by every ObservationRecorded in the transaction that saves the observation (a delta: + the new fact, − the
-- fact it replaced). Each sum is split over a few shards (by observation id) so that two inspectors saving
-- observations of the same standard at the same time seldom wait for the same row. A round's own scores, time
-- windows and the finer groupings are computed on request from the round's observations. A full recompute rebuilds
-- a framework's rows from every observation.
create table scoring_rate (
    framework_id uuid          not null,
    round_kind   text          not null,
    dimension    text          not null check (dimension in ('CITY', 'DISTRICT')),
    group_key    text          not null, -- '' for the city, else the district's id
    standard_id  uuid          not null,
    shard        smallint      not null,
    get_sum      numeric(20,6) not null,
    applicable   bigint        not null,
    primary key (framework_id, dimension, round_kind, group_key, standard_id, shard)
);

-- When each framework's rows were last rebuilt from the observations, from how many, and how long it took.
create table scoring_rebuild (
    framework_id uuid primary key,
    rebuilt_at   timestamptz not null,
    observations bigint      not null,
    took_ms      bigint      not null
);

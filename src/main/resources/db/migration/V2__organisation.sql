-- Organisation (DOMAIN §3): jurisdiction tree, units, people, command posts, responsibility map.
create table jurisdiction (
    id         uuid primary key,
    parent_id  uuid references jurisdiction (id),
    level      text        not null check (level in ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'GRID')),
    code       text        not null unique,
    name       text        not null check (char_length(name) between 1 and 100),
    -- materialised path of ids, '/<root id>/.../<own id>/', for subtree scoping with a prefix match
    path       text        not null,
    sort_order int         not null default 0,
    version    int         not null default 0,
    created_at timestamptz not null default now()
);
create index jurisdiction_parent on jurisdiction (parent_id, sort_order, code);
create index jurisdiction_path on jurisdiction (path text_pattern_ops);
create index jurisdiction_level on jurisdiction (level);

create table unit (
    id              uuid primary key,
    code            text        not null unique,
    name            text        not null check (char_length(name) between 1 and 100),
    type            text        not null,
    jurisdiction_id uuid        not null references jurisdiction (id),
    parent_id       uuid references unit (id),
    main_leader_id  uuid,
    liaison_id      uuid,
    phone           text,
    address         text,
    active          boolean     not null default true,
    version         int         not null default 0,
    created_at      timestamptz not null default now()
);
create index unit_jurisdiction on unit (jurisdiction_id);
create index unit_parent on unit (parent_id);
create index unit_type on unit (type, name);

create table person (
    id              uuid primary key,
    name            text        not null check (char_length(name) between 1 and 50),
    unit_id         uuid references unit (id),
    position        text,
    mobile          text,
    jurisdiction_id uuid references jurisdiction (id),
    active          boolean     not null default true,
    version         int         not null default 0,
    created_at      timestamptz not null default now()
);
create index person_unit on person (unit_id, name);
create index person_jurisdiction on person (jurisdiction_id);
-- a person's mobile number identifies them within the city (Excel import matches on it)
create unique index person_mobile on person (mobile) where mobile is not null;

alter table unit add constraint unit_main_leader_fk foreign key (main_leader_id) references person (id);
alter table unit add constraint unit_liaison_fk foreign key (liaison_id) references person (id);

create table command_post (
    id              uuid primary key,
    code            text        not null unique,
    name            text        not null check (char_length(name) between 1 and 100),
    jurisdiction_id uuid        not null references jurisdiction (id),
    commander_id    uuid references person (id),
    lead_unit_id    uuid references unit (id),
    version         int         not null default 0,
    created_at      timestamptz not null default now()
);

create table command_post_member (
    command_post_id uuid not null references command_post (id) on delete cascade,
    unit_id         uuid not null references unit (id),
    primary key (command_post_id, unit_id)
);
create index command_post_member_unit on command_post_member (unit_id);

-- Responsibility map (网格化责任): for an area, a road segment, a shop front or a point: the leader who
-- holds the area (包片), the unit that holds the block (包街区), the person who holds the door (包门点).
create table responsibility (
    id               uuid primary key,
    jurisdiction_id  uuid        not null references jurisdiction (id),
    subject_kind     text        not null check (subject_kind in ('AREA', 'ROAD_SEGMENT', 'SHOP_FRONT', 'POINT')),
    subject_name     text        not null check (char_length(subject_name) between 1 and 100),
    subject_ref      text,
    area_leader_id   uuid references person (id),
    block_unit_id    uuid references unit (id),
    door_person_id   uuid references person (id),
    frontage_duties  text[]      not null default '{}',
    version          int         not null default 0,
    created_at       timestamptz not null default now()
);
create unique index responsibility_one_per_area on responsibility (jurisdiction_id) where subject_kind = 'AREA';
create index responsibility_jurisdiction on responsibility (jurisdiction_id, subject_kind);
create index responsibility_subject_ref on responsibility (subject_kind, subject_ref) where subject_ref is not null;
create index responsibility_block_unit on responsibility (block_unit_id);

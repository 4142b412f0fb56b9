-- Criteria (DOMAIN §4): campaigns, versioned frameworks, the criterion tree with standards, point types,
-- negative list with incidents, quantitative indicators with reported values, cross-campaign mappings.
-- Units, jurisdictions and people of the organisation module are referred to by id only (no foreign keys).

-- The 26 point types of the 2021 manual (reference data).
create table point_type (
    code       text primary key check (code ~ '^P[0-9]{2}$'),
    name_zh    text not null unique,
    name_en    text not null,
    sort_order int  not null
);
insert into point_type (code, name_zh, name_en, sort_order) values
    ('P01', '新时代文明实践中心', 'civilization-practice centre', 1),
    ('P02', '政务大厅', 'government service hall', 2),
    ('P03', '银行网点', 'bank branch', 3),
    ('P04', '窗口单位', 'service-window unit', 4),
    ('P05', '公交站点', 'bus stop', 5),
    ('P06', '公交车', 'bus', 6),
    ('P07', '出租车', 'taxi', 7),
    ('P08', '室外公共厕所', 'outdoor public toilet', 8),
    ('P09', '公共广场', 'public square', 9),
    ('P10', '宾馆酒店', 'hotel', 10),
    ('P11', '公园', 'park', 11),
    ('P12', '社区', 'community', 12),
    ('P13', '建筑工地', 'construction site', 13),
    ('P14', '景区景点', 'scenic spot', 14),
    ('P15', '中小学校', 'primary or secondary school', 15),
    ('P16', '商场超市', 'mall or supermarket', 16),
    ('P17', '医院', 'hospital', 17),
    ('P18', '公共文化设施', 'public cultural facility', 18),
    ('P19', '主要交通路口', 'main traffic intersection', 19),
    ('P20', '背街小巷', 'back lane', 20),
    ('P21', '商业大街', 'commercial street', 21),
    ('P22', '主次干道', 'arterial road', 22),
    ('P23', '城乡接合部', 'urban-rural fringe', 23),
    ('P24', '集贸市场', 'farmers'' market', 24),
    ('P25', '小区', 'residential compound', 25),
    ('P26', '乡镇', 'township', 26);

create table campaign (
    id                uuid primary key,
    code              text        not null unique check (char_length(code) between 1 and 40),
    name              text        not null check (char_length(name) between 1 and 100),
    kind              text        not null check (kind in ('CIVILIZED_CITY', 'SANITARY_CITY', 'GARDEN_CITY', 'HYGIENE_TOWN', 'OTHER')),
    jurisdiction_id   uuid        not null,
    -- the jurisdiction's materialised path when the campaign was created: scopes list queries by prefix
    jurisdiction_path text        not null,
    description       text check (char_length(description) <= 1000),
    version           int         not null default 0,
    created_at        timestamptz not null default now()
);
create index campaign_path on campaign (jurisdiction_path text_pattern_ops);
create index campaign_jurisdiction on campaign (jurisdiction_id);

create table framework (
    id                 uuid primary key,
    campaign_id        uuid          not null references campaign (id),
    name               text          not null check (char_length(name) between 1 and 200),
    edition            text          not null check (char_length(edition) between 1 and 40),
    status             text          not null check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    previous_id        uuid references framework (id),
    total_score        numeric(8, 2) check (total_score >= 0),
    prerequisite       boolean       not null default false,
    pass_threshold     numeric(8, 2) check (pass_threshold >= 0),
    weight_percent     numeric(5, 2) check (weight_percent between 0 and 100),
    version            int           not null default 0,
    created_at         timestamptz   not null default now(),
    check (not prerequisite or pass_threshold is not null)
);
create index framework_campaign on framework (campaign_id, created_at desc);
create index framework_created on framework (created_at desc, id);
-- at most one active framework of each kind (main / prerequisite) per campaign
create unique index framework_one_active on framework (campaign_id, prerequisite) where status = 'ACTIVE';

-- Levels Ⅰ (测评项目), Ⅱ (指标), Ⅲ (测评内容).
create table criterion (
    id           uuid primary key,
    framework_id uuid          not null references framework (id),
    parent_id    uuid references criterion (id),
    level        smallint      not null check (level between 1 and 3),
    code         text          not null check (char_length(code) between 1 and 40),
    name         text          not null check (char_length(name) between 1 and 200),
    max_score    numeric(8, 2) check (max_score >= 0),
    sort_order   int           not null default 0,
    version      int           not null default 0,
    unique (framework_id, code),
    check ((level = 1) = (parent_id is null))
);
create index criterion_parent on criterion (framework_id, parent_id, sort_order);

-- Numbered standards (测评标准) under level-Ⅲ items.
create table standard (
    id            uuid primary key,
    framework_id  uuid          not null references framework (id),
    criterion_id  uuid          not null references criterion (id),
    code          text          not null check (char_length(code) between 1 and 40),
    content       text          not null check (char_length(content) between 1 and 2000),
    max_score     numeric(8, 2) check (max_score >= 0),
    methods       text[]        not null check (cardinality(methods) >= 1),
    point_types   text[]        not null default '{}',
    change_marker text          not null default 'UNCHANGED' check (change_marker in ('NEW', 'RETURNING', 'REANGLED', 'UNCHANGED')),
    sort_order    int           not null default 0,
    version       int           not null default 0,
    unique (framework_id, code)
);
create index standard_criterion on standard (criterion_id, sort_order);
create index standard_framework on standard (framework_id, sort_order);
create index standard_point_types on standard using gin (point_types);

-- A standard of one campaign's framework mapped to a standard of another campaign's framework; stored once,
-- read in both directions.
create table standard_mapping (
    standard_id        uuid        not null references standard (id),
    mapped_standard_id uuid        not null references standard (id),
    created_by         uuid,
    created_at         timestamptz not null default now(),
    primary key (standard_id, mapped_standard_id),
    check (standard_id <> mapped_standard_id)
);
create index standard_mapping_reverse on standard_mapping (mapped_standard_id);

create table negative_list_item (
    id           uuid primary key,
    framework_id uuid          not null references framework (id),
    code         text          not null check (char_length(code) between 1 and 40),
    content      text          not null check (char_length(content) between 1 and 1000),
    effect       text          not null check (effect in ('VETO', 'DEDUCT', 'SUSPEND', 'REVOKE')),
    deduction    numeric(8, 2) check (deduction > 0),
    sort_order   int           not null default 0,
    version      int           not null default 0,
    unique (framework_id, code),
    check ((effect = 'DEDUCT') = (deduction is not null))
);
create index negative_list_item_framework on negative_list_item (framework_id, sort_order);

create table negative_incident (
    id               uuid primary key,
    item_id          uuid        not null references negative_list_item (id),
    framework_id     uuid        not null references framework (id),
    occurred_on      date        not null,
    description      text        not null check (char_length(description) between 1 and 2000),
    evidence         text check (char_length(evidence) <= 2000),
    recorded_by      uuid,
    recorded_by_name text        not null,
    recorded_at      timestamptz not null
);
create index negative_incident_framework on negative_incident (framework_id, occurred_on desc);
create index negative_incident_item on negative_incident (item_id);

create table quantitative_indicator (
    id                  uuid primary key,
    framework_id        uuid           not null references framework (id),
    code                text           not null check (char_length(code) between 1 and 40),
    name                text           not null check (char_length(name) between 1 and 200),
    comparator          text           not null check (comparator in ('GE', 'GT', 'LE', 'LT')),
    threshold           numeric(14, 4) not null,
    unit_of_measure     text           not null check (char_length(unit_of_measure) <= 20),
    responsible_unit_id uuid,
    criterion_code      text,
    sort_order          int            not null default 0,
    version             int            not null default 0,
    unique (framework_id, code)
);
create index quantitative_indicator_framework on quantitative_indicator (framework_id, sort_order);
create index quantitative_indicator_unit on quantitative_indicator (responsible_unit_id);

create table indicator_value (
    id               uuid primary key,
    indicator_id     uuid           not null references quantitative_indicator (id),
    period           text           not null check (char_length(period) between 1 and 20),
    value            numeric(14, 4) not null,
    reported_by      uuid,
    reported_by_name text           not null,
    reported_at      timestamptz    not null,
    evidence         text check (char_length(evidence) <= 2000),
    note             text check (char_length(note) <= 1000)
);
create index indicator_value_indicator on indicator_value (indicator_id, reported_at desc);

-- Inspection points (点位, DOMAIN §6) and the boundaries of the grids (网格) used to route a location to its grid.
--
-- A point is a physical place that inspectors visit and problems are reported at, so its location is REQUIRED:
-- latitude/longitude in WGS-84 degrees (6 decimals ≈ 0.1 m). The map, the radius search (near) and the evidence
-- distance checks all need it; a point whose place is unknown cannot be imported or created.
-- The point type is one of criteria's 26 point types (P01..P26), checked by the application against CriteriaDirectory.
-- Ids of jurisdictions, units and people are organisation's; their codes and names are kept as assigned (refreshed on
-- every change of the point) so that lists and exports need no joins into another module's tables.
-- jurisdiction_path is the materialised path of the point's jurisdiction node: it bounds every scoped query.
create table point (
    id                 uuid          primary key,
    code               text          not null,
    name               text          not null,
    type_code          text          not null,
    address            text          not null default '',
    latitude           numeric(9, 6) not null check (latitude between -90 and 90),
    longitude          numeric(9, 6) not null check (longitude between -180 and 180),
    jurisdiction_id    uuid          not null,
    jurisdiction_path  text          not null,
    jurisdiction_code  text          not null,
    jurisdiction_name  text          not null,
    grid_id            uuid,
    grid_code          text,
    unit_id            uuid          not null,
    unit_code          text          not null,
    unit_name          text          not null,
    leader_person_id   uuid,
    leader_name        text,
    person_id          uuid,
    person_name        text,
    status             text          not null check (status in ('ACTIVE', 'RETIRED')),
    version            int           not null default 0,
    created_at         timestamptz   not null,
    created_by         uuid,
    updated_at         timestamptz   not null,
    updated_by         uuid
);
create unique index point_by_code on point (code);
-- list pages: by type, by unit, by jurisdiction subtree (all sorted by code)
create index point_by_type on point (type_code, code);
create index point_by_unit on point (unit_id, code);
create index point_by_scope on point (jurisdiction_path text_pattern_ops, code);
create index point_by_grid on point (grid_id);
-- radius and bounding-box search (no PostGIS): a range on latitude, then longitude, then exact distance in Java
create index point_by_location on point (latitude, longitude);

-- The polygon of a GRID-level jurisdiction node: one outer ring of [lat, lng] pairs (not closed: the last vertex
-- joins the first), with its bounding box for candidate search. "location → grid" is a bounding-box query followed by
-- a point-in-polygon test in Java (GridLocator).
create table grid_boundary (
    grid_id            uuid          primary key,
    grid_code          text          not null,
    jurisdiction_path  text          not null,
    ring               jsonb         not null,
    min_lat            numeric(9, 6) not null,
    max_lat            numeric(9, 6) not null,
    min_lng            numeric(9, 6) not null,
    max_lng            numeric(9, 6) not null,
    version            int           not null default 0,
    updated_at         timestamptz   not null,
    updated_by         uuid,
    check (min_lat <= max_lat and min_lng <= max_lng)
);
create index grid_boundary_bbox on grid_boundary (min_lat, max_lat, min_lng, max_lng);
create index grid_boundary_scope on grid_boundary (jurisdiction_path text_pattern_ops);

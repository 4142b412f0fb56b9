-- Organisation maintenance (DOMAIN §3): indexes behind every organisation list and search, and the small
-- columns the pages need. pg_trgm is not assumed: searches match a code prefix (text_pattern_ops) or a name
-- prefix; substring search on names runs on the rows already narrowed by the jurisdiction path index.

-- jurisdiction tree: search by code / name prefix within a subtree
create index jurisdiction_code_prefix on jurisdiction (code text_pattern_ops);
create index jurisdiction_name_prefix on jurisdiction (name text_pattern_ops);

-- units: search by code / name prefix, filter by type, list in code order
create index unit_code_prefix on unit (code text_pattern_ops);
create index unit_name_prefix on unit (name text_pattern_ops);
create index unit_jurisdiction_code on unit (jurisdiction_id, code);

-- people: search by name / mobile prefix, list by unit
create index person_name_prefix on person (name text_pattern_ops);
create index person_mobile_prefix on person (mobile text_pattern_ops) where mobile is not null;

-- command posts: by jurisdiction, by lead unit, by commander
create index command_post_jurisdiction on command_post (jurisdiction_id, code);
create index command_post_lead_unit on command_post (lead_unit_id);
create index command_post_commander on command_post (commander_id);
alter table command_post add column description text check (description is null or char_length(description) <= 500);

-- responsibility map: who holds what, found from a person as well as from a unit
create index responsibility_area_leader on responsibility (area_leader_id) where area_leader_id is not null;
create index responsibility_door_person on responsibility (door_person_id) where door_person_id is not null;
alter table responsibility add constraint responsibility_frontage_duties_valid
    check (frontage_duties <@ array['SANITATION', 'ORDER', 'GREENING', 'FACILITIES', 'CIVILITY']::text[]);
alter table responsibility add constraint responsibility_frontage_only_for_shop_fronts
    check (subject_kind = 'SHOP_FRONT' or cardinality(frontage_duties) = 0);

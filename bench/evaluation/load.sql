-- Bulk load for bench/evaluation-bench.sh: :units units (psql -v units=2000) under the demo city's node — 5 % streets,
-- 15 % departments, 60 % communities, 20 % enterprises — and :count problems (psql -v count=10000000) handled by them,
-- dispatched over the last 120 days, with the states of a running campaign (80 % closed, of which most by the
-- deadline, 8 % at the unit, 4 % rectified, 3 % rework, the rest merged, rejected or parked; 1 % relapsed). Copies a
-- demo problem's category, place and jurisdiction. Codes 'BU-…' and numbers 'E…' keep them apart from the demo city.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
select setseed(0.20261125);

select id as city, path as city_path from jurisdiction where level = 'CITY' order by code limit 1 \gset

insert into unit (id, code, name, type, jurisdiction_id, active)
select gen_random_uuid(), 'BU-' || lpad(g::text, 5, '0'),
       case when g % 20 = 0 then '压测街道' when g % 20 < 4 then '压测局委' when g % 20 < 16 then '压测社区' else '压测企业' end || g,
       case when g % 20 = 0 then 'STREET_OFFICE' when g % 20 < 4 then 'DEPARTMENT' when g % 20 < 16 then 'COMMUNITY'
            else 'ENTERPRISE' end,
       :'city'::uuid, true
from generate_series(1, :units) g;

create temp table bu as
select (row_number() over (order by code) - 1)::int as i, id from unit where code like 'BU-%';
select count(*) as bench_units from bu \gset

create temp table tpl as
select * from problem where unit_id is not null and number not like 'E%' and number not like 'H%' limit 1;

insert into problem (id, number, category_code, description, point_id, lat, lng, jurisdiction_id, jurisdiction_path,
                     unit_id, source, status, deadline, clock_started_at, relapses, created_at, dispatched_at,
                     claimed_at, rectified_at, closed_at, version)
select gen_random_uuid(), 'E' || lpad(x.g::text, 8, '0'), t.category_code, t.description, t.point_id, t.lat, t.lng,
       t.jurisdiction_id, t.jurisdiction_path, bu.id, t.source, x.status,
       x.dispatched + (1 + x.r2 * 4) * interval '1 day',
       x.dispatched,
       case when x.status = 'CLOSED' and x.r3 < 0.0125 then 1 else 0 end,
       x.dispatched - interval '2 hour', x.dispatched,
       case when x.status in ('CLAIMED', 'REWORK', 'RECTIFIED', 'CLOSED') then x.dispatched + interval '3 hour' end,
       case when x.status in ('RECTIFIED', 'CLOSED') then x.dispatched + (x.r3 * 6) * interval '1 day' end,
       case when x.status = 'CLOSED' then x.dispatched + (x.r3 * 6 + 0.5) * interval '1 day' end,
       2
from (
    select g, random() as r1, random() as r2, random() as r3,
           now() - random() * 120 * interval '1 day' as dispatched,
           case when (hashint4(g)::bigint + 2147483648) % 100 < 80 then 'CLOSED'
                when (hashint4(g)::bigint + 2147483648) % 100 < 86 then 'DISPATCHED'
                when (hashint4(g)::bigint + 2147483648) % 100 < 88 then 'CLAIMED'
                when (hashint4(g)::bigint + 2147483648) % 100 < 92 then 'RECTIFIED'
                when (hashint4(g)::bigint + 2147483648) % 100 < 95 then 'REWORK'
                when (hashint4(g)::bigint + 2147483648) % 100 < 97 then 'MERGED'
                when (hashint4(g)::bigint + 2147483648) % 100 < 99 then 'REJECTED'
                else 'PARKED' end as status
    from generate_series(1, :count) g
) x
join bu on bu.i = x.g % :bench_units
cross join tpl t;

vacuum (analyze) problem;
\echo problems by state after the load:
select status, count(*) from problem where number like 'E%' group by status order by 2 desc;

-- Bulk load for bench/dashboard-bench.sh: :count problems (psql -v count=10000000), a copy of bench/problems/load.sql
-- (same states, times and deadlines: 85 % closed, 3 % rejected, 2 % merged, 7.5 % at a unit, the rest waiting, parked
-- or reported upward; 90 % created over the last year, 10 % over the last 20 days) whose handling units are spread
-- over every active unit of the city (2,000 after bench/dashboard/units.sql) instead of the demo units; category,
-- point, position and jurisdiction are copied from the demo city's problems. Numbers are 'H0000001'…
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
select setseed(0.20261125);

create temp table bench_units as
select (row_number() over (order by id) - 1)::int as n, id from unit where active;
create index on bench_units (n);

create temp table tpl as
select (row_number() over (order by number) - 1)::int as i, p.*
from problem p
where p.unit_id is not null and p.number not like 'H%';
select count(*) as templates from tpl \gset
\echo templates (demo problems with a unit): :templates

insert into problem (id, number, category_code, description, point_id, lat, lng, jurisdiction_id, jurisdiction_path,
                     unit_id, source, status, deadline, clock_started_at, escalated, parked_until, park_plan,
                     recheck_due, created_at, created_by, dispatched_at, claimed_at, rectified_at, closed_at,
                     overdue_published_for, version)
select gen_random_uuid(), 'H' || lpad(x.g::text, 7, '0'), t.category_code, t.description, t.point_id,
       case when t.lat is null then null else t.lat + (x.r3 - 0.5) * 0.0004 end,
       case when t.lng is null then null else t.lng + (x.r2 - 0.5) * 0.0004 end,
       t.jurisdiction_id, t.jurisdiction_path,
       case when x.status in ('REPORTED', 'REGISTERED') then null else (select id from bench_units where n = x.g % (select count(*) from bench_units)) end,
       t.source, x.status, x.deadline,
       case when x.status in ('REPORTED', 'REGISTERED', 'REJECTED') then null else x.created + interval '2 hour' end,
       x.r3 < 0.02,
       case when x.status = 'PARKED' then now() + interval '30 day' end,
       case when x.status = 'PARKED' then '纳入年度改造计划' end,
       case when x.status = 'CLOSED' and x.r3 < 0.1 then (x.created + interval '33 day')::date end,
       x.created, t.created_by,
       case when x.status in ('REPORTED', 'REGISTERED', 'REJECTED') then null else x.created + interval '2 hour' end,
       case when x.status in ('CLAIMED', 'REWORK', 'RECTIFIED', 'CLOSED') then x.created + interval '1 day' end,
       case when x.status in ('RECTIFIED', 'CLOSED') then x.created + interval '2 day' end,
       case when x.status = 'CLOSED' then x.created + interval '60 hour' + x.r3 * interval '1 day' end,
       case when x.status in ('DISPATCHED', 'CLAIMED', 'REWORK') and x.deadline < now() - interval '1 hour'
            then x.deadline end,
       3
from (
    select y.*,
           case when y.status in ('DISPATCHED', 'CLAIMED', 'REWORK', 'RECTIFIED', 'PARKED', 'REPORTED_UPWARD')
                    then now() + (y.r2 * 15 - 3) * interval '1 day'
                when y.status in ('CLOSED', 'REJECTED', 'MERGED') then y.created + interval '3 day'
           end as deadline
    from (
        select z.*,
               case when z.b < 900 then now() - (3 + z.r1 * 360) * interval '1 day'
                    else now() - z.r1 * 20 * interval '1 day' end as created
        from (
            select g, ((hashint4(g)::bigint + 2147483648) % 1000) as b, random() as r1, random() as r2, random() as r3,
                   case when ((hashint4(g)::bigint + 2147483648) % 1000) < 850 then 'CLOSED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 880 then 'REJECTED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 900 then 'MERGED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 940 then 'DISPATCHED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 960 then 'CLAIMED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 965 then 'REWORK'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 975 then 'RECTIFIED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 985 then 'REGISTERED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 990 then 'REPORTED'
                        when ((hashint4(g)::bigint + 2147483648) % 1000) < 995 then 'PARKED'
                        else 'REPORTED_UPWARD' end as status
            from generate_series(1, :count) g
        ) z
    ) y
) x
join tpl t on t.i = x.g % :templates;

-- a table a year old has been vacuumed by autovacuum (visibility map set: index-only scans count without the heap)
vacuum (analyze) problem;
\echo problems by state after the load:
select status, count(*) as problems,
       count(*) filter (where status in ('DISPATCHED', 'CLAIMED', 'REWORK') and deadline < now()) as overdue
from problem group by status order by count(*) desc;

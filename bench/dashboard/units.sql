-- Units for bench/dashboard-bench.sh: adds property companies (物业) under the demo city's communities and streets until
-- the city has :units units (psql -v units=2000), as a large city has. Codes 'BU-0001'…; idempotent (a rerun adds none).
\set ON_ERROR_STOP on
insert into unit (id, code, name, type, jurisdiction_id, active)
select gen_random_uuid(), 'BU-' || lpad(g::text, 4, '0'), '压测物业公司 ' || g, 'PROPERTY_COMPANY',
       j.id, true
from generate_series(1, greatest(0, :units - (select count(*) from unit where code not like 'BU-%'))) g
join lateral (select id from jurisdiction where level in ('STREET', 'COMMUNITY')
              order by md5(id::text || g::text) limit 1) j on true
on conflict (code) do nothing;
select count(*) as units from unit;

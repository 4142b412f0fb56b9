-- The comparison table for pgbench: the shape of problem (columns, defaults, checks and all its indexes, no foreign
-- keys, no triggers) in a scratch schema of the same embedded PostgreSQL, filled with a copy of its rows. The indexes
-- are built after the copy (much faster than maintaining them row by row on a shared machine); the result is the same
-- table. Dropped again by bench/problems-bench.sh.
\set ON_ERROR_STOP on
drop schema if exists bench_scratch cascade;
create schema bench_scratch;
create table bench_scratch.problem (like public.problem including defaults including constraints);
insert into bench_scratch.problem select * from public.problem;
select replace(indexdef, ' ON public.problem ', ' ON bench_scratch.problem ')
from pg_indexes where schemaname = 'public' and tablename = 'problem' \gexec
analyze bench_scratch.problem;

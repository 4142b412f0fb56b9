-- The comparison table for pgbench: the shape of problem (columns, defaults, checks and all nine indexes, no foreign
-- keys) in a scratch schema of the same embedded PostgreSQL. Dropped again by bench/problems-bench.sh.
\set ON_ERROR_STOP on
drop schema if exists bench_scratch cascade;
create schema bench_scratch;
create table bench_scratch.problem (like public.problem including defaults including constraints including indexes);
insert into bench_scratch.problem select * from public.problem;
analyze bench_scratch.problem;

-- Problem numbers (2026-000123) from a sequence per year, problem_number_<year>, instead of the year's row of
-- problem_number, which every intake locked until it committed (intake ran one at a time; docs/PERFORMANCE.md,
-- "Problems"). A sequence draw takes no lock that lasts to the commit, so numbers are unique and increase within the
-- year but are no longer gap-free: a rolled-back intake (refused duplicate, failed insert) leaves its number unused.
-- Problem numbers are references, not a register that must be complete (escalation's notice numbers are, and keep
-- their own gap-free counter). problem_number keeps the last numbers drawn by the old counter; the sequences continue
-- after them.
do
$$
declare
    r record;
begin
    for r in select year, last from problem_number loop
        execute format('create sequence %I as bigint', 'problem_number_' || r.year);
        perform setval(('problem_number_' || r.year)::regclass, r.last);
    end loop;
end
$$;

-- The next number of a year. The year's sequence is created by the first draw of the year (under a transaction
-- advisory lock, so two first draws do not both create it: the second waits for the creator's commit and then finds
-- the sequence with a fresh read of pg_class, as the catalog cache may still remember it missing), continuing after
-- the old counter's last number of that year if there is one.
create function problem_number_next(p_year int) returns bigint
    language plpgsql as
$$
declare
    name text := 'problem_number_' || p_year;
    seq  oid  := to_regclass('problem_number_' || p_year);
begin
    if seq is null then
        perform pg_advisory_xact_lock(hashtext('problem_number_next'), p_year);
        select c.oid into seq from pg_class c
        where c.relname = name and c.relkind = 'S' and c.relnamespace = current_schema()::regnamespace;
        if seq is null then
            execute format('create sequence %I as bigint', name);
            select c.oid into seq from pg_class c
            where c.relname = name and c.relkind = 'S' and c.relnamespace = current_schema()::regnamespace;
            perform setval(seq, l.last) from problem_number l where l.year = p_year and l.last > 0;
        end if;
    end if;
    return nextval(seq);
end
$$;

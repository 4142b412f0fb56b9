-- The overdue badge of the office board counted every overdue problem of the scope on each request (~13,000 index
-- entries and heap visits at a million problems, 60 ms: docs/PERFORMANCE.md, "Problems"). It now comes from the
-- maintained counts (V72) plus a live count of the few problems whose overdue is not yet published:
--   overdue_published   true while a problem is at its unit and the overdue sweep has published the passing of its
--                       current deadline (overdue_published_for = deadline); a new deadline (extension, rework) or
--                       leaving the unit makes it false again, in the same statement;
--   problem_count.overdue   the counts are kept per value of that column too, so "overdue" is one more summarised key;
--   problem_overdue_unpublished   the problems at a unit whose overdue is not yet published, by deadline: the live part
--                       reads only those with a passed deadline (what the next sweep will publish).
lock table problem in share row exclusive mode;

alter table problem add column overdue_published boolean not null
    generated always as (coalesce(status in ('DISPATCHED', 'CLAIMED', 'REWORK') and overdue_published_for = deadline,
                                  false)) stored;

create index problem_overdue_unpublished on problem (deadline)
    where status in ('DISPATCHED', 'CLAIMED', 'REWORK') and not overdue_published;

alter table problem_count add column overdue boolean not null default false;
alter table problem_count_delta add column overdue boolean not null default false;
alter table problem_count drop constraint problem_count_key;
alter table problem_count add constraint problem_count_key
    unique nulls not distinct (jurisdiction_path, unit_id, category_code, status, overdue);

create or replace function problem_count_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into problem_count_delta (jurisdiction_path, unit_id, category_code, status, overdue, n)
    select jurisdiction_path, unit_id, category_code, status, overdue_published, count(*)
    from new_rows group by 1, 2, 3, 4, 5;
    return null;
end
$$;

create or replace function problem_count_updated() returns trigger
    language plpgsql as
$$
begin
    insert into problem_count_delta (jurisdiction_path, unit_id, category_code, status, overdue, n)
    select jurisdiction_path, unit_id, category_code, status, overdue_published, sum(d)
    from (select jurisdiction_path, unit_id, category_code, status, overdue_published, -1 as d from old_rows
          union all
          select jurisdiction_path, unit_id, category_code, status, overdue_published, 1 from new_rows) changed
    group by 1, 2, 3, 4, 5
    having sum(d) <> 0;
    return null;
end
$$;

create or replace function problem_count_deleted() returns trigger
    language plpgsql as
$$
begin
    insert into problem_count_delta (jurisdiction_path, unit_id, category_code, status, overdue, n)
    select jurisdiction_path, unit_id, category_code, status, overdue_published, -count(*)
    from old_rows group by 1, 2, 3, 4, 5;
    return null;
end
$$;

create or replace function problem_count_compact() returns int
    language plpgsql as
$$
declare
    changed int;
begin
    if not pg_try_advisory_xact_lock(hashtext('problem_count_compact')) then
        return -1;
    end if;
    with moved as (delete from problem_count_delta returning *),
         summed as (select jurisdiction_path, unit_id, category_code, status, overdue, sum(n) as n
                    from moved group by 1, 2, 3, 4, 5)
    insert into problem_count as c (jurisdiction_path, unit_id, category_code, status, overdue, n)
    select jurisdiction_path, unit_id, category_code, status, overdue, n from summed where n <> 0
    on conflict on constraint problem_count_key do update set n = c.n + excluded.n;
    get diagnostics changed = row_count;
    delete from problem_count where n = 0;
    return changed;
end
$$;

-- the counts again from the problems themselves, now split by overdue_published (the table is locked above)
delete from problem_count_delta;
delete from problem_count;
insert into problem_count (jurisdiction_path, unit_id, category_code, status, overdue, n)
select jurisdiction_path, unit_id, category_code, status, overdue_published, count(*) from problem group by 1, 2, 3, 4, 5;

-- Counts of problems per scope key and state for the office board (docs/PERFORMANCE.md, "Problems"): counting a
-- million rows per request took seconds. The counts are kept without a hot row that intake would wait on:
--   problem_count_delta  appended by statement triggers on problem in the writing transaction (one row per key a
--                        statement changed, +n / -n), so it commits or vanishes with the change;
--   problem_count        the compacted counts: ProblemCounts (every few seconds, one compactor at a time through a
--                        transaction advisory lock) moves the committed deltas into it in one statement.
-- A reader adds both in one snapshot, so the counts are exact for its snapshot, whatever the compactor's lag.
-- The key is what the board's scope and summarised filters test: jurisdiction path, handling unit, category, state.
create table problem_count (
    jurisdiction_path text   not null,
    unit_id           uuid,
    category_code     text   not null,
    status            text   not null,
    n                 bigint not null,
    constraint problem_count_key unique nulls not distinct (jurisdiction_path, unit_id, category_code, status)
);

create table problem_count_delta (
    jurisdiction_path text   not null,
    unit_id           uuid,
    category_code     text   not null,
    status            text   not null,
    n                 bigint not null
);

create function problem_count_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into problem_count_delta (jurisdiction_path, unit_id, category_code, status, n)
    select jurisdiction_path, unit_id, category_code, status, count(*) from new_rows group by 1, 2, 3, 4;
    return null;
end
$$;

create function problem_count_updated() returns trigger
    language plpgsql as
$$
begin
    insert into problem_count_delta (jurisdiction_path, unit_id, category_code, status, n)
    select jurisdiction_path, unit_id, category_code, status, sum(d)
    from (select jurisdiction_path, unit_id, category_code, status, -1 as d from old_rows
          union all
          select jurisdiction_path, unit_id, category_code, status, 1 from new_rows) changed
    group by 1, 2, 3, 4
    having sum(d) <> 0;
    return null;
end
$$;

create function problem_count_deleted() returns trigger
    language plpgsql as
$$
begin
    insert into problem_count_delta (jurisdiction_path, unit_id, category_code, status, n)
    select jurisdiction_path, unit_id, category_code, status, -count(*) from old_rows group by 1, 2, 3, 4;
    return null;
end
$$;

create trigger problem_count_insert after insert on problem
    referencing new table as new_rows for each statement execute function problem_count_inserted();
create trigger problem_count_update after update on problem
    referencing old table as old_rows new table as new_rows for each statement execute function problem_count_updated();
create trigger problem_count_delete after delete on problem
    referencing old table as old_rows for each statement execute function problem_count_deleted();

insert into problem_count (jurisdiction_path, unit_id, category_code, status, n)
select jurisdiction_path, unit_id, category_code, status, count(*) from problem group by 1, 2, 3, 4;

-- Moves the committed deltas into the counts; answers how many keys changed. One compactor at a time (another one
-- running: answers -1 and does nothing).
create function problem_count_compact() returns int
    language plpgsql as
$$
declare
    changed int;
begin
    if not pg_try_advisory_xact_lock(hashtext('problem_count_compact')) then
        return -1;
    end if;
    with moved as (delete from problem_count_delta returning *),
         summed as (select jurisdiction_path, unit_id, category_code, status, sum(n) as n from moved group by 1, 2, 3, 4)
    insert into problem_count as c (jurisdiction_path, unit_id, category_code, status, n)
    select jurisdiction_path, unit_id, category_code, status, n from summed where n <> 0
    on conflict on constraint problem_count_key do update set n = c.n + excluded.n;
    get diagnostics changed = row_count;
    delete from problem_count where n = 0;
    return changed;
end
$$;

-- the board's list with no narrowing filter (the whole city or a district): newest first, read in order
create index problem_created on problem (created_at desc, id desc);

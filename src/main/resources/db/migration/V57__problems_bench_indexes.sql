-- Indexes found missing by bench/problems-bench.sh with a million problems (docs/PERFORMANCE.md, "Problems"):
-- the unit inbox (ProblemDirectory.inbox) orders a unit's open problems by "waiting for verification last", then
-- deadline; with this index the first page is read in order instead of fetching and sorting all of them.
create index problem_unit_inbox on problem (unit_id, (case when status = 'RECTIFIED' then 1 else 0 end), deadline, id)
    where status in ('DISPATCHED', 'CLAIMED', 'REWORK', 'PARKED', 'RECTIFIED');
-- a unit's list (API and board for unit-bound callers), newest first
create index problem_unit_created on problem (unit_id, created_at desc, id desc);
-- the office board filtered by category and overdue: the category's problems at units by deadline
create index problem_at_unit_category_deadline on problem (category_code, deadline)
    where status in ('DISPATCHED', 'CLAIMED', 'REWORK');
-- the board's counts per state for one category (index-only once the table is vacuumed)
create index problem_category_status on problem (category_code, status);

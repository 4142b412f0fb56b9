-- Indexes for the command dashboard's figures (dashboards module, through problems.ProblemFigures), so that each panel
-- reads a range of an index instead of scanning the problems (ten million in a large city; bench/dashboard-bench.sh).
-- The reported-per-day counts need none: problem_created (the city) and problem_scope_created (a district) already
-- hold created_at (and the path).

-- closed per day inside a district or street (the city reads problem_closed_at)
create index problem_scope_closed on problem (jurisdiction_path text_pattern_ops, closed_at) where status = 'CLOSED';

-- the SLA lights: the start and deadline of every problem at its unit, read index-only by deadline (the city) with the
-- path tested on the index entry (a district)
create index problem_at_unit_light on problem (deadline) include (jurisdiction_path, id, clock_started_at, created_at)
    where status in ('DISPATCHED', 'CLAIMED', 'REWORK');

-- the points with the most open problems: the open problems at points, in point order, read index-only
create index problem_open_point on problem (point_id) include (jurisdiction_path, status, deadline)
    where status not in ('CLOSED', 'REJECTED', 'MERGED') and point_id is not null;

-- the weekly summary's "fell overdue in the week": problems by deadline (also closed ones, whose deadline may have
-- passed before they were rectified)
create index problem_deadline on problem (deadline) include (jurisdiction_path, status, rectified_at, closed_at)
    where deadline is not null;

-- The scoring module's per-unit per-day facts (scoring.UnitDayFacts) recount the problems of one unit and dispatch
-- day (problems.UnitDayFigures.of), and the catch-up recounts every unit of one day (UnitDayFigures.ofDay).
create index problem_unit_dispatched on problem (unit_id, dispatched_at) where dispatched_at is not null;
create index problem_dispatched on problem (dispatched_at) where dispatched_at is not null;

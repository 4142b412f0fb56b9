-- The pass rate at each unit's points in a period, any framework (inspections.UnitPassRates).
create index inspection_observation_observed on inspection_observation (observed_at) where unit_id is not null;

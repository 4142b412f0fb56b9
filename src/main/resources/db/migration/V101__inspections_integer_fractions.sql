-- The effective get fraction also as an integer in ten-thousandths (0..10000), so that the pass-rate sums over a
-- million observations add integers instead of numerics; the numeric column stays for reading single rows.
alter table inspection_observation add column get_units int check (get_units between 0 and 10000);
update inspection_observation set get_units = round(get_fraction * 10000) where get_fraction is not null;
alter table inspection_observation add constraint inspection_observation_units_match
    check ((get_units is null) = (get_fraction is null));
drop index inspection_observation_by_framework;
create index inspection_observation_by_framework on inspection_observation (framework_id, round_id)
    include (standard_id, get_units);

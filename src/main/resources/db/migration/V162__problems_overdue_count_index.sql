-- The overdue badge reads the maintained counts' overdue keys (V126): a few hundred to a few thousand rows among tens of
-- thousands of keys. Without this index every board page scanned all the keys for them (measured: 1,267 of 35,724
-- keys, 224 ms under load at a million problems; docs/PERFORMANCE.md, "Problems").
create index problem_count_overdue on problem_count (jurisdiction_path, unit_id) where overdue;

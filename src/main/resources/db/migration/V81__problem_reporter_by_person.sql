-- "My reports" on an inspector's or grid worker's home page: the problems one person reported.
create index problem_reporter_by_person on problem_reporter (reported_by);

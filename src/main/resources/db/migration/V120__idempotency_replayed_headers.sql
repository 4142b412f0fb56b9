-- The headers of a stored answer that a replay must repeat (Location, ETag, Last-Modified, Content-Location), one
-- "Name: value" a line; null for answers stored before.
alter table idempotency_record add column headers text;

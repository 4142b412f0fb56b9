-- The exposure list (曝光台, DOMAIN §12): uncivil behaviour the office chooses to publish, with a title, a text written
-- for the public (no names: the office is responsible for what it publishes) and the problem's photos taken with the
-- report. Withdrawn entries stay (audited) but leave the public page.
create table public_exposure (
    id               uuid        primary key,
    problem_id       uuid        not null references problem (id),
    title            text        not null check (char_length(title) between 1 and 60),
    body             text        not null check (char_length(body) between 1 and 1000),
    published_by     uuid        not null,
    published_at     timestamptz not null,
    withdrawn_at     timestamptz,
    withdrawn_by     uuid,
    withdraw_reason  text,
    check ((withdrawn_at is null) = (withdrawn_by is null))
);
-- a problem is exposed at most once at a time
create unique index public_exposure_live on public_exposure (problem_id) where withdrawn_at is null;
create index public_exposure_published on public_exposure (published_at desc) where withdrawn_at is null;

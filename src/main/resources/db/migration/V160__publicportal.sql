-- Citizens' reports (issue 7, publicportal module; DOMAIN §12). The problem itself lives in problems (source CITIZEN,
-- waiting in REPORTED for the office); what only the citizen side knows lives here: the tracking code the reporter
-- follows it with, the optional contact (seen by the office only, never by units or the public), hashes of the
-- reporter's address and device (abuse checks, not identities), the rating once closed, and what the reporter was
-- last told.
create table citizen_report (
    problem_id      uuid        primary key references problem (id),
    tracking_code   text        not null unique check (tracking_code ~ '^[A-HJ-NP-Z2-9]{8}$'),
    contact_name    text        check (char_length(contact_name) <= 50),
    contact_mobile  text        check (contact_mobile ~ '^1[3-9][0-9]{9}$'),
    ip_hash         text        not null,
    device_hash     text,
    created_at      timestamptz not null,
    rating          text        check (rating in ('SATISFIED', 'BASIC', 'UNSATISFIED')),
    rating_comment  text        check (char_length(rating_comment) <= 500),
    rated_at        timestamptz,
    notified_status text,
    check ((rating is null) = (rated_at is null))
);
create index citizen_report_created on citizen_report (created_at);

-- The photos' content hashes: the same picture sent again (by anyone) within the window is refused as a duplicate.
create table citizen_report_photo (
    problem_id uuid        not null references citizen_report (problem_id),
    sha256     text        not null,
    created_at timestamptz not null,
    primary key (problem_id, sha256)
);
create index citizen_report_photo_sha on citizen_report_photo (sha256, created_at);

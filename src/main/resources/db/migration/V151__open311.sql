-- Open311 GeoReport v2 (/open311/v2, issue 7).
-- API keys for third-party apps, issued and revoked by a campaign office. Only a SHA-256 hash of the key is kept (the
-- key itself is shown once, when issued); the prefix helps the office recognise a key. A key may post requests inside
-- the jurisdiction of the office that issued it.
create table open311_api_key (
    id              uuid        primary key,
    name            text        not null check (char_length(name) between 1 and 100),
    contact         text        not null check (char_length(contact) between 1 and 200),
    key_prefix      text        not null,
    key_hash        text        not null unique,
    jurisdiction_id uuid        not null references jurisdiction (id),
    -- the path of that jurisdiction when the key was issued (the office lists the keys of its subtree)
    jurisdiction_path text      not null,
    issued_at       timestamptz not null,
    issued_by       uuid,
    revoked_at      timestamptz,
    revoked_by      uuid,
    revoke_reason   text,
    last_used_at    timestamptz,
    version         int         not null default 0
);
create index open311_api_key_jurisdiction on open311_api_key (jurisdiction_path text_pattern_ops, issued_at desc);

-- A request posted through Open311: the problem it became, the tracking token, and what the reporter sent about
-- themselves (e-mail, device, names, phone). That personal data is kept here only, for the campaign office; the
-- handling unit and every GET answer never see it (DOMAIN §2).
create table open311_request (
    token          text        primary key,
    problem_id     uuid        not null unique references problem (id),
    api_key_id     uuid        not null references open311_api_key (id),
    requested_at   timestamptz not null,
    address_string text,
    address_id     text,
    media_url      text,
    email          text,
    device_id      text,
    account_id     text,
    first_name     text,
    last_name      text,
    phone          text
);
create index open311_request_key on open311_request (api_key_id, requested_at desc);

-- Accounts: users bound to a unit and/or a jurisdiction, roles, API tokens, the password policy.
create table user_account (
    id                   uuid primary key,
    username             text        not null,
    password_hash        text        not null,
    display_name         text        not null check (char_length(display_name) between 1 and 50),
    person_id            uuid references person (id),
    unit_id              uuid references unit (id),
    jurisdiction_id      uuid references jurisdiction (id),
    enabled              boolean     not null default true,
    failed_attempts      int         not null default 0,
    locked_until         timestamptz,
    password_changed_at  timestamptz not null,
    must_change_password boolean     not null default false,
    last_login_at        timestamptz,
    version              int         not null default 0,
    created_at           timestamptz not null default now(),
    constraint user_account_scope check (unit_id is not null or jurisdiction_id is not null)
);
create unique index user_account_username on user_account (lower(username));
create index user_account_unit on user_account (unit_id);
create index user_account_jurisdiction on user_account (jurisdiction_id);

create table user_role (
    user_id uuid not null references user_account (id) on delete cascade,
    role    text not null check (role in ('OFFICE_ADMIN', 'LEADER', 'UNIT_ADMIN', 'UNIT_STAFF', 'INSPECTOR', 'GRID_WORKER',
                                          'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')),
    primary key (user_id, role)
);

create table api_token (
    token_hash text primary key,
    user_id    uuid        not null references user_account (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked    boolean     not null default false
);
create index api_token_user on api_token (user_id);

create table password_policy (
    id                   int primary key check (id = 1),
    min_length           int not null default 10 check (min_length between 8 and 64),
    min_character_classes int not null default 3 check (min_character_classes between 1 and 4),
    max_age_days         int not null default 90 check (max_age_days between 0 and 3650),
    max_failed_attempts  int not null default 5 check (max_failed_attempts between 3 and 20),
    lockout_minutes      int not null default 15 check (lockout_minutes between 1 and 1440),
    version              int not null default 0
);
insert into password_policy (id) values (1);

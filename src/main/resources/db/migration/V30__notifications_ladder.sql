-- Reminder ladder offsets (三次催报) per jurisdiction node (the campaign office's node); the nearest node up the tree
-- wins, otherwise the configured default (7/5/3). Offsets must fall: the liaison first, the leader last.
create table reminder_settings (
    jurisdiction_id uuid primary key,
    liaison_days    int  not null,
    head_days       int  not null,
    leader_days     int  not null,
    version         int  not null default 0,
    check (leader_days >= 0 and head_days > leader_days and liaison_days > head_days and liaison_days <= 90)
);

-- The ladder's steps already taken: one row per (subject, generation, step). The primary key is what makes a step fire
-- exactly once, whichever instance (or restart) gets there first; the row is written in the same transaction as the
-- notifications it causes.
create table reminder_sent (
    subject_type        text        not null,
    subject_id          text        not null,
    generation          int         not null,
    step                text        not null check (step in ('LIAISON', 'HEAD', 'LEADER', 'OVERDUE')),
    due_at              timestamptz not null,
    fired_at            timestamptz not null,
    recipient_person_id uuid,
    recipient_missing   boolean     not null default false,
    notified_accounts   int         not null default 0,
    primary key (subject_type, subject_id, generation, step)
);

-- In-app notifications, one per receiving user account. The text is rendered from kind and arguments in the reader's
-- language.
create table notification (
    id           uuid primary key,
    account_id   uuid        not null,
    kind         text        not null,
    subject_type text,
    subject_id   text,
    title        text        not null,
    unit_name    text,
    due_at       timestamptz,
    link         text,
    created_at   timestamptz not null,
    read_at      timestamptz
);
create index notification_account on notification (account_id, created_at desc);
create index notification_unread on notification (account_id) where read_at is null;

-- Outbound messages (SMS, e-mail) waiting for, or done with, delivery through the configured channel. A failure is
-- retried with back-off and finally marked failed; the in-app notification stays whatever happens here.
create table outbound_message (
    id              uuid primary key,
    notification_id uuid,
    person_id       uuid,
    person_name     text,
    mobile          text,
    body            text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    channel         text
);
create index outbound_message_pending on outbound_message (next_attempt_at) where status = 'PENDING';

-- The countdown: the assessment date of a campaign, set by its campaign office.
create table assessment_schedule (
    campaign_id     uuid primary key,
    assessment_date date not null,
    version         int  not null default 0
);

-- What must be done on a given day before the assessment (the daily schedule of the countdown).
create table assessment_schedule_item (
    id          uuid primary key,
    campaign_id uuid not null references assessment_schedule (campaign_id) on delete cascade,
    day         date not null,
    description text not null check (char_length(description) between 1 and 300)
);
create index assessment_schedule_item_day on assessment_schedule_item (campaign_id, day);

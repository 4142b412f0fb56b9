-- Task breakdown (任务分解, DOMAIN §5). One row of the breakdown table (a breakdown item: a standard, or a key task
-- outside the framework, with its lead, responsible and supporting units) becomes one task per responsible unit:
-- each responsible unit claims, submits and is accepted or returned on its own. The rows of one item share item_id;
-- export gathers them back into one line of the sheet.
-- Names (unit, standard, criterion) are kept as issued so lists and overviews need no joins into other modules.
create table task (
    id                   uuid          primary key,
    item_id              uuid          not null,
    framework_id         uuid,
    standard_id          uuid,
    standard_code        text,
    criterion_code       text,
    criterion_name       text,
    title                text          not null,
    lead_unit_id         uuid          not null,
    lead_unit_code       text          not null,
    unit_id              uuid          not null,
    unit_code            text          not null,
    unit_name            text          not null,
    responsible_unit_codes text        not null,
    supporting_unit_codes text         not null default '',
    jurisdiction_path    text          not null,
    responsible_leader_id uuid,
    responsible_leader_name text,
    deadline             timestamptz   not null,
    deliverables         text          not null default '',
    weight               numeric(7, 2) not null check (weight >= 0),
    status               text          not null check (status in ('ISSUED', 'CLAIMED', 'IN_PROGRESS', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    last_note            text,
    return_reason        text,
    submissions          int           not null default 0,
    issued_at            timestamptz   not null,
    issued_by            uuid,
    claimed_at           timestamptz,
    submitted_at         timestamptz,
    accepted_at          timestamptz,
    version              int           not null default 0
);
-- a unit's task page (sorted by deadline) and the drill-down lists
create index task_unit_deadline on task (unit_id, deadline, id);
create index task_status_deadline on task (status, deadline, id);
create index task_scope_deadline on task (jurisdiction_path text_pattern_ops, deadline);
create index task_criterion on task (criterion_code, deadline);
create index task_item on task (item_id);
create index task_open_deadline on task (deadline) where status <> 'ACCEPTED';

-- Files submitted as deliverables, per submission round (a returned task is submitted again with new files).
create table task_deliverable (
    task_id     uuid        not null references task (id),
    blob_id     uuid        not null references blob (id),
    submission  int         not null,
    filename    text        not null,
    content_type text       not null,
    size        bigint      not null,
    added_by    uuid,
    added_at    timestamptz not null,
    primary key (task_id, blob_id)
);

-- The append-only, hash-chained audit trail (ARCHITECTURE §4). Rows are never updated or deleted.
create table audit_event (
    seq          bigint primary key,
    occurred_at  timestamptz not null,
    actor_id     text,
    actor_name   text        not null,
    action       text        not null,
    object_type  text        not null,
    object_id    text        not null,
    reason       text,
    before_state jsonb,
    after_state  jsonb,
    prev_hash    text        not null,
    hash         text        not null
);
create index audit_event_object on audit_event (object_type, object_id, seq);
create index audit_event_actor on audit_event (actor_id, seq);
create index audit_event_time on audit_event (occurred_at);

-- The head of the chain: one row, locked by every append, so that appends are serialised.
create table audit_chain_head (
    id        int primary key check (id = 1),
    last_seq  bigint not null,
    last_hash text   not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, 'genesis');

create function audit_event_hash(p_seq bigint, p_at timestamptz, p_actor_id text, p_actor_name text, p_action text,
                                 p_object_type text, p_object_id text, p_reason text, p_before jsonb, p_after jsonb,
                                 p_prev_hash text) returns text
    language sql stable as
$$
select encode(sha256(convert_to(concat_ws(chr(31),
        p_seq::text,
        to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(p_actor_id, ''), p_actor_name, p_action, p_object_type, p_object_id, coalesce(p_reason, ''),
        coalesce(p_before::text, ''), coalesce(p_after::text, ''), p_prev_hash), 'UTF8')), 'hex')
$$;

create function audit_event_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- The audit trail without a global append lock (ARCHITECTURE §4; docs/PERFORMANCE.md, "Problems").
--
-- Before: every append locked audit_chain_head until its transaction committed, so every audited write of the whole
-- product ran one at a time. Now an append is two plain inserts in the caller's transaction (so the record still
-- commits or vanishes with the change it records):
--   audit_event   the row, its seq drawn from a sequence (unique, ordered by drawing; rolled-back draws leave gaps)
--                 and content_hash, a hash of its own content (seq included);
--   audit_pending the row's seq: committed, not yet linked into the chain.
-- The chainer (audit_chain_link, run by the application every few seconds and before every verification; one at a
-- time across a cluster through the lock on audit_chain_head) takes committed pending rows in seq order and appends
-- them to audit_chain: position, seq, the previous link's hash and a hash over the position, the seq, the row's content
-- hash and the previous hash. Editing a row breaks its content hash (and its link), deleting a row leaves a link
-- without its row, deleting links leaves a gap in the positions or a chain shorter than its head.
-- audit_event and audit_chain stay append-only (triggers); audit_pending is the chainer's work queue.

create sequence audit_event_seq as bigint;
select setval('audit_event_seq', coalesce((select max(seq) from audit_event), 0) + 1, false);
alter sequence audit_event_seq owned by audit_event.seq;
alter table audit_event alter column seq set default nextval('audit_event_seq');

create function audit_event_content_hash(p_seq bigint, p_at timestamptz, p_actor_id text, p_actor_name text,
                                         p_action text, p_object_type text, p_object_id text, p_reason text,
                                         p_before jsonb, p_after jsonb) returns text
    language sql stable as
$$
select encode(sha256(convert_to(concat_ws(chr(31),
        p_seq::text,
        to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(p_actor_id, ''), p_actor_name, p_action, p_object_type, p_object_id, coalesce(p_reason, ''),
        coalesce(p_before::text, ''), coalesce(p_after::text, '')), 'UTF8')), 'hex')
$$;

create function audit_chain_hash(p_pos bigint, p_seq bigint, p_content_hash text, p_prev_hash text) returns text
    language sql immutable as
$$
select encode(sha256(convert_to(concat_ws(chr(31), p_pos::text, p_seq::text, p_content_hash, p_prev_hash), 'UTF8')), 'hex')
$$;

-- existing rows get their content hash (the only update this table ever sees, by the schema owner, here)
alter table audit_event add column content_hash text;
alter table audit_event disable trigger audit_event_no_update;
update audit_event set content_hash = audit_event_content_hash(seq, occurred_at, actor_id, actor_name, action,
        object_type, object_id, reason, before_state, after_state);
alter table audit_event enable trigger audit_event_no_update;
alter table audit_event alter column content_hash set not null;

create table audit_chain (
    pos       bigint primary key,
    seq       bigint not null unique references audit_event (seq),
    prev_hash text   not null,
    hash      text   not null
);
create trigger audit_chain_no_update before update or delete on audit_chain
    for each row execute function audit_event_append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_event_append_only();

create table audit_pending (
    seq bigint primary key
);

-- the existing chain (gap-free seq 1..n, in order) becomes positions 1..n of the new one
alter table audit_chain_head rename column last_seq to last_pos;
do
$$
declare
    e    record;
    prev text := 'genesis';
    h    text;
begin
    for e in select seq, content_hash from audit_event order by seq loop
        h := audit_chain_hash(e.seq, e.seq, e.content_hash, prev);
        insert into audit_chain (pos, seq, prev_hash, hash) values (e.seq, e.seq, prev, h);
        prev := h;
    end loop;
    update audit_chain_head set last_pos = coalesce((select max(pos) from audit_chain), 0), last_hash = prev where id = 1;
end
$$;

alter table audit_event drop column prev_hash;
alter table audit_event drop column hash;
drop function audit_event_hash(bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb, text);

-- Links up to p_limit committed pending rows, in seq order; answers how many it took from the queue. One chainer at a time: the head row is
-- locked until the calling transaction ends; with p_wait false a chainer that finds it locked links nothing.
create function audit_chain_link(p_limit int, p_wait boolean) returns int
    language plpgsql as
$$
declare
    pos   bigint;
    prev  text;
    h     text;
    e     record;
    n     int := 0;
    taken bigint[];
begin
    if p_wait then
        select last_pos, last_hash into pos, prev from audit_chain_head where id = 1 for update;
    else
        select last_pos, last_hash into pos, prev from audit_chain_head where id = 1 for update skip locked;
        if not found then
            return 0;
        end if;
    end if;
    with gone as (
        delete from audit_pending
        where seq in (select seq from audit_pending order by seq limit p_limit)
        returning seq)
    select array_agg(seq) into taken from gone;
    if taken is null then
        return 0;
    end if;
    for e in select a.seq, a.content_hash from audit_event a where a.seq = any (taken) order by a.seq loop
        pos := pos + 1;
        h := audit_chain_hash(pos, e.seq, e.content_hash, prev);
        insert into audit_chain (pos, seq, prev_hash, hash) values (pos, e.seq, prev, h);
        prev := h;
        n := n + 1;
    end loop;
    update audit_chain_head set last_pos = pos, last_hash = prev where id = 1;
    return cardinality(taken);
end
$$;

package org.chuangwen.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes of state. Called inside the transaction that makes the change, so the change and its record
 * commit or vanish together. Appends are serialised on the chain head; each row's hash covers its content and the
 * previous row's hash, so editing or deleting any row breaks the chain.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentAuditActor currentActor;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, JsonMapper json, CurrentAuditActor currentActor, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentActor = currentActor;
		this.clock = clock;
	}

	/** Records a change made by the current user (or the system when nobody is signed in). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String objectType, Object objectId, Object before, Object after, String reason) {
		record(currentActor.current(), action, objectType, objectId, before, after, reason);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditActor actor, String action, String objectType, Object objectId, Object before, Object after,
			String reason) {
		Objects.requireNonNull(actor, "actor");
		jdbc.sql("""
				with head as (select last_seq, last_hash from audit_chain_head where id = 1 for update),
				     appended as (
				         insert into audit_event (seq, occurred_at, actor_id, actor_name, action, object_type, object_id,
				                                  reason, before_state, after_state, prev_hash, hash)
				         select head.last_seq + 1, :at, :actorId, :actorName, :action, :objectType, :objectId, :reason,
				                cast(:before as jsonb), cast(:after as jsonb), head.last_hash,
				                audit_event_hash(head.last_seq + 1, :at, :actorId, :actorName, :action, :objectType,
				                                 :objectId, :reason, cast(:before as jsonb), cast(:after as jsonb), head.last_hash)
				         from head
				         returning seq, hash)
				update audit_chain_head set last_seq = appended.seq, last_hash = appended.hash
				from appended where audit_chain_head.id = 1
				""")
			.param("at", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC))
			.param("actorId", actor.id())
			.param("actorName", actor.name())
			.param("action", action)
			.param("objectType", objectType)
			.param("objectId", String.valueOf(objectId))
			.param("reason", reason)
			.param("before", toJson(before))
			.param("after", toJson(after))
			.update();
	}

	/** The history of one object, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEvent> historyOf(String objectType, Object objectId, int limit) {
		return jdbc.sql("""
				select seq, occurred_at, actor_id, actor_name, action, object_type, object_id, reason,
				       before_state::text as before, after_state::text as after
				from audit_event where object_type = :type and object_id = :id
				order by seq desc limit :limit
				""")
			.param("type", objectType)
			.param("id", String.valueOf(objectId))
			.param("limit", limit)
			.query(AuditTrail::event)
			.list();
	}

	/**
	 * The whole trail, newest first; {@code query} matches the action, the object type or id, or the actor's name.
	 */
	@Transactional(readOnly = true)
	public Page<AuditEvent> search(String query, PageRequest page) {
		boolean filtered = query != null && !query.isBlank();
		String where = filtered
				? " where action ilike :q or object_type ilike :q or object_id ilike :q or actor_name ilike :q" : "";
		var count = jdbc.sql("select count(*) from audit_event" + where);
		var select = jdbc.sql("select seq, occurred_at, actor_id, actor_name, action, object_type, object_id, reason, "
				+ "before_state::text as before, after_state::text as after from audit_event" + where
				+ " order by seq desc limit :limit offset :offset");
		if (filtered) {
			String pattern = "%" + query.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			count = count.param("q", pattern);
			select = select.param("q", pattern);
		}
		long total = count.query(Long.class).single();
		var items = select.param("limit", page.size()).param("offset", page.offset()).query(AuditTrail::event).list();
		return Page.of(items, page, total);
	}

	/**
	 * Walks the whole chain in order and recomputes every hash. Reports the first row that was edited, the first
	 * gap (deleted rows) and a chain that ends before its recorded head (deleted newest rows).
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		var state = new Object() {
			long expectedSeq = 1;

			String expectedPrev = "genesis";

			long checked = 0;

			AuditVerification broken;
		};
		jdbc.sql("""
				select seq, prev_hash, hash,
				       audit_event_hash(seq, occurred_at, actor_id, actor_name, action, object_type, object_id, reason,
				                        before_state, after_state, prev_hash) as computed
				from audit_event order by seq
				""").withFetchSize(1000).query(rs -> {
			if (state.broken != null) {
				return;
			}
			long seq = rs.getLong("seq");
			if (seq != state.expectedSeq || !state.expectedPrev.equals(rs.getString("prev_hash"))) {
				state.broken = AuditVerification.broken(state.checked, seq, "missing");
				return;
			}
			if (!rs.getString("hash").equals(rs.getString("computed"))) {
				state.broken = AuditVerification.broken(state.checked, seq, "edited");
				return;
			}
			state.checked++;
			state.expectedSeq = seq + 1;
			state.expectedPrev = rs.getString("hash");
		});
		if (state.broken != null) {
			return state.broken;
		}
		Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1").query().singleRow();
		long headSeq = ((Number) head.get("last_seq")).longValue();
		if (headSeq != state.expectedSeq - 1 || !head.get("last_hash").equals(state.expectedPrev)) {
			return AuditVerification.broken(state.checked, state.expectedSeq, "truncated");
		}
		return AuditVerification.intact(state.checked);
	}

	private static AuditEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_id"),
				rs.getString("actor_name"), rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
				rs.getString("reason"), rs.getString("before"), rs.getString("after"));
	}

	private String toJson(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof String text) {
			return json.writeValueAsString(Map.of("value", text));
		}
		return json.writeValueAsString(value);
	}
}

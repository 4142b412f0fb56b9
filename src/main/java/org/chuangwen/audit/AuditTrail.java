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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes of state. Called inside the transaction that makes the change, so the change and its record
 * commit or vanish together. An append takes no shared lock: it inserts the row with a hash of its own content and
 * queues it as pending; {@link AuditChainer} links committed rows into the hash chain shortly after (every few
 * seconds, one chainer at a time across a cluster, and on demand before every verification). Each link's hash covers
 * its position, the row's content hash and the previous link's hash, so editing or deleting a linked row, or deleting
 * links, breaks the chain (V70).
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentAuditActor currentActor;

	private final Clock clock;

	private final AuditChainer chainer;

	private final TransactionTemplate snapshot;

	AuditTrail(JdbcClient jdbc, JsonMapper json, CurrentAuditActor currentActor, Clock clock, AuditChainer chainer,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentActor = currentActor;
		this.clock = clock;
		this.chainer = chainer;
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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
				with drawn as (select nextval('audit_event_seq') as seq),
				     appended as (
				         insert into audit_event (seq, occurred_at, actor_id, actor_name, action, object_type, object_id,
				                                  reason, before_state, after_state, content_hash)
				         select drawn.seq, :at, :actorId, :actorName, :action, :objectType, :objectId, :reason,
				                cast(:before as jsonb), cast(:after as jsonb),
				                audit_event_content_hash(drawn.seq, :at, :actorId, :actorName, :action, :objectType,
				                                         :objectId, :reason, cast(:before as jsonb), cast(:after as jsonb))
				         from drawn
				         returning seq)
				insert into audit_pending (seq) select seq from appended
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
	 * Links every committed record into the chain (waiting for a chainer running elsewhere), then walks the whole
	 * chain in order in one snapshot and recomputes every hash. Reports the first row that was edited (its content no
	 * longer matches its content hash or its link), the first row after deleted rows (a link without its row, or a gap
	 * in the positions), a chain that ends before its recorded head (deleted newest links), and a committed row that
	 * is neither linked nor waiting to be. Rows committed after the linking are counted as pending, not as broken;
	 * their content hash is checked too.
	 */
	public AuditVerification verify() {
		chainer.linkAll(true);
		return snapshot.execute(status -> verifyLinked());
	}

	/** The check without linking first (the caller's transaction should be one snapshot). */
	AuditVerification verifyLinked() {
		var state = new Object() {
			long expectedPos = 1;

			String expectedPrev = "genesis";

			long checked = 0;

			Long lastSeq;

			Long deletedBefore;

			AuditVerification broken;
		};
		jdbc.sql("""
				select c.pos, c.seq, c.prev_hash, c.hash, e.seq is not null as present, e.content_hash,
				       audit_event_content_hash(e.seq, e.occurred_at, e.actor_id, e.actor_name, e.action, e.object_type,
				                                e.object_id, e.reason, e.before_state, e.after_state) as computed,
				       audit_chain_hash(c.pos, c.seq, e.content_hash, c.prev_hash) as link
				from audit_chain c left join audit_event e on e.seq = c.seq
				order by c.pos
				""").withFetchSize(1000).query(rs -> {
			if (state.broken != null) {
				return;
			}
			long pos = rs.getLong("pos");
			long seq = rs.getLong("seq");
			if (pos != state.expectedPos || !state.expectedPrev.equals(rs.getString("prev_hash"))) {
				state.broken = AuditVerification.broken(state.checked, seq, "missing");
				return;
			}
			state.expectedPos = pos + 1;
			state.expectedPrev = rs.getString("hash");
			if (!rs.getBoolean("present")) {
				state.deletedBefore = seq;
				return;
			}
			if (state.deletedBefore != null) {
				state.broken = AuditVerification.broken(state.checked, seq, "missing");
				return;
			}
			if (!rs.getString("content_hash").equals(rs.getString("computed"))
					|| !rs.getString("hash").equals(rs.getString("link"))) {
				state.broken = AuditVerification.broken(state.checked, seq, "edited");
				return;
			}
			state.checked++;
			state.lastSeq = seq;
		});
		if (state.broken != null) {
			return state.broken;
		}
		if (state.deletedBefore != null) {
			return AuditVerification.broken(state.checked, state.deletedBefore, "missing");
		}
		Map<String, Object> head = jdbc.sql("select last_pos, last_hash from audit_chain_head where id = 1").query().singleRow();
		long headPos = ((Number) head.get("last_pos")).longValue();
		if (headPos != state.expectedPos - 1 || !head.get("last_hash").equals(state.expectedPrev)) {
			return AuditVerification.broken(state.checked, state.lastSeq == null ? 0 : state.lastSeq, "truncated");
		}
		Long editedPending = jdbc.sql("""
				select min(e.seq) from audit_pending p join audit_event e on e.seq = p.seq
				where e.content_hash <> audit_event_content_hash(e.seq, e.occurred_at, e.actor_id, e.actor_name, e.action,
				                                                 e.object_type, e.object_id, e.reason, e.before_state,
				                                                 e.after_state)
				""").query(Long.class).optional().orElse(null);
		if (editedPending != null) {
			return AuditVerification.broken(state.checked, editedPending, "edited");
		}
		Long unlinked = jdbc.sql("""
				select min(e.seq) from audit_event e
				where not exists (select 1 from audit_chain c where c.seq = e.seq)
				  and not exists (select 1 from audit_pending p where p.seq = e.seq)
				""").query(Long.class).optional().orElse(null);
		if (unlinked != null) {
			return AuditVerification.broken(state.checked, unlinked, "unlinked");
		}
		long pending = jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
		return AuditVerification.intact(state.checked, pending);
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

package org.chuangwen.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app notification centre: every signed-in user reads, and marks read, only the notifications addressed to
 * their own account. Another account's notification is not found (404), so its existence does not leak.
 */
@Service
public class NotificationCentre {

	/** A notification to post: what and for which subject; see {@link Notification}. */
	public record NewNotification(String kind, String subjectType, String subjectId, String title, String unitName,
			Instant dueAt, String link) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final OutboundDelivery outbound;

	NotificationCentre(JdbcClient jdbc, Clock clock, OutboundDelivery outbound) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbound = outbound;
	}

	/**
	 * Queues a text message to someone without an account (a citizen who left a mobile number with a report), inside
	 * the caller's transaction; sent by the active outbound channel with the usual retries. No in-app notification.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void textToMobile(String name, String mobile, String body) {
		outbound.enqueue(null, null, name, mobile, body, clock.instant());
	}

	/** Posts a notification to one account, inside the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID post(UUID accountId, NewNotification n) {
		return post(accountId, n, clock.instant());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	UUID post(UUID accountId, NewNotification n, Instant at) {
		UUID id = Ids.newId(clock);
		jdbc.sql("""
				insert into notification (id, account_id, kind, subject_type, subject_id, title, unit_name, due_at, link,
				                          created_at)
				values (:id, :account, :kind, :type, :subject, :title, :unit, :due, :link, :at)
				""")
			.param("id", id)
			.param("account", accountId)
			.param("kind", n.kind())
			.param("type", n.subjectType())
			.param("subject", n.subjectId())
			.param("title", n.title())
			.param("unit", n.unitName())
			.param("due", n.dueAt() == null ? null : n.dueAt().atOffset(ZoneOffset.UTC))
			.param("link", n.link())
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
		return id;
	}

	/** The caller's notifications, newest first; only the unread ones when asked. */
	@Transactional(readOnly = true)
	public Page<Notification> inbox(Actor actor, boolean unreadOnly, PageRequest page) {
		UUID account = accountOf(actor);
		long total = jdbc.sql("""
				select count(*) from notification where account_id = :account and (not :unreadOnly or read_at is null)
				""")
			.param("account", account)
			.param("unreadOnly", unreadOnly)
			.query(Long.class)
			.single();
		var items = jdbc.sql("""
				select id, kind, subject_type, subject_id, title, unit_name, due_at, link, created_at, read_at
				from notification where account_id = :account and (not :unreadOnly or read_at is null)
				order by created_at desc, id desc
				limit :limit offset :offset
				""")
			.param("account", account)
			.param("unreadOnly", unreadOnly)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(NotificationCentre::notification)
			.list();
		return Page.of(items, page, total);
	}

	@Transactional(readOnly = true)
	public long unreadCount(Actor actor) {
		return jdbc.sql("select count(*) from notification where account_id = :account and read_at is null")
			.param("account", accountOf(actor))
			.query(Long.class)
			.single();
	}

	/** Marks one of the caller's notifications read (again is harmless); somebody else's is not found. */
	@Transactional
	public Notification markRead(Actor actor, UUID id) {
		jdbc.sql("""
				update notification set read_at = coalesce(read_at, :now) where id = :id and account_id = :account
				""")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", id)
			.param("account", accountOf(actor))
			.update();
		return jdbc.sql("""
				select id, kind, subject_type, subject_id, title, unit_name, due_at, link, created_at, read_at
				from notification where id = :id and account_id = :account
				""")
			.param("id", id)
			.param("account", accountOf(actor))
			.query(NotificationCentre::notification)
			.optional()
			.orElseThrow(() -> new NotFoundException("notification", id));
	}

	/** Marks every unread notification of the caller read; answers how many. */
	@Transactional
	public int markAllRead(Actor actor) {
		return jdbc.sql("update notification set read_at = :now where account_id = :account and read_at is null")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("account", accountOf(actor))
			.update();
	}

	private static UUID accountOf(Actor actor) {
		if (actor == null || actor.userId() == null) {
			throw new ForbiddenException();
		}
		return actor.userId();
	}

	static Notification notification(ResultSet rs, int n) throws SQLException {
		return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("title"), rs.getString("unit_name"), instant(rs, "due_at"),
				rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}

package org.chuangwen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.chuangwen.shared.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued outbound messages through the active {@link OutboundChannel}. Cluster-safe: each run claims due
 * messages with {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same message. A failure (or an
 * exception from the channel) is retried after 1, 2, 4, 8 minutes; after {@value #MAX_ATTEMPTS} attempts the message is
 * marked failed with its last error. A person without a mobile number gets the message marked failed at once.
 */
@Component
class OutboundDelivery {

	static final int MAX_ATTEMPTS = 5;

	private static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);

	private record Pending(UUID id, UUID personId, String name, String mobile, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	private final OutboundChannel channel;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OutboundDelivery(JdbcClient jdbc, OutboundChannel channel, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.channel = channel;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Queues a message to a person, inside the transaction that posts the in-app notification. */
	@Transactional(propagation = Propagation.MANDATORY)
	void enqueue(UUID notificationId, UUID personId, String name, String mobile, String body, Instant now) {
		boolean reachable = mobile != null && !mobile.isBlank();
		jdbc.sql("""
				insert into outbound_message (id, notification_id, person_id, person_name, mobile, body, status,
				                              next_attempt_at, created_at, last_error)
				values (:id, :notification, :person, :name, :mobile, :body, :status, :now, :now, :error)
				""")
			.param("id", Ids.newId(clock))
			.param("notification", notificationId)
			.param("person", personId)
			.param("name", name)
			.param("mobile", mobile)
			.param("body", body)
			.param("status", reachable ? "PENDING" : "FAILED")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("error", reachable ? null : "no mobile number")
			.update();
	}

	@Scheduled(fixedDelayString = "${chuangwen.notifications.outbound.every:PT30S}", initialDelayString = "PT20S")
	void scheduled() {
		try {
			deliver(clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Outbound delivery run failed; the next run retries", ex);
		}
	}

	/** Sends what is due at {@code now}; answers how many were delivered. */
	int deliver(Instant now) {
		int delivered = 0;
		while (true) {
			Integer[] batch = transactions.execute(tx -> deliverBatch(now));
			delivered += batch[1];
			if (batch[0] < BATCH) {
				return delivered;
			}
		}
	}

	private Integer[] deliverBatch(Instant now) {
		List<Pending> due = jdbc.sql("""
				select id, person_id, person_name, mobile, body, attempts from outbound_message
				where status = 'PENDING' and next_attempt_at <= :now
				order by next_attempt_at, id
				limit :batch
				for update skip locked
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("batch", BATCH)
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getInt(6)))
			.list();
		int delivered = 0;
		for (Pending p : due) {
			OutboundChannel.Result result;
			try {
				result = channel.send(new OutboundChannel.Recipient(p.personId(), p.name(), p.mobile()), p.body());
			}
			catch (RuntimeException ex) {
				result = OutboundChannel.Result.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			if (result.delivered()) {
				delivered++;
				jdbc.sql("""
						update outbound_message set status = 'SENT', attempts = attempts + 1, sent_at = :now,
						       channel = :channel, last_error = null
						where id = :id
						""")
					.param("now", now.atOffset(ZoneOffset.UTC))
					.param("channel", channel.name())
					.param("id", p.id())
					.update();
			}
			else {
				int attempts = p.attempts() + 1;
				boolean giveUp = attempts >= MAX_ATTEMPTS;
				jdbc.sql("""
						update outbound_message set status = :status, attempts = :attempts, next_attempt_at = :next,
						       channel = :channel, last_error = :error
						where id = :id
						""")
					.param("status", giveUp ? "FAILED" : "PENDING")
					.param("attempts", attempts)
					.param("next", now.plus(Duration.ofMinutes(1L << (attempts - 1))).atOffset(ZoneOffset.UTC))
					.param("channel", channel.name())
					.param("error", result.error() == null ? "failed" : result.error())
					.param("id", p.id())
					.update();
			}
		}
		return new Integer[] { due.size(), delivered };
	}
}

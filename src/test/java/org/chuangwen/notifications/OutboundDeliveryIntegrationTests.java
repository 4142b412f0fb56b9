package org.chuangwen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.demo.DemoCity;
import org.chuangwen.notifications.LadderFixtures.UnitWithPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbound messages (SMS, e-mail) go through the configured channel; failures are retried, then marked failed. */
@ChuangwenIntegrationTest
class OutboundDeliveryIntegrationTests {

	static final Instant DUE = Instant.parse("2033-01-10T02:00:00Z");

	@Autowired
	ReminderSweep sweep;

	@Autowired
	LadderFixtures ladder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	OutboundChannel channel;

	record Message(String status, int attempts, String lastError, String channel) {
	}

	private Message messageFor(String task, String mobile) {
		return jdbc.sql("""
				select status, attempts, last_error, channel from outbound_message where body like :task and mobile = :mobile
				""")
			.param("task", "%" + task + "%")
			.param("mobile", mobile)
			.query((rs, n) -> new Message(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	@Test
	void theDefaultChannelIsTheLog() {
		assertThat(channel.name()).isEqualTo("log");
	}

	@Test
	void aFailingChannelIsRetriedWithBackOffThenMarkedFailedAndTheInAppNotificationStays() {
		UnitWithPeople u = ladder.aUnitWithPeople(DemoCity.CITY);
		String task = ladder.track(u.unitId(), DUE, u.leader().id());
		Instant t = DUE.minus(Duration.ofDays(7));
		sweep.sweep(t);
		assertThat(messageFor(task, u.liaison().mobile()).status()).isEqualTo("PENDING");

		AtomicInteger calls = new AtomicInteger();
		OutboundChannel down = new OutboundChannel() {
			@Override
			public String name() {
				return "sms";
			}

			@Override
			public Result send(Recipient recipient, String message) {
				calls.incrementAndGet();
				if (calls.get() % 2 == 0) {
					throw new IllegalStateException("gateway timeout");
				}
				return Result.failed("gateway down");
			}
		};
		OutboundDelivery failing = new OutboundDelivery(jdbc, down, transactions, clock);
		failing.deliver(t);
		Message first = messageFor(task, u.liaison().mobile());
		assertThat(first.status()).isEqualTo("PENDING");
		assertThat(first.attempts()).isOne();
		failing.deliver(t.plusSeconds(30));
		assertThat(messageFor(task, u.liaison().mobile()).attempts()).as("not before the back-off").isOne();
		for (int i = 1; i <= OutboundDelivery.MAX_ATTEMPTS; i++) {
			failing.deliver(t.plus(Duration.ofHours(i)));
		}
		Message last = messageFor(task, u.liaison().mobile());
		assertThat(last.status()).isEqualTo("FAILED");
		assertThat(last.attempts()).isEqualTo(OutboundDelivery.MAX_ATTEMPTS);
		assertThat(last.lastError()).contains("gateway");
		assertThat(ladder.notified(u.liaisonAccount(), task, ReminderStep.LIAISON)).as("the in-app one stays").isOne();

		sweep.sweep(DUE.minus(Duration.ofDays(5)));
		OutboundDelivery working = new OutboundDelivery(jdbc, new LoggingOutboundChannel(), transactions, clock);
		working.deliver(DUE.minus(Duration.ofDays(5)));
		Message head = messageFor(task, u.head().mobile());
		assertThat(head.status()).isEqualTo("SENT");
		assertThat(head.channel()).isEqualTo("log");
		working.deliver(DUE.minus(Duration.ofDays(4)));
		assertThat(messageFor(task, u.head().mobile()).attempts()).as("sent once").isOne();
	}

	@Test
	void aMobileNumberIsMaskedInTheLog() {
		assertThat(LoggingOutboundChannel.mask("13912345678")).isEqualTo("139****5678");
		assertThat(LoggingOutboundChannel.mask(null)).isEqualTo("-");
	}
}

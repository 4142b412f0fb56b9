package org.chuangwen.notifications;

import java.util.UUID;

/**
 * A way out of the app to a person: SMS, e-mail, a government messaging platform. Exactly one is active, chosen by
 * {@code chuangwen.notifications.outbound.channel} ({@code log} by default: {@link LoggingOutboundChannel}). An SMS
 * or e-mail adapter is a bean implementing this interface, annotated
 * {@code @ConditionalOnProperty(name = "chuangwen.notifications.outbound.channel", havingValue = "sms")}, in this
 * package. A failed or throwing send is retried with back-off by {@link OutboundDelivery} and finally marked failed;
 * the in-app notification is never affected.
 */
public interface OutboundChannel {

	/** Whom to reach: the person and their mobile number (may be missing: the channel then reports a failure). */
	record Recipient(UUID personId, String name, String mobile) {
	}

	/** What the channel did: delivered, or an error worth recording. */
	record Result(boolean delivered, String error) {

		public static Result ok() {
			return new Result(true, null);
		}

		public static Result failed(String error) {
			return new Result(false, error);
		}
	}

	/** A short name recorded with each message (log, sms, email). */
	String name();

	Result send(Recipient recipient, String message);
}

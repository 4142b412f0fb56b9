package org.chuangwen.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The default channel: writes each outbound message to the log (no SMS gateway needed to run the product). */
@Component
@ConditionalOnProperty(name = "chuangwen.notifications.outbound.channel", havingValue = "log", matchIfMissing = true)
class LoggingOutboundChannel implements OutboundChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingOutboundChannel.class);

	@Override
	public String name() {
		return "log";
	}

	@Override
	public Result send(Recipient recipient, String message) {
		log.info("Outbound message to {} ({}): {}", recipient.name(), mask(recipient.mobile()), message);
		return Result.ok();
	}

	/** 138****1234: the log is no place for full mobile numbers. */
	static String mask(String mobile) {
		if (mobile == null || mobile.length() < 7) {
			return "-";
		}
		return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
	}
}

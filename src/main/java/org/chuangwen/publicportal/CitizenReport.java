package org.chuangwen.publicportal;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen's report as this module keeps it: the problem it became, the tracking code, the optional contact (office
 * only) and the rating once given.
 */
public record CitizenReport(UUID problemId, String trackingCode, String contactName, String contactMobile,
		Instant createdAt, Rating rating, String ratingComment, Instant ratedAt, String notifiedStatus) {

	public boolean rated() {
		return rating != null;
	}

	/** The mobile number as the office's lists show it: 138****1234. */
	public String maskedMobile() {
		return contactMobile == null ? null : contactMobile.substring(0, 3) + "****" + contactMobile.substring(7);
	}
}

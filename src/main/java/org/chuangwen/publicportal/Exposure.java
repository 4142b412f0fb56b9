package org.chuangwen.publicportal;

import java.time.Instant;
import java.util.UUID;

/** An entry of the exposure list (曝光台): a problem the office published, with a title and a text for the public. */
public record Exposure(UUID id, UUID problemId, String title, String body, UUID publishedBy, Instant publishedAt,
		Instant withdrawnAt, String withdrawReason) {

	public boolean live() {
		return withdrawnAt == null;
	}
}

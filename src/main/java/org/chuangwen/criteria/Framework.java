package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One edition of a campaign's criteria (测评体系). A prerequisite framework (e.g. 未成年人思想道德建设) is scored
 * separately: below {@code passThreshold} the city cannot be assessed, and it counts {@code weightPercent} toward the
 * total.
 */
public record Framework(UUID id, UUID campaignId, String name, String edition, FrameworkStatus status, UUID previousId,
		BigDecimal totalScore, boolean prerequisite, BigDecimal passThreshold, BigDecimal weightPercent, int version,
		Instant createdAt) {
}

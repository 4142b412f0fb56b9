package org.chuangwen.criteria;

import java.util.UUID;

/**
 * A standard seen from one side of a cross-campaign mapping: the other standard, its framework and campaign.
 *
 * @param outgoing whether the mapping was made from this side (it is visible from both)
 */
public record StandardMapping(UUID standardId, UUID otherStandardId, String otherCode, String otherContent,
		UUID otherFrameworkId, String otherFrameworkName, String otherCampaignName, boolean outgoing) {
}

package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.UUID;

/** An item of a framework's negative list (负面清单) and the effect an incident of it has. */
public record NegativeListItem(UUID id, UUID frameworkId, String code, String content, NegativeEffect effect,
		BigDecimal deduction, int sortOrder, int version) {
}

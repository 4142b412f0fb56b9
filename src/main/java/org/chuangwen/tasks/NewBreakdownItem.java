package org.chuangwen.tasks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One line of the breakdown table (任务分解表), as the office issues it: for a standard of a framework (its code), or
 * a key task outside the framework (no standard code); the lead unit, the responsible units (one task each) and the
 * supporting units by code; the responsible leader by mobile number or name (optional); the deadline (a date: the
 * end of that day in the city's time zone); what must be delivered; the task's weight in points.
 */
public record NewBreakdownItem(UUID frameworkId, String standardCode, String title, String leadUnitCode,
		List<String> responsibleUnitCodes, List<String> supportingUnitCodes, String leader, LocalDate deadline,
		String deliverables, BigDecimal weight) {

	public NewBreakdownItem {
		responsibleUnitCodes = responsibleUnitCodes == null ? List.of() : List.copyOf(responsibleUnitCodes);
		supportingUnitCodes = supportingUnitCodes == null ? List.of() : List.copyOf(supportingUnitCodes);
	}
}

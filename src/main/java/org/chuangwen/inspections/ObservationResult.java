package org.chuangwen.inspections;

import java.math.BigDecimal;

/** The result of one checklist item at one point: compliant, non-compliant or not applicable. */
public enum ObservationResult {

	COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE;

	/**
	 * The get fraction that counts toward a pass rate: the recorded fraction if one was given, else 1 for compliant
	 * and 0 for non-compliant; {@code null} for not applicable, which is left out of every pass rate.
	 */
	public BigDecimal getFraction(BigDecimal recorded) {
		return switch (this) {
			case NOT_APPLICABLE -> null;
			case COMPLIANT -> recorded != null ? recorded : BigDecimal.ONE;
			case NON_COMPLIANT -> recorded != null ? recorded : BigDecimal.ZERO;
		};
	}
}

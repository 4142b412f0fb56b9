package org.chuangwen.criteria;

import java.math.BigDecimal;

/** How a quantitative indicator's reported value is compared with its threshold. */
public enum Comparator {

	GE("≥"), GT(">"), LE("≤"), LT("<");

	private final String symbol;

	Comparator(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return symbol;
	}

	public boolean isMet(BigDecimal value, BigDecimal threshold) {
		int c = value.compareTo(threshold);
		return switch (this) {
			case GE -> c >= 0;
			case GT -> c > 0;
			case LE -> c <= 0;
			case LT -> c < 0;
		};
	}
}

package org.chuangwen.scoring;

/**
 * A ranking published as tiers instead of an exact order: the first third of the ranked places 好, the second third
 * 较好, the rest 一般 (units sharing a rank share its tier).
 */
public enum Tier {
	GOOD, FAIRLY_GOOD, AVERAGE;

	public static Tier of(int rank, int ranked) {
		if (rank <= Math.ceil(ranked / 3.0)) {
			return GOOD;
		}
		if (rank <= Math.ceil(2 * ranked / 3.0)) {
			return FAIRLY_GOOD;
		}
		return AVERAGE;
	}

	public String apiName() {
		return switch (this) {
			case GOOD -> "good";
			case FAIRLY_GOOD -> "fairlyGood";
			case AVERAGE -> "average";
		};
	}

	public String messageKey() {
		return "evaluation.tier." + name();
	}
}

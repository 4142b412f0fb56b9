package org.chuangwen.scoring;

/**
 * One figure of a unit's performance and how it was computed: {@code numerator / denominator}. {@code rate} is
 * {@code null} when the denominator is zero ("no data": never a made-up 0 % or 100 %). Counts (the overdue count) have
 * no denominator. {@code link} opens the problems behind the figure where there is such a list.
 */
public record Indicator(String key, long numerator, Long denominator, Double rate, String link) {

	public static Indicator rate(String key, long numerator, long denominator, String link) {
		return new Indicator(key, numerator, denominator, denominator == 0 ? null : (double) numerator / denominator, link);
	}

	public static Indicator count(String key, long count, String link) {
		return new Indicator(key, count, null, null, link);
	}

	public boolean hasData() {
		return denominator == null || denominator > 0;
	}

	/** The rate in percent with one decimal, or {@code null} without data. */
	public Double percent() {
		return rate == null ? null : Math.round(rate * 1000.0) / 10.0;
	}

	public String messageKey() {
		return "evaluation.indicator." + key;
	}
}

package org.chuangwen.problems;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the problems module ({@code chuangwen.problems.*}).
 *
 * @param duplicateRadiusMetres a report of the same category this close to an open problem is a possible duplicate
 * @param duplicateWindow … if that problem was reported within this time
 * @param recheckDays a closed problem is re-checked (回头看) this many days after closing
 * @param recheckSamplePercent the share of a week's closures drawn for random re-check
 */
@ConfigurationProperties("chuangwen.problems")
public record ProblemSettings(Double duplicateRadiusMetres, Duration duplicateWindow, Integer recheckDays,
		Integer recheckSamplePercent) {

	public ProblemSettings {
		duplicateRadiusMetres = duplicateRadiusMetres == null ? 50.0 : duplicateRadiusMetres;
		duplicateWindow = duplicateWindow == null ? Duration.ofHours(72) : duplicateWindow;
		recheckDays = recheckDays == null ? 30 : recheckDays;
		recheckSamplePercent = recheckSamplePercent == null ? 10 : recheckSamplePercent;
	}
}

/**
 * Inspections (督查、模拟测评, DOMAIN §7): inspection rounds of six kinds, reproducible unannounced sampling of points,
 * the field checklist of a sampled point (every standard that applies to its type), observations, upper-level results
 * imported from Excel, and a problem for every non-compliant item.
 * <p>
 * Published to higher floors (scoring): {@link org.chuangwen.inspections.ObservationRecorded},
 * {@link org.chuangwen.inspections.RoundClosed}, and the queries of {@code InspectionDirectory} (rounds, observation
 * facts, pass-rate sums per standard grouped by a {@link org.chuangwen.inspections.ScoreDimension}, sampling rules).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections",
		allowedDependencies = { "shared", "audit", "organisation", "criteria", "points", "problems", "blobs",
				"notifications" })
package org.chuangwen.inspections;

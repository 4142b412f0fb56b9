/**
 * Scoring (DOMAIN §7, §9): same-day scores of inspection rounds rolled up the criterion tree (a parent's score is the
 * sum of its children's, unobserved children left out and the parent's maximum spread over the observed ones), grouped
 * by district, street, unit, point type and command post; method-aware (field results from inspections, material
 * review and surveys through {@link org.chuangwen.scoring.ScorePart}); an incrementally maintained cache of pass-rate
 * sums fed by {@link org.chuangwen.inspections.ObservationRecorded}; the same-day round report; the forecast of the
 * official assessment by simulating its sampling; the accountability trace of every lost point.
 * <p>
 * Unit evaluation (DOMAIN §9): per-unit per-day facts kept from the problems' events ({@code UnitDayFacts}), unit
 * performance and the composite index ({@link org.chuangwen.scoring.PerformanceCalculator}), rankings per period and
 * category with bundles and tiers, rotating flags and last-place notices ({@code FlagAwards}), the penalties ledger;
 * queries for pages, the API and the dashboards in {@link org.chuangwen.scoring.EvaluationDirectory}, commands in
 * {@link org.chuangwen.scoring.EvaluationManagement}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring",
		allowedDependencies = { "shared", "audit", "organisation", "criteria", "points", "problems", "inspections",
				"blobs", "tasks" })
package org.chuangwen.scoring;

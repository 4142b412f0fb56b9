package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chuangwen.inspections.ObservationFact;
import org.chuangwen.inspections.ObservationResult;
import org.chuangwen.inspections.RoundKind;
import org.chuangwen.inspections.ScoreDimension;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The deltas an observation applies to the cached sums. */
class RateKeeperTests {

	private final UUID framework = UUID.randomUUID();

	private final UUID round = UUID.randomUUID();

	private final UUID standard = UUID.randomUUID();

	private final UUID point = UUID.randomUUID();

	private final UUID district = UUID.randomUUID();

	private final UUID unit = UUID.randomUUID();

	private ObservationFact fact(UUID id, ObservationResult result, String fraction, UUID street) {
		BigDecimal recorded = fraction == null ? null : new BigDecimal(fraction);
		return new ObservationFact(id, round, RoundKind.MOCK_ASSESSMENT, framework, standard, point, "P05", district,
				street, unit, null, null, null, result, result.getFraction(recorded), Instant.parse("2026-11-25T02:00:00Z"));
	}

	@Test
	void aNewObservationAddsItsFractionToEveryGroupItBelongsTo() {
		UUID street = UUID.randomUUID();
		List<RateCache.Delta> deltas = RateKeeper.deltas(fact(UUID.randomUUID(), ObservationResult.NON_COMPLIANT, "0.8", street), null);

		// the cache keeps the city and the districts
		assertThat(deltas).hasSize(2);
		assertThat(deltas).allSatisfy(d -> {
			assertThat(d.getSum()).isEqualByComparingTo("0.8");
			assertThat(d.applicable()).isEqualTo(1);
		});
		assertThat(deltas).extracting(RateCache.Delta::dimension)
			.containsExactlyInAnyOrder(ScoreDimension.CITY, ScoreDimension.DISTRICT);
		assertThat(deltas).filteredOn(d -> d.dimension() == ScoreDimension.CITY).singleElement()
			.satisfies(d -> assertThat(d.groupKey()).isEmpty());
	}

	@Test
	void aCorrectionAppliesTheDifferenceAndNotApplicableCountsForNothing() {
		UUID id = UUID.randomUUID();
		ObservationFact failed = fact(id, ObservationResult.NON_COMPLIANT, null, null);
		ObservationFact passed = fact(id, ObservationResult.COMPLIANT, null, null);
		List<RateCache.Delta> deltas = RateKeeper.deltas(passed, failed);

		assertThat(deltas).hasSize(2).allSatisfy(d -> {
			assertThat(d.getSum()).isEqualByComparingTo("1");
			assertThat(d.applicable()).isZero();
		});
		assertThat(RateKeeper.deltas(fact(id, ObservationResult.NOT_APPLICABLE, null, null), null)).isEmpty();
		assertThat(RateKeeper.deltas(fact(id, ObservationResult.NOT_APPLICABLE, null, null), failed))
			.allSatisfy(d -> assertThat(d.applicable()).isEqualTo(-1));
		// the same fact again changes nothing
		assertThat(RateKeeper.deltas(passed, passed)).isEmpty();
	}
}

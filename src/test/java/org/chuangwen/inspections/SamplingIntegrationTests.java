package org.chuangwen.inspections;

import java.util.List;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.points.PointDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Sampling over the demo city's points: reproducible with the stored seed, quotas respected, shortfalls reported. */
@ChuangwenIntegrationTest
class SamplingIntegrationTests {

	@Autowired
	InspectionTestRounds rounds;

	@Autowired
	InspectionDirectory directory;

	@Autowired
	PointDirectory points;

	@Test
	void theSameSeedDrawsTheSamePointsAndQuotasAreRespected() {
		SamplingQuota[] quotas = { new SamplingQuota("P05", null, 4), new SamplingQuota("P20", null, 3) };
		InspectionRound a = rounds.planned(RoundKind.MOCK_ASSESSMENT, 20261125L, quotas);
		InspectionRound b = rounds.planned(RoundKind.MOCK_ASSESSMENT, 20261125L, quotas);
		InspectionRound c = rounds.planned(RoundKind.MOCK_ASSESSMENT, 7L, quotas);
		assertThat(a.seed()).isEqualTo(20261125L);
		List<String> drawnA = rounds.points(a).stream().map(SampledPoint::code).sorted().toList();
		List<String> drawnB = rounds.points(b).stream().map(SampledPoint::code).sorted().toList();
		List<String> drawnC = rounds.points(c).stream().map(SampledPoint::code).sorted().toList();
		assertThat(drawnA).hasSize(7).doesNotHaveDuplicates().isEqualTo(drawnB);
		assertThat(drawnC).isNotEqualTo(drawnA);
		assertThat(rounds.points(a)).filteredOn(p -> p.typeCode().equals("P05")).hasSize(4);
		assertThat(rounds.points(a)).filteredOn(p -> p.typeCode().equals("P20")).hasSize(3);
		// both inspectors' single team carries every point
		assertThat(rounds.points(a)).allMatch(p -> Integer.valueOf(1).equals(p.teamNo()));
		assertThat(a.status()).isEqualTo(RoundStatus.PLANNED);
	}

	@Test
	void aQuotaLargerThanTheActivePointsTakesThemAllAndSaysSo() {
		int available = (int) points.ofType("P26").stream().filter(p -> p.active()).count();
		InspectionRound round = rounds.planned(RoundKind.SPECIAL_CAMPAIGN, 1L, new SamplingQuota("P26", null, 10_000));
		RoundDetail detail = directory.detail(rounds.office(), round.id());
		assertThat(detail.points()).hasSize(available);
		assertThat(detail.shortfalls()).singleElement().satisfies(s -> {
			assertThat(s.pointTypeCode()).isEqualTo("P26");
			assertThat(s.asked()).isEqualTo(10_000);
			assertThat(s.available()).isEqualTo(available);
		});
	}

	@Test
	void aDistrictQuotaDrawsOnlyInThatDistrict() {
		InspectionRound any = rounds.planned(RoundKind.WEEKLY_CHECK, 3L, new SamplingQuota("P22", null, 50));
		java.util.UUID district = rounds.points(any).get(0).districtId();
		InspectionRound round = rounds.planned(RoundKind.WEEKLY_CHECK, 3L, new SamplingQuota("P22", district, 5));
		assertThat(rounds.points(round)).hasSizeLessThanOrEqualTo(5).isNotEmpty()
			.allMatch(p -> district.equals(p.districtId()));
	}
}

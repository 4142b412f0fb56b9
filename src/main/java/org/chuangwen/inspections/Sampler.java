package org.chuangwen.inspections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws points for a round: random, unannounced, and reproducible. The candidates are sorted by code and every quota
 * draws with its own stream derived from the seed and the quota's position, so the same seed over the same active
 * points and the same rule draws the same points, whatever order the points were read in. A point is drawn at most
 * once per round; a quota with fewer candidates than asked takes them all and is reported as a shortfall.
 */
final class Sampler {

	private Sampler() {
	}

	/** An active point that may be drawn. */
	record Candidate(UUID pointId, String code, String name, String typeCode, UUID districtId, UUID unitId) {
	}

	static SamplingDraw draw(long seed, List<SamplingQuota> quotas, List<Candidate> candidates) {
		List<Candidate> sorted = new ArrayList<>(candidates);
		sorted.sort(Comparator.comparing(Candidate::code).thenComparing(Candidate::pointId));
		Set<UUID> taken = new HashSet<>();
		List<SampledPoint> drawn = new ArrayList<>();
		List<Shortfall> shortfalls = new ArrayList<>();
		for (int q = 0; q < quotas.size(); q++) {
			SamplingQuota quota = quotas.get(q);
			List<Candidate> pool = new ArrayList<>();
			for (Candidate c : sorted) {
				if (c.typeCode().equals(quota.pointTypeCode()) && !taken.contains(c.pointId())
						&& (quota.districtId() == null || Objects.equals(quota.districtId(), c.districtId()))) {
					pool.add(c);
				}
			}
			int want = quota.count();
			if (pool.size() < want) {
				shortfalls.add(new Shortfall(quota.pointTypeCode(), quota.districtId(), want, pool.size()));
			}
			// partial Fisher–Yates with a stream of its own per quota
			SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (q + 1)));
			int n = Math.min(want, pool.size());
			for (int i = 0; i < n; i++) {
				int j = i + random.nextInt(pool.size() - i);
				Candidate pick = pool.get(j);
				pool.set(j, pool.get(i));
				pool.set(i, pick);
				taken.add(pick.pointId());
				drawn.add(new SampledPoint(pick.pointId(), pick.code(), pick.name(), pick.typeCode(), pick.districtId(),
						pick.unitId(), null, 0));
			}
		}
		return new SamplingDraw(seed, drawn, shortfalls);
	}
}

package org.chuangwen.inspections;

import java.util.List;

/** What a sampling rule drew with a seed: the points in draw order and the quotas that could not be met. */
public record SamplingDraw(long seed, List<SampledPoint> points, List<Shortfall> shortfalls) {

	public SamplingDraw {
		points = List.copyOf(points);
		shortfalls = List.copyOf(shortfalls);
	}
}

package org.chuangwen.inspections;

import java.util.List;
import java.util.UUID;

/**
 * A named sampling rule: how many points of each type are drawn. The {@code official} rule is the one the national
 * assessment uses; the forecast simulates it.
 */
public record SamplingRule(UUID id, String name, boolean official, List<SamplingQuota> quotas) {

	public SamplingRule {
		quotas = List.copyOf(quotas);
	}
}

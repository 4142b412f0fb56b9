package org.chuangwen.inspections;

import java.util.UUID;

/** A point a round sampled, with its team (1, 2, … or {@code null}) and how many of its items were observed. */
public record SampledPoint(UUID pointId, String code, String name, String typeCode, UUID districtId, UUID unitId,
		Integer teamNo, int observedItems) {
}

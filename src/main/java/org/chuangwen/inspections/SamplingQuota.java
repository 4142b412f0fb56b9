package org.chuangwen.inspections;

import java.util.UUID;

/** Draw {@code count} points of one type, in one district ({@code districtId}) or city-wide ({@code null}). */
public record SamplingQuota(String pointTypeCode, UUID districtId, int count) {
}

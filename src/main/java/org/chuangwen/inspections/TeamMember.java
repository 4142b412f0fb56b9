package org.chuangwen.inspections;

import java.util.UUID;

/** One inspector of a round's team of two. */
public record TeamMember(int teamNo, UUID inspectorId, String inspectorName) {
}

package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A problem's deadline passed while it was at its unit (published once per deadline by the overdue sweep). */
public record ProblemOverdue(UUID problemId, String number, UUID unitId, Instant deadline, Instant detectedAt) {
}

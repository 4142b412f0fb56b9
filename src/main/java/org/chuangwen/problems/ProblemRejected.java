package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A problem was found not valid (不予立案) or merged into another one ({@code mergedInto} set). */
public record ProblemRejected(UUID problemId, String number, UUID mergedInto, Instant at) {
}

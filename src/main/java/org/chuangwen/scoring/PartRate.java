package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One standard's pass rate (0..1) by one method within one group, and on how many samples it rests (documents
 * reviewed, questionnaires answered); a part with no samples for a standard does not report it.
 */
public record PartRate(String groupKey, UUID standardId, BigDecimal passRate, long samples) {
}

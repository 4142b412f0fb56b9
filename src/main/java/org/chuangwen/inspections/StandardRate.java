package org.chuangwen.inspections;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The sums behind one standard's pass rate within one group: {@code getSum} is the sum of the effective get fractions
 * of the {@code applicable} observations (not-applicable ones excluded); {@code groupKey} is {@code null} for
 * {@link ScoreDimension#CITY}, the point type code for {@link ScoreDimension#POINT_TYPE}, else the id as text.
 */
public record StandardRate(String groupKey, UUID standardId, BigDecimal getSum, long applicable) {
}

package org.chuangwen.inspections;

/**
 * Published in the same transaction whenever an observation is saved: {@code previous} is the fact it replaced (a
 * corrected item or an idempotent resubmission with other values), {@code null} for a new observation. Consumers
 * may apply {@code fact − previous} as a delta.
 */
public record ObservationRecorded(ObservationFact fact, ObservationFact previous) {
}

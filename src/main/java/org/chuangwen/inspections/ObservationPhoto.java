package org.chuangwen.inspections;

import java.util.UUID;

/** A photo taken with an observation (a blob id), for the report's photos of failures. */
public record ObservationPhoto(UUID observationId, UUID blobId) {
}

package org.chuangwen.points;

import java.time.Instant;
import java.util.UUID;

/** A photo of a point: the stored file (blobs) and who added it when. */
public record PointPhoto(UUID pointId, UUID blobId, String filename, String contentType, long size, Instant addedAt,
		UUID addedBy) {
}

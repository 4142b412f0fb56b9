package org.chuangwen.tasks;

import java.time.Instant;
import java.util.UUID;

/** A file submitted for a task, in submission round {@code submission} (1 = first submission). */
public record Deliverable(UUID taskId, UUID blobId, int submission, String filename, String contentType, long size,
		UUID addedBy, Instant addedAt) {
}

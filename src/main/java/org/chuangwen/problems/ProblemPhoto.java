package org.chuangwen.problems;

import java.time.Instant;
import java.util.UUID;

/** A photo of a problem: taken with the report (BEFORE), with a rectification (AFTER) or a verification (CHECK). */
public record ProblemPhoto(UUID problemId, UUID blobId, Kind kind, UUID addedBy, Instant addedAt) {

	public enum Kind {
		BEFORE, AFTER, CHECK
	}
}

package org.chuangwen.blobs;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file as recorded: its id, the SHA-256 of its content, the type detected from its content, its size in
 * bytes, the name it was uploaded with, who uploaded it and when.
 */
public record StoredBlob(UUID id, String sha256, String contentType, long size, String originalFilename,
		UUID uploadedBy, Instant uploadedAt) {
}

package org.chuangwen.blobs;

/** A stored file read back, its content already checked against its recorded SHA-256. */
public record BlobContent(StoredBlob blob, byte[] bytes) {
}

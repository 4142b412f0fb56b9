package org.chuangwen.blobs;

/**
 * A small picture of a stored photo for pages: its bytes and type, and a tag that stays the same as long as the photo
 * and the size do (for {@code ETag} and {@code If-None-Match}).
 */
public record BlobThumbnail(String etag, String contentType, byte[] bytes) {
}

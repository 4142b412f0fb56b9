package org.chuangwen.blobs;

/** A stored file is missing or no longer matches its recorded SHA-256: the disk lost or changed it. */
public class BlobIntegrityException extends RuntimeException {

	public BlobIntegrityException(String message) {
		super(message);
	}
}

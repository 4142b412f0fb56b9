package org.chuangwen.blobs;

import org.chuangwen.shared.DomainException;

/** A file over the upload limit (413); nothing was stored. */
public class BlobTooLargeException extends DomainException {

	public BlobTooLargeException(long maxBytes) {
		super("blob.tooLarge", maxBytes / (1024 * 1024));
	}
}

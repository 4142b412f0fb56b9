package org.chuangwen.blobs;

import org.chuangwen.shared.RuleViolationException;

/**
 * A file whose content says it is a JPEG or PNG but whose picture does not decode (truncated or corrupt data): refused
 * with 422, nothing stored.
 */
public class ImageUnreadableException extends RuleViolationException {

	private final String filename;

	public ImageUnreadableException(String filename) {
		super("blob.imageUnreadable", filename);
		this.filename = filename;
	}

	public String filename() {
		return filename;
	}
}

package org.chuangwen.organisation;

import org.chuangwen.shared.DomainException;

/** An import file over the size limit (413); nothing was read or changed. */
public class ImportFileTooLargeException extends DomainException {

	public ImportFileTooLargeException(long maxBytes) {
		super("import.file.tooLarge", maxBytes / (1024 * 1024));
	}
}

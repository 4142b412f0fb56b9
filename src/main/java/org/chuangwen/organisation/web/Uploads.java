package org.chuangwen.organisation.web;

import java.io.IOException;
import java.io.InputStream;

import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.web.multipart.MultipartFile;

/** Reads an uploaded import file into memory, refusing a missing or oversized one before reading it. */
final class Uploads {

	static final long MAX_BYTES = 5L * 1024 * 1024;

	private Uploads() {
	}

	static byte[] read(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "import.file.empty");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new ImportFileTooLargeException(MAX_BYTES);
		}
		try (InputStream in = file.getInputStream()) {
			byte[] content = in.readNBytes((int) MAX_BYTES + 1);
			if (content.length > MAX_BYTES) {
				throw new ImportFileTooLargeException(MAX_BYTES);
			}
			return content;
		}
	}
}

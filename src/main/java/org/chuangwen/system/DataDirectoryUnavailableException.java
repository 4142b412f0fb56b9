package org.chuangwen.system;

import java.nio.file.Path;

/** The embedded database's data directory cannot be used; the application must not start. */
class DataDirectoryUnavailableException extends IllegalStateException {

	private final Path directory;

	DataDirectoryUnavailableException(Path directory, String reason, Throwable cause) {
		super("Data directory " + directory + ": " + reason, cause);
		this.directory = directory;
	}

	Path directory() {
		return directory;
	}
}

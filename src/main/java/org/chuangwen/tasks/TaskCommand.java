package org.chuangwen.tasks;

import java.util.List;
import java.util.UUID;

/**
 * A transition asked for: the action, a note (progress note, submission note, or the reason of a return), the
 * deliverable files (blob ids, for {@code submit}) and the version the caller saw ({@code null}: the current one).
 */
public record TaskCommand(TaskAction action, String note, List<UUID> files, Integer expectedVersion) {

	public TaskCommand {
		files = files == null ? List.of() : List.copyOf(files);
	}
}

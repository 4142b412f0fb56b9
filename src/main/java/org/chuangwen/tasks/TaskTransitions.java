package org.chuangwen.tasks;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.chuangwen.tasks.TaskAction.ACCEPT;
import static org.chuangwen.tasks.TaskAction.CANCEL;
import static org.chuangwen.tasks.TaskAction.CLAIM;
import static org.chuangwen.tasks.TaskAction.PROGRESS;
import static org.chuangwen.tasks.TaskAction.RETURN;
import static org.chuangwen.tasks.TaskAction.SUBMIT;
import static org.chuangwen.tasks.TaskStatus.ACCEPTED;
import static org.chuangwen.tasks.TaskStatus.CANCELLED;
import static org.chuangwen.tasks.TaskStatus.CLAIMED;
import static org.chuangwen.tasks.TaskStatus.IN_PROGRESS;
import static org.chuangwen.tasks.TaskStatus.ISSUED;
import static org.chuangwen.tasks.TaskStatus.RETURNED;
import static org.chuangwen.tasks.TaskStatus.SUBMITTED;

/**
 * The task lifecycle as a table: for each status, the actions allowed and the status each leads to. Everything not
 * in the table is an illegal transition.
 *
 * <pre>
 * ISSUED      --claim-->    CLAIMED
 * CLAIMED     --progress--> IN_PROGRESS   --submit--> SUBMITTED
 * IN_PROGRESS --progress--> IN_PROGRESS   --submit--> SUBMITTED
 * SUBMITTED   --accept-->   ACCEPTED (final)
 * SUBMITTED   --return-->   RETURNED
 * RETURNED    --progress--> IN_PROGRESS   --submit--> SUBMITTED
 * any status but ACCEPTED and CANCELLED --cancel--> CANCELLED (final)
 * </pre>
 */
public final class TaskTransitions {

	private static final Map<TaskStatus, Map<TaskAction, TaskStatus>> TABLE = new EnumMap<>(TaskStatus.class);

	static {
		allow(ISSUED, CLAIM, CLAIMED);
		allow(CLAIMED, PROGRESS, IN_PROGRESS);
		allow(CLAIMED, SUBMIT, SUBMITTED);
		allow(IN_PROGRESS, PROGRESS, IN_PROGRESS);
		allow(IN_PROGRESS, SUBMIT, SUBMITTED);
		allow(SUBMITTED, ACCEPT, ACCEPTED);
		allow(SUBMITTED, RETURN, RETURNED);
		allow(RETURNED, PROGRESS, IN_PROGRESS);
		allow(RETURNED, SUBMIT, SUBMITTED);
		for (TaskStatus open : new TaskStatus[] { ISSUED, CLAIMED, IN_PROGRESS, SUBMITTED, RETURNED }) {
			allow(open, CANCEL, CANCELLED);
		}
	}

	private TaskTransitions() {
	}

	private static void allow(TaskStatus from, TaskAction action, TaskStatus to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(TaskAction.class)).put(action, to);
	}

	/** Where the action leads from this status, or empty when it is not allowed. */
	public static Optional<TaskStatus> target(TaskStatus from, TaskAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	public static boolean allows(TaskStatus from, TaskAction action) {
		return target(from, action).isPresent();
	}
}

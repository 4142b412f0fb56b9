package org.chuangwen.tasks;

import java.util.Locale;
import java.util.Optional;

/** The verbs of the task lifecycle, as the API names them ({@code claim}, {@code progress}, …). */
public enum TaskAction {

	/** 签收: the responsible unit takes the task on. */
	CLAIM,
	/** 报送进展: the responsible unit reports progress (a note); the task is then in progress. */
	PROGRESS,
	/** 提交成果: the responsible unit submits at least one deliverable file. */
	SUBMIT,
	/** 验收通过: the campaign office accepts the deliverables. */
	ACCEPT,
	/** 退回: the campaign office returns the deliverables with a reason. */
	RETURN,
	/** 撤销: the campaign office cancels a task that is no longer needed, with a reason. */
	CANCEL;

	/** Whether the responsible unit performs this action (otherwise the campaign office does). */
	public boolean byResponsibleUnit() {
		return this == CLAIM || this == PROGRESS || this == SUBMIT;
	}

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<TaskAction> fromApiName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (TaskAction action : values()) {
			if (action.apiName().equalsIgnoreCase(name.trim())) {
				return Optional.of(action);
			}
		}
		return Optional.empty();
	}

	public String messageKey() {
		return "task.action." + apiName();
	}
}

package org.chuangwen.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A task (任务) of one responsible unit: what must be delivered for a standard (or a key task outside the framework),
 * by when, led by the lead unit with the supporting units' help. Its state changes only through the guarded verbs
 * {@link #claim}, {@link #progress}, {@link #submit}, {@link #accept} and {@link #returnTo}, which check who acts and
 * follow {@link TaskTransitions}; each returns the task as it is after the change.
 *
 * @param itemId the breakdown item (one line of the breakdown table) this task belongs to, shared by the tasks of its
 * other responsible units
 * @param jurisdictionPath the path of the responsible unit's jurisdiction: whose office covers the task
 */
public record Task(UUID id, UUID itemId, UUID frameworkId, UUID standardId, String standardCode, String criterionCode,
		String criterionName, String title, UUID leadUnitId, String leadUnitCode, UUID unitId, String unitCode,
		String unitName, String responsibleUnitCodes, String supportingUnitCodes, String jurisdictionPath,
		UUID responsibleLeaderId, String responsibleLeaderName, Instant deadline, String deliverables, BigDecimal weight,
		TaskStatus status, String lastNote, String returnReason, int submissions, Instant issuedAt, UUID issuedBy,
		Instant claimedAt, Instant submittedAt, Instant acceptedAt, int version) {

	/** Longest note or return reason. */
	public static final int MAX_NOTE = 1000;

	/** Overdue (逾期): the deadline has passed and the task is neither accepted nor cancelled. */
	public boolean isOverdue(Instant now) {
		return !status.isClosed() && deadline.isBefore(now);
	}

	/** Whether the actor may claim, report and submit this task: its responsible unit's administrators and staff. */
	public boolean isWorkedOnBy(Actor actor) {
		return actor != null && unitId.equals(actor.unitId()) && actor.hasAny(Role.UNIT_ADMIN, Role.UNIT_STAFF);
	}

	/** Whether the actor may issue, accept and return this task: a campaign office covering the unit's jurisdiction. */
	public boolean isSupervisedBy(Actor actor) {
		return actor != null && actor.has(Role.OFFICE_ADMIN) && actor.covers(jurisdictionPath);
	}

	/** Whether the action is allowed now and to this actor (for showing buttons; the verbs check again). */
	public boolean allows(Actor actor, TaskAction action) {
		boolean who = action.byResponsibleUnit() ? isWorkedOnBy(actor) : isSupervisedBy(actor);
		return who && TaskTransitions.allows(status, action);
	}

	public Task claim(Actor by, Instant now) {
		TaskStatus next = next(by, TaskAction.CLAIM);
		return with(next, lastNote, returnReason, submissions, now, submittedAt, acceptedAt);
	}

	public Task progress(Actor by, String note, Instant now) {
		String text = requiredText("note", note);
		TaskStatus next = next(by, TaskAction.PROGRESS);
		return with(next, text, returnReason, submissions, claimedAt, submittedAt, acceptedAt);
	}

	/** Submits the deliverables: at least one file is required; the note is optional. */
	public Task submit(Actor by, List<UUID> files, String note, Instant now) {
		TaskStatus next = next(by, TaskAction.SUBMIT);
		if (files == null || files.isEmpty()) {
			throw new InvalidInputException("files", "task.submit.filesRequired");
		}
		String text = optionalText("note", note);
		return with(next, text == null ? lastNote : text, returnReason, submissions + 1, claimedAt, now, acceptedAt);
	}

	public Task accept(Actor by, Instant now) {
		TaskStatus next = next(by, TaskAction.ACCEPT);
		return with(next, lastNote, returnReason, submissions, claimedAt, submittedAt, now);
	}

	/** Returns the deliverables to the unit; the reason is required and shown to the unit. */
	public Task returnTo(Actor by, String reason, Instant now) {
		TaskStatus next = next(by, TaskAction.RETURN);
		String text = requiredText("note", reason);
		return with(next, lastNote, text, submissions, claimedAt, submittedAt, acceptedAt);
	}

	/**
	 * Cancels the task (the office's decision, with a reason kept as the task's last note): it is closed, no longer
	 * overdue and no longer reminded of.
	 */
	public Task cancel(Actor by, String reason, Instant now) {
		TaskStatus next = next(by, TaskAction.CANCEL);
		String text = requiredText("note", reason);
		return with(next, text, returnReason, submissions, claimedAt, submittedAt, acceptedAt);
	}

	/**
	 * Moves the deadline (the office's decision, with a reason): not for an accepted task, not into the past. The
	 * status stays; an overdue task with a later deadline is no longer overdue.
	 */
	public Task reschedule(Actor by, Instant newDeadline, String reason, Instant now) {
		if (!isSupervisedBy(by)) {
			throw new ForbiddenException("task.forbidden.office");
		}
		if (status.isClosed()) {
			throw new RuleViolationException("task.reschedule.accepted");
		}
		if (newDeadline == null) {
			throw new InvalidInputException("deadline", "error.field.required");
		}
		if (newDeadline.isBefore(now)) {
			throw new InvalidInputException("deadline", "task.deadline.past", newDeadline.toString());
		}
		requiredText("note", reason);
		return new Task(id, itemId, frameworkId, standardId, standardCode, criterionCode, criterionName, title, leadUnitId,
				leadUnitCode, unitId, unitCode, unitName, responsibleUnitCodes, supportingUnitCodes, jurisdictionPath,
				responsibleLeaderId, responsibleLeaderName, newDeadline, deliverables, weight, status, lastNote,
				returnReason, submissions, issuedAt, issuedBy, claimedAt, submittedAt, acceptedAt, version);
	}

	private TaskStatus next(Actor by, TaskAction action) {
		boolean allowed = action.byResponsibleUnit() ? isWorkedOnBy(by) : isSupervisedBy(by);
		if (!allowed) {
			throw new ForbiddenException(action.byResponsibleUnit() ? "task.forbidden.unit" : "task.forbidden.office");
		}
		return TaskTransitions.target(status, action)
			.orElseThrow(() -> new RuleViolationException("task.transition.illegal",
					new DefaultMessageSourceResolvable(new String[] { action.messageKey() }, action.apiName()),
					new DefaultMessageSourceResolvable(new String[] { status.messageKey() }, status.name())));
	}

	private static String requiredText(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "task.note.required");
		}
		return optionalText(field, text);
	}

	private static String optionalText(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_NOTE) {
			throw new InvalidInputException(field, "error.field.tooLong", MAX_NOTE);
		}
		return trimmed;
	}

	private Task with(TaskStatus newStatus, String newNote, String newReturnReason, int newSubmissions, Instant newClaimedAt,
			Instant newSubmittedAt, Instant newAcceptedAt) {
		return new Task(id, itemId, frameworkId, standardId, standardCode, criterionCode, criterionName, title, leadUnitId,
				leadUnitCode, unitId, unitCode, unitName, responsibleUnitCodes, supportingUnitCodes, jurisdictionPath,
				responsibleLeaderId, responsibleLeaderName, deadline, deliverables, weight, newStatus, newNote,
				newReturnReason, newSubmissions, issuedAt, issuedBy, newClaimedAt, newSubmittedAt, newAcceptedAt, version);
	}
}

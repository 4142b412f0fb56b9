package org.chuangwen.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.notifications.ReminderLadder;
import org.chuangwen.notifications.TrackedDeadline;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.InvalidInputException.FieldError;
import org.chuangwen.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on tasks: issuing breakdown items (one task per responsible unit) and the lifecycle transitions. Each
 * command is one transaction that writes the task, its audit record and its deadline for the reminder ladder together.
 */
@Service
public class TaskManagement {

	/** At most this many files per submission. */
	public static final int MAX_FILES = 20;

	private final TaskRepository repository;

	private final OrganisationDirectory organisation;

	private final CriteriaDirectory criteria;

	private final Blobs blobs;

	private final ReminderLadder reminders;

	private final AuditTrail audit;

	private final Clock clock;

	TaskManagement(TaskRepository repository, OrganisationDirectory organisation, CriteriaDirectory criteria, Blobs blobs,
			ReminderLadder reminders, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.organisation = organisation;
		this.criteria = criteria;
		this.blobs = blobs;
		this.reminders = reminders;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The same commands acting at the instants of another clock, for replaying a history (the demo city). Must be
	 * called inside a transaction.
	 */
	public TaskManagement at(Clock other) {
		return new TaskManagement(repository, organisation, criteria, blobs, reminders, audit, other);
	}

	/**
	 * Issues one breakdown item: one task per responsible unit. Only a campaign office covering every responsible unit
	 * issues; every problem of the item is reported at once (400).
	 */
	@Transactional
	public List<Task> issue(Actor actor, NewBreakdownItem item) {
		requireOffice(actor);
		BreakdownResolver resolver = resolver(actor);
		List<FieldError> problems = new ArrayList<>();
		var resolved = resolver.resolve(item, problems);
		if (resolved.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return issueResolved(actor, resolved.get());
	}

	/** Issues one task per standard (bulk assignment from the framework tree), all or nothing. */
	@Transactional
	public List<Task> issueAll(Actor actor, List<NewBreakdownItem> items) {
		requireOffice(actor);
		if (items.isEmpty()) {
			throw new InvalidInputException("standardIds", "task.assign.noStandards");
		}
		BreakdownResolver resolver = resolver(actor);
		List<BreakdownResolver.ResolvedItem> resolved = new ArrayList<>();
		Map<String, FieldError> problems = new LinkedHashMap<>();
		for (NewBreakdownItem item : items) {
			List<FieldError> itemProblems = new ArrayList<>();
			resolver.resolve(item, itemProblems).ifPresent(resolved::add);
			itemProblems.forEach(p -> problems.putIfAbsent(p.field() + p.messageKey() + p.arguments(), p));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(List.copyOf(problems.values()));
		}
		return issueResolved(actor, resolved);
	}

	BreakdownResolver resolver(Actor actor) {
		return new BreakdownResolver(actor, organisation, criteria, clock);
	}

	List<Task> issueResolved(Actor actor, BreakdownResolver.ResolvedItem r) {
		return issueResolved(actor, List.of(r));
	}

	/**
	 * Writes the tasks of resolved breakdown items: one batch insert, then each task's audit record and deadline for
	 * the reminder ladder.
	 */
	List<Task> issueResolved(Actor actor, List<BreakdownResolver.ResolvedItem> items) {
		Instant now = now();
		List<Task> tasks = new ArrayList<>();
		for (BreakdownResolver.ResolvedItem r : items) {
			UUID itemId = Ids.newId(clock);
			String responsibleCodes = r.responsible().stream().map(u -> u.unit().code()).collect(Collectors.joining(","));
			String supportingCodes = r.supporting().stream().map(u -> u.unit().code()).collect(Collectors.joining(","));
			for (BreakdownResolver.PlacedUnit unit : r.responsible()) {
				tasks.add(new Task(Ids.newId(clock), itemId, r.standard() == null ? null : r.item().frameworkId(),
						r.standard() == null ? null : r.standard().id(), r.standard() == null ? null : r.standard().code(),
						r.criterion() == null ? null : r.criterion().code(),
						r.criterion() == null ? null : r.criterion().name(), BreakdownResolver.trim(r.item().title()),
						r.lead().unit().id(), r.lead().unit().code(), unit.unit().id(), unit.unit().code(),
						unit.unit().name(), responsibleCodes, supportingCodes, unit.path(),
						r.leader() == null ? null : r.leader().id(), r.leader() == null ? null : r.leader().name(),
						r.deadline(), r.item().deliverables() == null ? "" : r.item().deliverables().strip(),
						r.item().weight(), TaskStatus.ISSUED, null, null, 0, now, actor == null ? null : actor.userId(),
						null, null, null, 0));
			}
		}
		repository.insertAll(tasks);
		for (Task task : tasks) {
			audit.record("task.issued", "task", task.id(), null, snapshot(task), null);
			reminders.track(new TrackedDeadline("task", task.id().toString(), task.title(), task.unitId(), task.deadline(),
					task.responsibleLeaderId()));
		}
		return tasks;
	}

	/**
	 * Moves a task through its lifecycle. A task outside the caller's scope is unknown (404); an action the caller's
	 * role may not take is 403; an action the task's state does not allow is 422; a stale {@code expectedVersion}, or a
	 * change by somebody else meanwhile, is 409.
	 */
	@Transactional
	public Task transition(Actor actor, UUID taskId, TaskCommand command) {
		Task task = visibleTask(actor, taskId);
		if (command.action() == null) {
			throw new InvalidInputException("action", "task.action.unknown", "");
		}
		if (command.expectedVersion() != null && command.expectedVersion() != task.version()) {
			throw stale();
		}
		Instant now = now();
		List<StoredBlob> files = List.of();
		Task next = switch (command.action()) {
			case CLAIM -> task.claim(actor, now);
			case PROGRESS -> task.progress(actor, command.note(), now);
			case SUBMIT -> {
				Task submitted = task.submit(actor, command.files(), command.note(), now);
				files = deliverableFiles(actor, command.files());
				yield submitted;
			}
			case ACCEPT -> task.accept(actor, now);
			case RETURN -> task.returnTo(actor, command.note(), now);
			case CANCEL -> task.cancel(actor, command.note(), now);
		};
		if (!repository.update(next, task.version())) {
			throw stale();
		}
		for (StoredBlob file : files) {
			repository.addDeliverable(new Deliverable(task.id(), file.id(), next.submissions(), file.originalFilename(),
					file.contentType(), file.size(), actor.userId(), now));
		}
		Map<String, Object> after = snapshot(next);
		if (!files.isEmpty()) {
			after.put("files", files.stream().map(StoredBlob::originalFilename).toList());
		}
		String reason = command.action() == TaskAction.RETURN ? next.returnReason() : BreakdownResolver.trim(command.note());
		audit.record("task." + command.action().apiName(), "task", task.id(), snapshot(task), after, reason);
		if (next.status().isClosed()) {
			reminders.settle("task", task.id().toString());
		}
		return repository.find(taskId).orElseThrow();
	}

	/**
	 * Moves a task's deadline (the campaign office covering it, with a reason); the reminder ladder starts again from
	 * the new deadline. 422 for an accepted task, 400 for a date before today, 409 for a stale version.
	 */
	@Transactional
	public Task reschedule(Actor actor, UUID taskId, java.time.LocalDate deadline, String reason, Integer expectedVersion) {
		Task task = visibleTask(actor, taskId);
		if (expectedVersion != null && expectedVersion != task.version()) {
			throw stale();
		}
		Task next = task.reschedule(actor, deadline == null ? null : BreakdownResolver.endOf(deadline, clock), reason, now());
		if (!repository.update(next, task.version())) {
			throw stale();
		}
		audit.record("task.rescheduled", "task", task.id(), snapshot(task), snapshot(next), reason.strip());
		reminders.track(new TrackedDeadline("task", task.id().toString(), next.title(), next.unitId(), next.deadline(),
				next.responsibleLeaderId()));
		return repository.find(taskId).orElseThrow();
	}

	/** A file the unit uploads with a submission (from a page form). */
	public record Upload(byte[] content, String filename) {
	}

	/**
	 * Stores the uploaded files and submits them, in one transaction: when the submission is refused (a bad file, a note
	 * too long, a stale version…) no file record is left behind pointing at nothing. Refusals of a file are reported on
	 * the field {@code files} (400).
	 */
	@Transactional
	public Task submitUploads(Actor actor, UUID taskId, List<Upload> uploads, String note, Integer expectedVersion) {
		List<UUID> stored = new ArrayList<>();
		for (Upload upload : uploads) {
			try {
				stored.add(blobs.store(upload.content(), upload.filename(), BlobUse.DELIVERABLE, actor.userId()).id());
			}
			catch (org.chuangwen.blobs.BlobTooLargeException ex) {
				throw new InvalidInputException("files", ex.messageKey(), ex.arguments());
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException("files", ex.errors().get(0).messageKey(),
						ex.errors().get(0).arguments().toArray());
			}
		}
		return transition(actor, taskId, new TaskCommand(TaskAction.SUBMIT, note, stored, expectedVersion));
	}

	/** Checks the files of a submission: at most 20, each uploaded by the submitter and of a deliverable type. */
	private List<StoredBlob> deliverableFiles(Actor actor, List<UUID> ids) {
		if (ids.size() > MAX_FILES) {
			throw new InvalidInputException("files", "task.submit.tooManyFiles", MAX_FILES);
		}
		List<StoredBlob> files = new ArrayList<>();
		for (UUID id : ids.stream().distinct().toList()) {
			StoredBlob blob = blobs.find(id)
				.filter(b -> actor.userId().equals(b.uploadedBy()))
				.orElseThrow(() -> new InvalidInputException("files", "task.submit.fileUnknown", id.toString()));
			if (!BlobUse.DELIVERABLE.allows(blob.contentType())) {
				throw new InvalidInputException("files", "blob.typeRefused", blob.originalFilename());
			}
			files.add(blob);
		}
		return files;
	}

	Task visibleTask(Actor actor, UUID taskId) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Task task = repository.find(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
		boolean visible = scope.isUnitBound() ? scope.unitId().equals(task.unitId())
				: scope.seesJurisdiction(task.jurisdictionPath());
		if (!visible) {
			throw new NotFoundException("task", taskId);
		}
		return task;
	}

	private static ConflictException stale() {
		return new ConflictException("error.staleVersion",
				new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { "object.task" }, "task"));
	}

	static void requireOffice(Actor actor) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN)) {
			throw new ForbiddenException("task.forbidden.office");
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, Object> snapshot(Task t) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("status", t.status().name());
		state.put("title", t.title());
		state.put("unit", t.unitCode());
		state.put("standard", t.standardCode());
		state.put("deadline", t.deadline().toString());
		state.put("weight", t.weight());
		state.put("version", t.version());
		return state;
	}
}

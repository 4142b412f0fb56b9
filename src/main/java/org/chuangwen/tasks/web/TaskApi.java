package org.chuangwen.tasks.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.Deliverable;
import org.chuangwen.tasks.NewBreakdownItem;
import org.chuangwen.tasks.Task;
import org.chuangwen.tasks.TaskAction;
import org.chuangwen.tasks.TaskCommand;
import org.chuangwen.tasks.TaskCount;
import org.chuangwen.tasks.TaskDirectory;
import org.chuangwen.tasks.TaskFilter;
import org.chuangwen.tasks.TaskManagement;
import org.chuangwen.tasks.TaskSheets;
import org.chuangwen.tasks.TaskStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tasks of the caller's scope and their lifecycle over the JSON API (API.md). */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "tasks", description = "Task breakdown (任务分解): tasks per standard and responsible unit, their lifecycle "
		+ "issued → claimed → in progress → submitted → accepted | returned, the breakdown table as Excel")
class TaskApi {

	/** A task as the API shows it; {@code overdue} is derived (deadline passed, not accepted). */
	record TaskView(UUID id, UUID itemId, String title, String status, boolean overdue, UUID frameworkId,
			String standardCode, String criterionCode, String criterionName, UUID leadUnitId, String leadUnitCode,
			UUID unitId, String unitCode, String unitName, List<String> responsibleUnitCodes,
			List<String> supportingUnitCodes, UUID responsibleLeaderId, String responsibleLeaderName, Instant deadline,
			String deliverables, BigDecimal weight, String lastNote, String returnReason, int submissions,
			Instant issuedAt, Instant claimedAt, Instant submittedAt, Instant acceptedAt, int version,
			List<DeliverableView> files) {

		static TaskView of(Task t, Instant now, List<Deliverable> files) {
			return new TaskView(t.id(), t.itemId(), t.title(), t.status().name(), t.isOverdue(now), t.frameworkId(),
					t.standardCode(), t.criterionCode(), t.criterionName(), t.leadUnitId(), t.leadUnitCode(), t.unitId(),
					t.unitCode(), t.unitName(), split(t.responsibleUnitCodes()), split(t.supportingUnitCodes()),
					t.responsibleLeaderId(), t.responsibleLeaderName(), t.deadline(), t.deliverables(), t.weight(),
					t.lastNote(), t.returnReason(), t.submissions(), t.issuedAt(), t.claimedAt(), t.submittedAt(),
					t.acceptedAt(), t.version(), files == null ? null : files.stream().map(DeliverableView::of).toList());
		}

		private static List<String> split(String codes) {
			return codes == null || codes.isBlank() ? List.of() : List.of(codes.split(","));
		}
	}

	record DeliverableView(UUID blobId, int submission, String filename, String contentType, long size, Instant addedAt) {

		static DeliverableView of(Deliverable d) {
			return new DeliverableView(d.blobId(), d.submission(), d.filename(), d.contentType(), d.size(), d.addedAt());
		}
	}

	/** {@code action}: claim | progress | submit | accept | return; {@code note} (the reason for return); files for submit. */
	record TransitionRequest(String action, String note, List<String> files) {
	}

	/** A breakdown item to issue; one task per responsible unit. */
	record IssueRequest(UUID frameworkId, String standardCode, String title, String leadUnitCode,
			List<String> responsibleUnitCodes, List<String> supportingUnitCodes, String leader, LocalDate deadline,
			String deliverables, BigDecimal weight) {
	}

	record ImportResponse(int items, int tasks) {
	}

	/** A new deadline (a date: the end of that day in the city's time zone) and why. */
	record RescheduleRequest(LocalDate deadline, String reason) {
	}

	private final TaskDirectory directory;

	private final TaskManagement management;

	private final TaskSheets sheets;

	TaskApi(TaskDirectory directory, TaskManagement management, TaskSheets sheets) {
		this.directory = directory;
		this.management = management;
		this.sheets = sheets;
	}

	@GetMapping
	@Operation(summary = "Tasks of the caller's scope", description = "A unit's accounts see their unit's tasks; the "
			+ "campaign office and leaders the tasks of the units inside their jurisdiction. Sorted by deadline, paged "
			+ "({items, page, size, total}). Filters: status, overdue=true, unitId, criterionCode, standardCode, q.")
	Page<TaskView> tasks(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "ISSUED, CLAIMED, IN_PROGRESS, SUBMITTED, ACCEPTED, RETURNED or CANCELLED") @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String criterionCode, @RequestParam(required = false) String standardCode,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		TaskFilter filter = new TaskFilter(status(status), overdue, unitId == null || unitId.isBlank() ? null
				: Ids.parse(unitId, "unit"), criterionCode, standardCode, q);
		Instant now = directory.now();
		return directory.tasks(actor, filter, PageRequest.of(page, size)).map(t -> TaskView.of(t, now, null));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One task with its deliverables", description = "The answer carries ETag: \"<version>\"; send "
			+ "it back as If-Match with a transition.")
	ResponseEntity<TaskView> task(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		UUID taskId = Ids.parse(id, "task");
		Task task = directory.task(actor, taskId);
		return ResponseEntity.ok()
			.eTag("\"" + task.version() + "\"")
			.body(TaskView.of(task, directory.now(), directory.deliverables(actor, taskId)));
	}

	@PostMapping("/{id}/transitions")
	@Operation(summary = "Move a task through its lifecycle", description = "Body {action, note?, files?}. claim, "
			+ "progress {note} and submit {files: [blobId, …] (at least one, uploaded by the caller through POST "
			+ "/api/v1/blobs), note?} are the responsible unit's (UNIT_ADMIN, UNIT_STAFF); accept and return {note: "
			+ "reason} and cancel {note: reason} the campaign office's. 422 for an action the task's state does not allow, 409 when If-Match does "
			+ "not carry the current version or the task changed meanwhile, 403 for a role that may not act, 404 outside "
			+ "the caller's scope. The answer is the updated task.")
	ResponseEntity<TaskView> transition(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody TransitionRequest request) {
		UUID taskId = Ids.parse(id, "task");
		TaskAction action = TaskAction.fromApiName(request.action())
			.orElseThrow(() -> new InvalidInputException("action", "task.action.unknown",
					request.action() == null ? "" : request.action()));
		List<UUID> files = request.files() == null ? List.of()
				: request.files().stream().map(f -> blobId(f)).toList();
		Task task = management.transition(actor, taskId, new TaskCommand(action, request.note(), files, version(ifMatch)));
		return ResponseEntity.ok()
			.eTag("\"" + task.version() + "\"")
			.body(TaskView.of(task, directory.now(), directory.deliverables(actor, taskId)));
	}

	@PostMapping("/{id}/deadline")
	@Operation(summary = "Move a task's deadline", description = "Body {deadline: yyyy-MM-dd, reason}. The campaign "
			+ "office covering the task; the reminder ladder starts again from the new deadline. 400 for a date before "
			+ "today or no reason, 422 for an accepted task, 409 when If-Match is stale.")
	ResponseEntity<TaskView> reschedule(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody RescheduleRequest request) {
		UUID taskId = Ids.parse(id, "task");
		Task task = management.reschedule(actor, taskId, request.deadline(), request.reason(), version(ifMatch));
		return ResponseEntity.ok()
			.eTag("\"" + task.version() + "\"")
			.body(TaskView.of(task, directory.now(), directory.deliverables(actor, taskId)));
	}

	@PostMapping
	@Operation(summary = "Issue a breakdown item", description = "The campaign office issues one task per responsible "
			+ "unit. 400 lists every problem (unknown unit or standard, deadline in the past, missing title…).")
	ResponseEntity<List<TaskView>> issue(@AuthenticationPrincipal Actor actor, @RequestBody IssueRequest r) {
		List<Task> tasks = management.issue(actor, new NewBreakdownItem(r.frameworkId(), r.standardCode(), r.title(),
				r.leadUnitCode(), r.responsibleUnitCodes(), r.supportingUnitCodes(), r.leader(), r.deadline(),
				r.deliverables(), r.weight()));
		Instant now = directory.now();
		return ResponseEntity.created(URI.create("/api/v1/tasks?q=" + java.net.URLEncoder.encode(tasks.get(0).title(),
				java.nio.charset.StandardCharsets.UTF_8))).body(tasks.stream().map(t -> TaskView.of(t, now, null)).toList());
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a breakdown table (任务分解表)", description = "Multipart `file` (.xlsx, ≤ 5 MB, ≤ 5,000 "
			+ "lines, layout as the template) and `frameworkId` of the standards' framework. 422 lists every bad line "
			+ "({row, field, message}) and imports nothing; 413 for a file over the limit.")
	ImportResponse importSheet(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String frameworkId) throws IOException {
		UUID framework = frameworkId == null || frameworkId.isBlank() ? null : Ids.parse(frameworkId, "framework");
		TaskSheets.ImportResult result = sheets.importSheet(actor, framework, read(file));
		return new ImportResponse(result.items(), result.tasks());
	}

	static byte[] read(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "import.file.empty");
		}
		if (file.getSize() > TaskSheets.MAX_BYTES) {
			throw new ImportFileTooLargeException(TaskSheets.MAX_BYTES);
		}
		try (InputStream in = file.getInputStream()) {
			byte[] content = in.readNBytes((int) TaskSheets.MAX_BYTES + 1);
			if (content.length > TaskSheets.MAX_BYTES) {
				throw new ImportFileTooLargeException(TaskSheets.MAX_BYTES);
			}
			return content;
		}
	}

	private static UUID blobId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException("files", "task.submit.fileUnknown", String.valueOf(id));
		}
	}

	/** A date from a form field (yyyy-MM-dd). */
	static LocalDate day(String text) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException("deadline", "task.deadline.format", text);
		}
	}

	static TaskStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return TaskStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "task.status.unknown", status);
		}
	}

	/** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); absent means "current". */
	static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
		try {
			return Integer.valueOf(v);
		}
		catch (NumberFormatException ex) {
			return -1; // matches no version: 409
		}
	}
}

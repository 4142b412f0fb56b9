package org.chuangwen.tasks.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionLevel;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.FrameworkStatus;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.organisation.ImportProblem;
import org.chuangwen.organisation.ImportRejectedException;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.NewBreakdownItem;
import org.chuangwen.tasks.Task;
import org.chuangwen.tasks.TaskAction;
import org.chuangwen.tasks.TaskCommand;
import org.chuangwen.tasks.TaskDirectory;
import org.chuangwen.tasks.TaskFilter;
import org.chuangwen.tasks.TaskManagement;
import org.chuangwen.tasks.TaskSheets;
import org.chuangwen.tasks.TaskStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task pages: a unit's tasks by deadline with claim, progress and submission (file upload); a task's detail with
 * its deliverables, return reason and history; the office's overview by unit, criterion and status with drill-down
 * lists; the breakdown table's import and export; bulk assignment from the framework tree.
 */
@Controller
class TaskPages {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final TaskDirectory directory;

	private final TaskManagement management;

	private final TaskSheets sheets;

	private final CriteriaDirectory criteria;

	private final Blobs blobs;

	private final MessageSource messages;

	private final org.chuangwen.organisation.OrganisationDirectory organisation;

	TaskPages(TaskDirectory directory, TaskManagement management, TaskSheets sheets, CriteriaDirectory criteria,
			Blobs blobs, MessageSource messages, org.chuangwen.organisation.OrganisationDirectory organisation) {
		this.organisation = organisation;
		this.directory = directory;
		this.management = management;
		this.sheets = sheets;
		this.criteria = criteria;
		this.blobs = blobs;
		this.messages = messages;
	}

	// lists

	@GetMapping("/tasks")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String criterionCode, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		TaskFilter filter = new TaskFilter(TaskApi.status(status), overdue,
				unitId == null || unitId.isBlank() ? null : Ids.parse(unitId, "unit"), criterionCode, null, q);
		model.addAttribute("page", directory.tasks(actor, filter, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("now", directory.now());
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		return "tasks/list";
	}

	@GetMapping("/tasks/overview")
	String overview(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String by,
			@RequestParam(required = false) Integer page, Model model) {
		TaskDirectory.Grouping grouping = TaskDirectory.Grouping.of(by);
		model.addAttribute("by", grouping.name().toLowerCase(Locale.ROOT));
		model.addAttribute("page", directory.overview(actor, grouping, TaskFilter.none(),
				PageRequest.of(page == null ? 0 : Math.max(0, page), 50)));
		model.addAttribute("totals", directory.totals(actor, TaskFilter.none()));
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		return "tasks/overview";
	}

	// one task

	@GetMapping("/tasks/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		return detailPage(actor, Ids.parse(id, "task"), model);
	}

	private String detailPage(Actor actor, UUID taskId, Model model) {
		Task task = directory.task(actor, taskId);
		model.addAttribute("task", task);
		model.addAttribute("unitNames", unitNames(task));
		model.addAttribute("leadUnit", unitNames(task).get(task.leadUnitCode()));
		model.addAttribute("responsibleUnits", TaskSheets.codes(task.responsibleUnitCodes()).stream().map(c -> unitNames(task).get(c)).toList());
		model.addAttribute("supportingUnits", TaskSheets.codes(task.supportingUnitCodes()).stream().map(c -> unitNames(task).get(c)).toList());
		model.addAttribute("now", directory.now());
		model.addAttribute("files", directory.deliverables(actor, taskId));
		model.addAttribute("events", directory.history(actor, taskId));
		Map<String, Boolean> allowed = new LinkedHashMap<>();
		for (TaskAction action : TaskAction.values()) {
			allowed.put(action.apiName(), task.allows(actor, action));
		}
		allowed.put("reschedule", task.isSupervisedBy(actor) && !task.status().isClosed());
		model.addAttribute("allowed", allowed);
		return "tasks/detail";
	}

	@PostMapping("/tasks/{id}/{action:claim|progress|accept|return|cancel}")
	String act(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version, Model model,
			RedirectAttributes redirect) {
		UUID taskId = Ids.parse(id, "task");
		TaskAction verb = TaskAction.fromApiName(action).orElseThrow();
		try {
			management.transition(actor, taskId, new TaskCommand(verb, note, List.of(), version));
		}
		catch (InvalidInputException ex) {
			return refused(actor, taskId, verb, ex, note, model);
		}
		redirect.addFlashAttribute("done", "tasks.done." + verb.apiName());
		return "redirect:/tasks/" + taskId;
	}

	@PostMapping("/tasks/{id}/deadline")
	String reschedule(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String deadline, @RequestParam(required = false) String note,
			@RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
		UUID taskId = Ids.parse(id, "task");
		try {
			LocalDate day = deadline == null || deadline.isBlank() ? null : TaskApi.day(deadline);
			management.reschedule(actor, taskId, day, note, version);
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (InvalidInputException.FieldError e : ex.errors()) {
				errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
			}
			model.addAttribute("refusedAction", "reschedule");
			model.addAttribute("fieldErrors", errors);
			model.addAttribute("refusedNote", note);
			return detailPage(actor, taskId, model);
		}
		redirect.addFlashAttribute("done", "tasks.done.reschedule");
		return "redirect:/tasks/" + taskId;
	}

	@PostMapping(path = "/tasks/{id}/submit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String submit(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version, Model model,
			RedirectAttributes redirect) throws IOException {
		UUID taskId = Ids.parse(id, "task");
		Task task = directory.task(actor, taskId);
		if (!task.allows(actor, TaskAction.SUBMIT)) {
			// refuse before storing anything: the verb says why (403 or 422)
			management.transition(actor, taskId, new TaskCommand(TaskAction.SUBMIT, note, List.of(), version));
		}
		try {
			List<TaskManagement.Upload> uploads = new ArrayList<>();
			for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
				if (file.isEmpty()) {
					continue;
				}
				if (file.getSize() > Blobs.MAX_BYTES) {
					throw new InvalidInputException("files", "blob.tooLarge", Blobs.MAX_BYTES / (1024 * 1024));
				}
				try (InputStream in = file.getInputStream()) {
					uploads.add(new TaskManagement.Upload(in.readNBytes((int) Blobs.MAX_BYTES + 1), file.getOriginalFilename()));
				}
			}
			// the files are stored in the submission's transaction: a refused submission leaves no file behind
			management.submitUploads(actor, taskId, uploads, note, version);
		}
		catch (InvalidInputException ex) {
			return refused(actor, taskId, TaskAction.SUBMIT, ex, note, model);
		}
		redirect.addFlashAttribute("done", "tasks.done.submit");
		return "redirect:/tasks/" + taskId;
	}

	/** Shows the task again with the refused form open and each message next to its field (400). */
	private String refused(Actor actor, UUID taskId, TaskAction action, InvalidInputException ex, String note,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidInputException.FieldError e : ex.errors()) {
			errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
		}
		model.addAttribute("refusedAction", action.apiName());
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("refusedNote", note);
		return detailPage(actor, taskId, model);
	}

	@GetMapping("/tasks/{id}/files/{blobId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String blobId) {
		BlobContent content = directory.deliverableContent(actor, Ids.parse(id, "task"), Ids.parse(blobId, "blob"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(content.blob().originalFilename(), StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(content.bytes());
	}

	// the breakdown table

	@GetMapping("/tasks/import")
	String importPage(@AuthenticationPrincipal Actor actor, Model model) {
		requireOffice(actor);
		importModel(actor, model, null);
		return "tasks/import";
	}

	@PostMapping(path = "/tasks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String importSheet(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String frameworkId, Model model) throws IOException {
		requireOffice(actor);
		UUID framework = frameworkId == null || frameworkId.isBlank() ? null : Ids.parse(frameworkId, "framework");
		importModel(actor, model, framework);
		try {
			TaskSheets.ImportResult result = sheets.importSheet(actor, framework, TaskApi.read(file));
			model.addAttribute("imported", result);
		}
		catch (ImportRejectedException ex) {
			List<Map<String, Object>> problems = new ArrayList<>();
			for (ImportProblem p : ex.problems()) {
				problems.add(Map.of("row", p.row(), "column", p.field() == null ? "" : message("tasks.field." + p.field()),
						"message", message(p.messageKey(), p.arguments().toArray())));
			}
			model.addAttribute("problems", problems);
			model.addAttribute("importError", message(ex.messageKey(), ex.arguments()));
		}
		catch (InvalidInputException | ImportFileTooLargeException ex) {
			DomainException error = ex;
			String key = ex instanceof InvalidInputException invalid ? invalid.errors().get(0).messageKey() : error.messageKey();
			Object[] args = ex instanceof InvalidInputException invalid ? invalid.errors().get(0).arguments().toArray()
					: error.arguments();
			model.addAttribute("importError", message(key, args));
		}
		return "tasks/import";
	}

	private void importModel(Actor actor, Model model, UUID selected) {
		List<Framework> frameworks = criteria.frameworks(actor, new PageRequest(0, 100)).items();
		model.addAttribute("frameworks", frameworks);
		UUID chosen = selected != null ? selected : defaultFramework(actor, frameworks);
		model.addAttribute("selectedFramework", chosen);
		model.addAttribute("header", TaskSheets.HEADER);
	}

	@GetMapping("/tasks/import/template")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Actor actor) {
		return excel(sheets.template(), "任务分解表模板.xlsx");
	}

	@GetMapping("/tasks/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String criterionCode, @RequestParam(required = false) String q) {
		TaskFilter filter = new TaskFilter(TaskApi.status(status), overdue,
				unitId == null || unitId.isBlank() ? null : Ids.parse(unitId, "unit"), criterionCode, null, q);
		return excel(sheets.export(actor, filter), "任务分解表.xlsx");
	}

	private static ResponseEntity<byte[]> excel(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

	// bulk assignment from the framework tree

	/** A level-Ⅲ content item with its standards, for the assignment page. */
	record ItemStandards(Criterion item, List<Standard> standards) {
	}

	@GetMapping("/tasks/assign")
	String assignPage(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String frameworkId,
			Model model) {
		requireOffice(actor);
		assignModel(actor, frameworkId, model);
		return "tasks/assign";
	}

	@PostMapping("/tasks/assign")
	String assign(@AuthenticationPrincipal Actor actor, @RequestParam String frameworkId,
			@RequestParam(required = false) List<String> standardIds, @RequestParam(required = false) String titlePrefix,
			@RequestParam(required = false) String leadUnitCode, @RequestParam(required = false) String responsibleUnitCodes,
			@RequestParam(required = false) String supportingUnitCodes, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String deadline, @RequestParam(required = false) String deliverables,
			@RequestParam(required = false) String weight, Model model, RedirectAttributes redirect) {
		requireOffice(actor);
		UUID framework = Ids.parse(frameworkId, "framework");
		CriterionTree tree = criteria.tree(actor, framework);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate day = null;
		if (deadline != null && !deadline.isBlank()) {
			try {
				day = TaskApi.day(deadline);
			}
			catch (InvalidInputException ex) {
				errors.put("deadline", message("task.deadline.format", deadline));
			}
		}
		BigDecimal points = null;
		if (weight != null && !weight.isBlank()) {
			try {
				points = new BigDecimal(weight.trim());
			}
			catch (NumberFormatException ex) {
				errors.put("weight", message("task.weight.number", weight));
			}
		}
		List<NewBreakdownItem> items = new ArrayList<>();
		for (String sid : standardIds == null ? List.<String>of() : standardIds) {
			Standard standard = tree.standard(Ids.parse(sid, "standard")).orElseThrow();
			String text = standard.content();
			String title = (titlePrefix == null || titlePrefix.isBlank() ? "" : titlePrefix.strip() + "：")
					+ (text.length() > 60 ? text.substring(0, 60) + "…" : text);
			items.add(new NewBreakdownItem(framework, standard.code(), title, leadUnitCode,
					TaskSheets.codes(responsibleUnitCodes), TaskSheets.codes(supportingUnitCodes), leader, day, deliverables,
					points != null ? points : standard.maxScore() != null ? standard.maxScore() : BigDecimal.ONE));
		}
		if (errors.isEmpty()) {
			try {
				int issued = management.issueAll(actor, items).size();
				redirect.addFlashAttribute("done", message("tasks.assign.done", issued));
				return "redirect:/tasks/overview";
			}
			catch (InvalidInputException ex) {
				for (InvalidInputException.FieldError e : ex.errors()) {
					errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
				}
			}
		}
		assignModel(actor, frameworkId, model);
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("form", Map.of("titlePrefix", nz(titlePrefix), "leadUnitCode", nz(leadUnitCode),
				"responsibleUnitCodes", nz(responsibleUnitCodes), "supportingUnitCodes", nz(supportingUnitCodes), "leader",
				nz(leader), "deadline", nz(deadline), "deliverables", nz(deliverables), "weight", nz(weight)));
		model.addAttribute("checked", standardIds == null ? List.of() : standardIds);
		return "tasks/assign";
	}

	private void assignModel(Actor actor, String frameworkId, Model model) {
		List<Framework> frameworks = criteria.frameworks(actor, new PageRequest(0, 100)).items();
		UUID chosen = frameworkId != null && !frameworkId.isBlank() ? Ids.parse(frameworkId, "framework")
				: defaultFramework(actor, frameworks);
		model.addAttribute("frameworks", frameworks);
		model.addAttribute("selectedFramework", chosen);
		List<ItemStandards> items = new ArrayList<>();
		if (chosen != null) {
			CriterionTree tree = criteria.tree(actor, chosen);
			for (Criterion c : tree.criteria()) {
				if (c.level() == CriterionLevel.III) {
					items.add(new ItemStandards(c, tree.standardsOf(c.id())));
				}
			}
		}
		model.addAttribute("items", items);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		if (!model.containsAttribute("checked")) {
			model.addAttribute("checked", List.of());
		}
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		model.addAttribute("minDeadline", LocalDate.ofInstant(directory.now(), java.time.ZoneId.of("Asia/Shanghai")));
	}

	/** The active main framework to offer first: the civilized-city campaign's, else any active main framework. */
	private UUID defaultFramework(Actor actor, List<Framework> frameworks) {
		List<Framework> active = frameworks.stream()
			.filter(f -> f.status() == FrameworkStatus.ACTIVE && !f.prerequisite())
			.toList();
		return active.stream()
			.filter(f -> criteria.campaign(actor, f.campaignId()).kind() == org.chuangwen.criteria.CampaignKind.CIVILIZED_CITY)
			.map(Framework::id)
			.findFirst()
			.orElse(active.isEmpty() ? null : active.get(0).id());
	}

	/** Unit names by code, for the codes a task names (lead, responsible, supporting). */
	private Map<String, String> unitNames(Task task) {
		Map<String, String> names = new LinkedHashMap<>();
		List<String> codes = new ArrayList<>(List.of(task.leadUnitCode()));
		codes.addAll(TaskSheets.codes(task.responsibleUnitCodes()));
		codes.addAll(TaskSheets.codes(task.supportingUnitCodes()));
		for (String code : codes) {
			names.computeIfAbsent(code, c -> organisation.unitByCode(c).map(u -> u.name()).orElse(c));
		}
		return names;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static void requireOffice(Actor actor) {
		if (!actor.has(Role.OFFICE_ADMIN)) {
			throw new ForbiddenException("task.forbidden.office");
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** Whole days from now to the deadline (negative when overdue), for the list. */
	static long daysLeft(Instant now, Instant deadline) {
		return Duration.between(now, deadline).toDays();
	}
}

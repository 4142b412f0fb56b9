package org.chuangwen.problems.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.blobs.BlobContent;
import org.chuangwen.organisation.Actor;
import org.chuangwen.problems.DuplicateProblemException;
import org.chuangwen.problems.NewProblem;
import org.chuangwen.problems.Problem;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCategory;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.TimelineEntry;
import org.chuangwen.problems.web.ProblemViews.ProblemView;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems over the JSON API (API.md): intake, lists, one problem, its timeline and photos, transitions. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "problems", description = "Problems (问题) and their rectification loop: intake with routing and "
		+ "duplicate detection, the workflow reported → registered → dispatched → claimed → rectified → closed with "
		+ "rework, reject, merge, dispute/arbitrate, extension, park, report upward, re-check and relapse")
class ProblemApi {

	/** A category of the taxonomy; major classes have no parent, deadline or unit type. */
	record CategoryView(String code, String parentCode, int level, String name, String nameEn, Integer deadlineValue,
			String deadlineUnit, String defaultUnitType, boolean active) {

		static CategoryView of(ProblemCategory c) {
			return new CategoryView(c.code(), c.parentCode(), c.isMajor() ? 1 : 2, c.name(), c.nameEn(),
					c.deadlineValue(), c.deadlineUnit() == null ? null : c.deadlineUnit().name(),
					c.defaultUnitType() == null ? null : c.defaultUnitType().name(), c.active());
		}
	}

	/** A report. {@code source} defaults to the reporter's own; {@code allowDuplicate} confirms a possible duplicate. */
	record ReportRequest(String categoryCode, String description, String pointId, Double lat, Double lng, String source,
			List<String> photos, Boolean allowDuplicate) {
	}

	/**
	 * A transition: {@code action} and, by action, {@code note} / {@code reason} / {@code plan}, {@code unitId},
	 * {@code deadline}, {@code until}, {@code result} (pass | fail), {@code photos}, {@code intoId},
	 * {@code suggestedUnitId}.
	 */
	record TransitionRequest(String action, String note, String reason, String plan, String unitId, String deadline,
			String until, String result, List<String> photos, String intoId, String suggestedUnitId) {
	}

	record TimelineView(long id, Instant at, String actorName, String action, String from, String to, UUID unitId,
			String reason) {

		static TimelineView of(TimelineEntry e) {
			return new TimelineView(e.id(), e.at(), e.actorName(), e.action(),
					e.from() == null ? null : e.from().name().toLowerCase(Locale.ROOT), e.to().name().toLowerCase(Locale.ROOT),
					e.unitId(), e.reason());
		}
	}

	private final ProblemDirectory directory;

	private final ProblemManagement management;

	private final ProblemCategories categories;

	private final Clock clock;

	ProblemApi(ProblemDirectory directory, ProblemManagement management, ProblemCategories categories, Clock clock) {
		this.directory = directory;
		this.management = management;
		this.categories = categories;
		this.clock = clock;
	}

	@GetMapping("/problem-categories")
	@Operation(summary = "The problem taxonomy", description = "Major classes (level 1) and minor classes (level 2) with "
			+ "their default deadline (deadlineValue WORKING_HOURS | WORKING_DAYS on the working-time calendar) and "
			+ "default responsible unit type. Problems are reported in minor classes.")
	List<CategoryView> categories() {
		return categories.all().stream().map(CategoryView::of).toList();
	}

	@PostMapping("/problems")
	@Operation(summary = "Report a problem", description = "Office staff, inspectors and grid workers. Body {categoryCode, "
			+ "description, pointId? or lat+lng, source?, photos?: [blobId from POST /api/v1/blobs], allowDuplicate?}. "
			+ "Routing: point → its unit, else location → grid → responsible unit, else category → handling unit. "
			+ "Reports from the campaign's own people are registered at once and dispatched when a unit was found. 201 "
			+ "with the problem; 400 for bad input (every field listed); 409 with `candidates` [{id, number, status, "
			+ "metres}] when an open problem of the same category was reported at the same point or within 50 m in the "
			+ "last 72 h, unless allowDuplicate is true.")
	ResponseEntity<ProblemView> report(@AuthenticationPrincipal Actor actor, @RequestBody ReportRequest r) {
		ProblemSource source = r.source() == null || r.source().isBlank() ? null
				: ProblemSource.fromApiName(r.source())
					.orElseThrow(() -> new InvalidInputException("source", "problem.source.unknown", r.source()));
		List<UUID> photos = r.photos() == null ? List.of()
				: r.photos().stream().map(p -> ProblemViews.uuid("photos", p, "problem.photo.unknown")).toList();
		Problem problem = management.report(actor, new NewProblem(r.categoryCode(), r.description(),
				ProblemViews.uuid("pointId", r.pointId(), "problem.point.unknown"), r.lat(), r.lng(), source, photos,
				Boolean.TRUE.equals(r.allowDuplicate())));
		return ResponseEntity.created(URI.create("/api/v1/problems/" + problem.id()))
			.eTag("\"" + problem.version() + "\"")
			.body(view(actor, problem));
	}

	@GetMapping("/problems")
	@Operation(summary = "Problems of the caller's scope", description = "A unit's accounts see the problems assigned to "
			+ "their unit; the office, leaders, inspectors and grid workers those inside their jurisdiction. Newest "
			+ "first, paged ({items, page, size, total}; `page_size` is accepted for `size`). Filters: status, unitId, "
			+ "pointId, categoryCode (a minor class, or a major class letter), overdue=true, escalated=true, from, to "
			+ "(report time; ISO 8601 or yyyy-MM-dd), q (number or description).")
	Page<ProblemView> problems(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "reported, registered, dispatched, claimed, rectified, rework, reported_upward, "
					+ "parked, closed, rejected, merged") @RequestParam(required = false) String status,
			@RequestParam(required = false) String unitId, @RequestParam(required = false) String pointId,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Boolean escalated, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(name = "page_size", required = false) Integer pageSize) {
		ProblemFilter filter = new ProblemFilter(ProblemViews.status(status),
				ProblemViews.uuid("unitId", unitId, "problem.unit.unknown"),
				ProblemViews.uuid("pointId", pointId, "problem.point.unknown"), categoryCode, overdue,
				ProblemViews.instant("from", from, clock.getZone(), false), ProblemViews.instant("to", to, clock.getZone(), true),
				escalated, q);
		Instant now = directory.now();
		return directory.problems(actor, filter, PageRequest.of(page, size != null ? size : pageSize))
			.map(l -> ProblemView.of(l.problem(), l.light(), now, null));
	}

	@GetMapping("/problems/{id}")
	@Operation(summary = "One problem with its photos", description = "Carries ETag: \"<version>\"; send it back as "
			+ "If-Match with a transition. 404 outside the caller's scope.")
	ResponseEntity<ProblemView> problem(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		Problem problem = directory.problem(actor, Ids.parse(id, "problem"));
		return ResponseEntity.ok().eTag("\"" + problem.version() + "\"").body(view(actor, problem));
	}

	@GetMapping("/problems/{id}/history")
	@Operation(summary = "The problem's timeline", description = "Every transition: when, who, action, from, to, unit, "
			+ "reason. The handling unit does not see who reported.")
	List<TimelineView> history(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		return directory.timeline(actor, Ids.parse(id, "problem")).stream().map(TimelineView::of).toList();
	}

	@GetMapping("/problems/{id}/photos/{blobId}")
	@Operation(summary = "A photo of the problem (before, after or check)")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String blobId) {
		BlobContent content = directory.photoContent(actor, Ids.parse(id, "problem"), Ids.parse(blobId, "blob"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(content.bytes());
	}

	@PostMapping("/problems/{id}/transitions")
	@Operation(summary = "Move a problem through the workflow", description = "Body {action, …} by action: register "
			+ "{note?} · dispatch {unitId?, deadline?} (defaults from routing and the category) · claim {} · rectify "
			+ "{note?, photos: [blobId, …] (at least one)} · verify {result: pass|fail, note? (required on fail), "
			+ "photos?} · reject {reason} · dispute {reason, suggestedUnitId?} · arbitrate {unitId, note} · extend "
			+ "{until, reason} · approveExtension {} · denyExtension {reason} · park {until, plan} · merge {intoId} · "
			+ "reopen {reason} · recheck {result, note?} · reportUpward {reason}. 422 for an action the state does not "
			+ "allow, 403 for a caller who may not take it, 409 when If-Match is stale or the problem changed "
			+ "meanwhile, 400 for bad input. The answer is the updated problem.")
	ResponseEntity<ProblemView> transition(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody TransitionRequest r) {
		UUID problemId = Ids.parse(id, "problem");
		ProblemAction action = ProblemAction.fromApiName(r.action())
			.orElseThrow(() -> new InvalidInputException("action", "problem.action.unknown", r.action() == null ? "" : r.action()));
		Problem problem = management.transition(actor, problemId, command(action, r, ProblemViews.version(ifMatch)));
		return ResponseEntity.ok().eTag("\"" + problem.version() + "\"").body(view(actor, problem));
	}

	private ProblemCommand command(ProblemAction action, TransitionRequest r, Integer version) {
		String note = firstText(r.note(), r.reason(), r.plan());
		Boolean pass = null;
		if (r.result() != null && !r.result().isBlank()) {
			pass = switch (r.result().trim().toLowerCase(Locale.ROOT)) {
				case "pass" -> true;
				case "fail" -> false;
				default -> throw new InvalidInputException("result", "problem.verify.resultRequired");
			};
		}
		List<UUID> photos = r.photos() == null ? List.of()
				: r.photos().stream().map(p -> ProblemViews.uuid("photos", p, "problem.photo.unknown")).toList();
		return new ProblemCommand(action, note, ProblemViews.uuid("unitId", r.unitId(), "problem.unit.unknown"),
				ProblemViews.instant("deadline", r.deadline(), clock.getZone(), true),
				ProblemViews.instant("until", r.until(), clock.getZone(), true), pass, photos,
				ProblemViews.uuid("intoId", r.intoId(), "problem.merge.targetUnknown"),
				ProblemViews.uuid("suggestedUnitId", r.suggestedUnitId(), "problem.unit.unknown"), version);
	}

	private static String firstText(String... texts) {
		for (String t : texts) {
			if (t != null && !t.isBlank()) {
				return t;
			}
		}
		return null;
	}

	private ProblemView view(Actor actor, Problem p) {
		return ProblemView.of(p, directory.light(p), directory.now(), directory.photos(actor, p.id()));
	}
}

/** A possible duplicate as 409 problem details with the candidates (id, number, status, metres). */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemApiErrors {

	private final MessageSource messages;

	ProblemApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DuplicateProblemException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateProblemException ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		problem.setTitle(messages.getMessage("error.conflict.title", null, "409", locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("candidates", ex.candidates());
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

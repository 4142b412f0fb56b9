package org.chuangwen.problems.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.BlobTooLargeException;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.ImageUnreadableException;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.points.Point;
import org.chuangwen.points.Geo;
import org.chuangwen.points.GridBoundary;
import org.chuangwen.points.GridLocator;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointFilter;
import org.chuangwen.points.PointRef;
import org.chuangwen.points.PointStatus;
import org.chuangwen.problems.DeadlineUnit;
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
import org.chuangwen.problems.ProblemPhoto;
import org.chuangwen.problems.ProblemSource;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The problem pages, in Chinese and usable on a phone: intake (/problems/new, photos uploaded with the form and stored
 * through Blobs), the unit inbox (/problems/inbox), the office board (/problems/board: filters and counts per state),
 * a problem's page with photos before/after, its timeline and the forms of the actions open to the caller (every form
 * posts to the same domain commands as the API), the taxonomy (/problems/categories) and the re-checks
 * (/problems/rechecks).
 */
@Controller
class ProblemPages {

	private final ProblemDirectory directory;

	private final ProblemManagement management;

	private final ProblemCategories categories;

	private final OrganisationDirectory organisation;

	private final PointDirectory points;

	private final GridLocator grids;

	private final Blobs blobs;

	private final MessageSource messages;

	private final Clock clock;

	/** Map tiles for the problem's small map (optional: without them the map shows a plain background). */
	private final String tilesUrl;

	private final String tilesAttribution;

	ProblemPages(ProblemDirectory directory, ProblemManagement management, ProblemCategories categories,
			OrganisationDirectory organisation, PointDirectory points, GridLocator grids, Blobs blobs, MessageSource messages,
			Clock clock, @org.springframework.beans.factory.annotation.Value("${chuangwen.map.tiles-url:}") String tilesUrl,
			@org.springframework.beans.factory.annotation.Value("${chuangwen.map.tiles-attribution:}") String tilesAttribution) {
		this.tilesUrl = tilesUrl;
		this.tilesAttribution = tilesAttribution;
		this.directory = directory;
		this.management = management;
		this.categories = categories;
		this.organisation = organisation;
		this.points = points;
		this.grids = grids;
		this.blobs = blobs;
		this.messages = messages;
		this.clock = clock;
	}

	/** The largest photo accepted, for the file inputs (which refuse a bigger one before it is sent). */
	@ModelAttribute("maxPhotoBytes")
	long maxPhotoBytes() {
		return Blobs.MAX_BYTES;
	}

	// lists

	@GetMapping("/problems")
	String index(@AuthenticationPrincipal Actor actor) {
		return actor.isUnitBound() ? "redirect:/problems/inbox" : "redirect:/problems/board";
	}

	@GetMapping("/problems/inbox")
	String inbox(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("page", directory.inbox(actor, PageRequest.of(page == null ? 0 : Math.max(0, page), 30)));
		model.addAttribute("names", new Names());
		model.addAttribute("now", directory.now());
		return "problems/inbox";
	}

	@GetMapping("/problems/board")
	String board(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status,
			@RequestParam(required = false) String unitId, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		ProblemFilter filter = new ProblemFilter(ProblemViews.status(status),
				ProblemViews.uuid("unitId", unitId, "problem.unit.unknown"), null,
				categoryCode == null || categoryCode.isBlank() ? null : categoryCode, overdue, null, null, escalated, q);
		model.addAttribute("page", directory.problems(actor, filter, PageRequest.of(page == null ? 0 : Math.max(0, page), 30)));
		model.addAttribute("counts", directory.countsByStatus(actor, filter));
		model.addAttribute("overdueCount", directory.countOverdue(actor));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ProblemStatus.values());
		model.addAttribute("groups", categories.tree());
		model.addAttribute("names", new Names());
		model.addAttribute("now", directory.now());
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		return "problems/board";
	}

	// intake

	@GetMapping("/problems/new")
	String newForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String pointId, Model model) {
		requireReporter(actor);
		ReportForm form = new ReportForm();
		if (pointId != null && !pointId.isBlank()) {
			form.pointId = pointId;
		}
		return newPage(actor, form, model);
	}

	/** Points matching a text, for the intake form's point search (an htmx fragment of options). */
	@GetMapping("/problems/new/points")
	String pointOptions(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q, Model model) {
		requireReporter(actor);
		List<Point> found = q == null || q.isBlank() ? List.of()
				: points.search(actor, new PointFilter(null, null, null, PointStatus.ACTIVE, q.trim()), new PageRequest(0, 20)).items();
		model.addAttribute("found", found);
		return "problems/fragments :: pointOptions";
	}

	/** The intake form's fields; photos come as files with the same post. */
	static final class ReportForm {

		public String categoryCode;

		public String description;

		public String pointId;

		public String lat;

		public String lng;

		public String source;

		public boolean allowDuplicate;
	}

	@PostMapping(path = "/problems/new", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String report(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) String description, @RequestParam(required = false) String pointId,
			@RequestParam(required = false) String lat, @RequestParam(required = false) String lng,
			@RequestParam(required = false) String source, @RequestParam(required = false) Boolean allowDuplicate,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		requireReporter(actor);
		ReportForm form = new ReportForm();
		form.categoryCode = categoryCode;
		form.description = description;
		form.pointId = pointId;
		form.lat = lat;
		form.lng = lng;
		form.source = source;
		form.allowDuplicate = Boolean.TRUE.equals(allowDuplicate);
		try {
			List<UUID> photos = store(actor, files);
			ProblemSource src = source == null || source.isBlank() ? null : ProblemSource.fromApiName(source)
				.orElseThrow(() -> new InvalidInputException("source", "problem.source.unknown", source));
			Problem problem = management.report(actor, new NewProblem(categoryCode, description,
					ProblemViews.uuid("pointId", pointId, "problem.point.unknown"), number("lat", lat), number("lng", lng),
					src, photos, form.allowDuplicate));
			redirect.addFlashAttribute("done", message("problems.new.done", problem.number(),
					message(problem.status().messageKey())));
			return "redirect:/problems/" + problem.id();
		}
		catch (DuplicateProblemException ex) {
			model.addAttribute("duplicates", ex.candidates());
			return newPage(actor, form, model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("fieldErrors", fieldErrors(ex));
			return newPage(actor, form, model);
		}
		catch (ImageUnreadableException | BlobTooLargeException ex) {
			response.setStatus(ex instanceof BlobTooLargeException ? 413 : 422);
			model.addAttribute("fieldErrors", Map.of("photos", message(ex.messageKey(), ex.arguments())));
			return newPage(actor, form, model);
		}
	}

	private String newPage(Actor actor, ReportForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("groups", categories.tree());
		model.addAttribute("office", actor.has(Role.OFFICE_ADMIN));
		model.addAttribute("sources", ProblemSource.values());
		PointRef chosen = null;
		if (form.pointId != null && !form.pointId.isBlank()) {
			try {
				chosen = points.point(UUID.fromString(form.pointId.trim())).orElse(null);
			}
			catch (IllegalArgumentException ex) {
				chosen = null;
			}
		}
		model.addAttribute("chosenPoint", chosen);
		model.addAttribute("extent", mapExtent(actor).orElse(null));
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "problems/new";
	}

	/**
	 * Where the intake map opens: around the caller's points; for a caller with none (a grid worker whose grid has no
	 * registered point) around his grid's boundary; else the whole city's points. Never an arbitrary spot: a pin put
	 * there would lie outside the city.
	 */
	private Optional<Geo.BoundingBox> mapExtent(Actor actor) {
		Optional<Geo.BoundingBox> extent = points.extent(actor);
		if (extent.isEmpty() && actor.jurisdictionId() != null) {
			extent = grids.boundary(actor.jurisdictionId()).map(GridBoundary::bounds);
		}
		return extent.isPresent() ? extent : points.extent(null);
	}

	private static void requireReporter(Actor actor) {
		if (actor == null || !actor.hasAny(ProblemManagement.REPORTERS.toArray(Role[]::new))) {
			throw new ForbiddenException("problem.report.forbidden");
		}
	}

	// one problem

	@GetMapping("/problems/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		return detailPage(actor, Ids.parse(id, "problem"), model);
	}

	private String detailPage(Actor actor, UUID problemId, Model model) {
		Problem problem = directory.problem(actor, problemId);
		Instant now = directory.now();
		model.addAttribute("problem", problem);
		model.addAttribute("light", directory.light(problem));
		model.addAttribute("category", categories.find(problem.categoryCode()).orElse(null));
		model.addAttribute("point", problem.pointId() == null ? null : points.point(problem.pointId()).orElse(null));
		Map<ProblemPhoto.Kind, List<ProblemPhoto>> photos = new EnumMap<>(ProblemPhoto.Kind.class);
		for (ProblemPhoto.Kind kind : ProblemPhoto.Kind.values()) {
			photos.put(kind, new ArrayList<>());
		}
		directory.photos(actor, problemId).forEach(p -> photos.get(p.kind()).add(p));
		model.addAttribute("photos", photos);
		model.addAttribute("evidenceFlags", directory.evidenceFlags(actor, problemId));
		model.addAttribute("timeline", directory.timeline(actor, problemId));
		model.addAttribute("reporters", directory.reporters(actor, problemId));
		model.addAttribute("names", new Names());
		model.addAttribute("now", now);
		model.addAttribute("tilesUrl", tilesUrl);
		model.addAttribute("tilesAttribution", tilesAttribution);
		Map<String, Boolean> allowed = new HashMap<>();
		for (ProblemAction action : ProblemAction.values()) {
			allowed.put(action.apiName(), problem.allows(actor, action, now));
		}
		model.addAttribute("allowed", allowed);
		// the notices are escalation's (a higher floor): loaded by the page from /notices/for-problem/{id}, for the
		// roles that read notices
		model.addAttribute("readsNotices", actor.isUnitBound() || actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER));
		boolean anyOffice = allowed.get("dispatch") || allowed.get("arbitrate");
		model.addAttribute("unitOptions", anyOffice ? organisation.unitOptions(actor).stream().filter(Unit::active)
			.filter(u -> u.type() != UnitType.CAMPAIGN_OFFICE).toList() : List.of());
		model.addAttribute("suggestableUnits", allowed.get("dispute") ? management.suggestableUnits(problem) : List.of());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "problems/detail";
	}

	@GetMapping("/problems/{id}/photos/{blobId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String blobId) {
		BlobContent content = directory.photoContent(actor, Ids.parse(id, "problem"), Ids.parse(blobId, "blob"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(content.bytes());
	}

	@PostMapping(path = "/problems/{id}/{action}")
	String act(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			@RequestParam(required = false) String note, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String deadline, @RequestParam(required = false) String until,
			@RequestParam(required = false) String result, @RequestParam(required = false) String intoNumber,
			@RequestParam(required = false) String suggestedUnitId, @RequestParam(required = false) Integer version,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		UUID problemId = Ids.parse(id, "problem");
		ProblemAction verb = ProblemAction.fromApiName(action).orElseThrow(() -> new NotFoundException("page", action));
		try {
			List<UUID> photos = store(actor, files);
			UUID into = null;
			if (verb == ProblemAction.MERGE) {
				if (intoNumber == null || intoNumber.isBlank()) {
					throw new InvalidInputException("intoId", "problem.merge.targetRequired");
				}
				try {
					into = directory.byNumber(actor, intoNumber).id();
				}
				catch (NotFoundException ex) {
					throw new InvalidInputException("intoId", "problem.merge.targetUnknown", intoNumber);
				}
			}
			Boolean pass = result == null || result.isBlank() ? null : "pass".equals(result);
			management.transition(actor, problemId, new ProblemCommand(verb, note,
					ProblemViews.uuid("unitId", unitId, "problem.unit.unknown"),
					ProblemViews.instant("deadline", deadline, clock.getZone(), true),
					ProblemViews.instant("until", until, clock.getZone(), true), pass, photos, into,
					ProblemViews.uuid("suggestedUnitId", suggestedUnitId, "problem.unit.unknown"), version));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("refusedAction", verb.apiName());
			model.addAttribute("fieldErrors", fieldErrors(ex));
			model.addAttribute("refusedNote", note);
			model.addAttribute("refusedUnit", suggestedUnitId);
			return detailPage(actor, problemId, model);
		}
		catch (ForbiddenException ex) {
			// e.g. a leader posting a verification: the problem page again, saying why
			response.setStatus(403);
			model.addAttribute("refusal", message(ex.messageKey(), ex.arguments()));
			return detailPage(actor, problemId, model);
		}
		catch (RuleViolationException | BlobTooLargeException ex) {
			response.setStatus(ex instanceof BlobTooLargeException ? 413 : 422);
			model.addAttribute("refusedAction", verb.apiName());
			model.addAttribute("refusal", message(ex.messageKey(), ex.arguments()));
			model.addAttribute("refusedNote", note);
			return detailPage(actor, problemId, model);
		}
		redirect.addFlashAttribute("done", message("problems.done", message(verb.messageKey())));
		return "redirect:/problems/" + problemId;
	}

	// the taxonomy

	@GetMapping("/problems/categories")
	String categories(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("groups", categories.tree());
		model.addAttribute("editsDefaults", categories.editsDefaults(actor));
		boolean office = actor.has(Role.OFFICE_ADMIN) && actor.jurisdictionId() != null;
		model.addAttribute("setsUnits", office);
		model.addAttribute("handling", categories.handlingUnitsOf(actor));
		model.addAttribute("unitOptions", office ? organisation.unitOptions(actor).stream().filter(Unit::active).toList() : List.of());
		model.addAttribute("deadlineUnits", DeadlineUnit.values());
		model.addAttribute("unitTypes", UnitType.values());
		model.addAttribute("names", new Names());
		return "problems/categories";
	}

	@PostMapping("/problems/categories/{code}")
	String updateCategory(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(required = false) Integer deadlineValue, @RequestParam(required = false) String deadlineUnit,
			@RequestParam(required = false) String defaultUnitType, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		try {
			categories.updateDefaults(actor, code, deadlineValue,
					deadlineUnit == null || deadlineUnit.isBlank() ? null : DeadlineUnit.valueOf(deadlineUnit),
					defaultUnitType == null || defaultUnitType.isBlank() ? null : UnitType.valueOf(defaultUnitType), version);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("deadlineUnit", "error.field.required");
		}
		redirect.addFlashAttribute("done", message("problems.categories.saved", code));
		return "redirect:/problems/categories#cat-" + code;
	}

	@PostMapping("/problems/categories/{code}/unit")
	String setHandlingUnit(@AuthenticationPrincipal Actor actor, @PathVariable String code,
			@RequestParam(required = false) String unitId, RedirectAttributes redirect) {
		categories.setHandlingUnit(actor, code, ProblemViews.uuid("unitId", unitId, "problem.unit.unknown"));
		redirect.addFlashAttribute("done", message("problems.categories.saved", code));
		return "redirect:/problems/categories#cat-" + code;
	}

	// re-checks

	@GetMapping("/problems/rechecks")
	String rechecks(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String week,
			@RequestParam(required = false) Integer page, Model model) {
		LocalDate today = LocalDate.now(clock);
		LocalDate day = today.minusWeeks(1);
		if (week != null && !week.isBlank()) {
			try {
				day = LocalDate.parse(week.trim());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new InvalidInputException("week", "problem.date.format", week);
			}
		}
		model.addAttribute("due", directory.rechecksDue(actor, today, PageRequest.of(page == null ? 0 : Math.max(0, page), 30)));
		model.addAttribute("sample", directory.recheckSample(actor, day));
		model.addAttribute("names", new Names());
		return "problems/rechecks";
	}

	// helpers

	/** Stores uploaded photos through Blobs (the store behind POST /api/v1/blobs); empty file inputs are skipped. */
	private List<UUID> store(Actor actor, List<MultipartFile> files) throws IOException {
		List<UUID> ids = new ArrayList<>();
		if (files == null) {
			return ids;
		}
		List<MultipartFile> real = files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (real.size() > ProblemManagement.MAX_PHOTOS) {
			throw new InvalidInputException("photos", "problem.photos.tooMany", ProblemManagement.MAX_PHOTOS);
		}
		for (MultipartFile file : real) {
			if (file.getSize() > Blobs.MAX_BYTES) {
				throw new BlobTooLargeException(Blobs.MAX_BYTES);
			}
			byte[] content;
			try (InputStream in = file.getInputStream()) {
				content = in.readNBytes((int) Blobs.MAX_BYTES + 1);
			}
			try {
				ids.add(blobs.store(content, file.getOriginalFilename(), BlobUse.PHOTO, actor.userId()).id());
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException("photos", "problem.photo.notImage",
						file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
			}
		}
		return ids;
	}

	private static Double number(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("location", "problem.location.invalid");
		}
	}

	private Map<String, String> fieldErrors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidInputException.FieldError e : ex.errors()) {
			errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
		}
		return errors;
	}

	private String message(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	/** Names of units and categories for the templates, looked up once per page. */
	final class Names {

		private final Map<UUID, String> units = new HashMap<>();

		private Map<String, ProblemCategory> cats;

		public String unit(UUID id) {
			if (id == null) {
				return null;
			}
			return units.computeIfAbsent(id, u -> organisation.unit(u).map(Unit::name).orElse(u.toString()));
		}

		public String category(String code) {
			if (cats == null) {
				cats = new HashMap<>();
				categories.all().forEach(c -> cats.put(c.code(), c));
			}
			ProblemCategory c = cats.get(code);
			return c == null ? code : c.displayName(LocaleContextHolder.getLocale());
		}
	}
}

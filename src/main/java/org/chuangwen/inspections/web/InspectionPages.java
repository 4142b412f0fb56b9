package org.chuangwen.inspections.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.PointType;
import org.chuangwen.inspections.InspectionDirectory;
import org.chuangwen.inspections.InspectionManagement;
import org.chuangwen.inspections.InspectionRound;
import org.chuangwen.inspections.NewRound;
import org.chuangwen.inspections.Observation;
import org.chuangwen.inspections.ObservationInput;
import org.chuangwen.inspections.ObservationResult;
import org.chuangwen.inspections.RoundDetail;
import org.chuangwen.inspections.RoundKind;
import org.chuangwen.inspections.RoundStatus;
import org.chuangwen.inspections.SamplingDraw;
import org.chuangwen.inspections.SamplingQuota;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportProblem;
import org.chuangwen.organisation.ImportRejectedException;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserQuery;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspection pages (Chinese, usable on a phone): the rounds list, a round's detail with its points and progress,
 * the inspector's rounds of today, a point's field checklist, the office's plan form with a sampling preview, the
 * sampling rules and the upper-level import.
 */
@Controller
class InspectionPages {

	private final InspectionDirectory directory;

	private final InspectionManagement management;

	private final CriteriaDirectory criteria;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final ProblemCategories categories;

	private final MessageSource messages;

	private final Clock clock;

	private final Blobs blobs;

	InspectionPages(InspectionDirectory directory, InspectionManagement management, CriteriaDirectory criteria,
			OrganisationDirectory organisation, UserAccounts accounts, ProblemCategories categories,
			MessageSource messages, Clock clock, Blobs blobs) {
		this.blobs = blobs;
		this.directory = directory;
		this.management = management;
		this.criteria = criteria;
		this.organisation = organisation;
		this.accounts = accounts;
		this.categories = categories;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/inspections")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page, Model model) {
		RoundStatus s = InspectionsApi.parse(RoundStatus.class, status, "status");
		RoundKind k = InspectionsApi.parse(RoundKind.class, kind, "kind");
		model.addAttribute("page", directory.rounds(actor, s, k, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
		model.addAttribute("status", s);
		model.addAttribute("kind", k);
		model.addAttribute("statuses", RoundStatus.values());
		model.addAttribute("kinds", RoundKind.values());
		model.addAttribute("mayPlan", directory.mayPlan(actor));
		model.addAttribute("inspector", actor.has(Role.INSPECTOR));
		return "inspections/list";
	}

	@GetMapping("/inspections/today")
	String today(@AuthenticationPrincipal Actor actor, Model model) {
		LocalDate day = LocalDate.now(clock);
		List<TodayRound> rounds = new ArrayList<>();
		for (InspectionRound round : directory.myRounds(actor, day)) {
			RoundDetail detail = directory.detail(actor, round.id());
			Integer team = detail.team().stream().filter(m -> m.inspectorId().equals(actor.userId())).findFirst()
				.map(org.chuangwen.inspections.TeamMember::teamNo).orElse(null);
			rounds.add(new TodayRound(detail.round(), detail.points().stream()
				.filter(p -> team == null || p.teamNo() == null || p.teamNo().equals(team)).toList()));
		}
		model.addAttribute("rounds", rounds);
		model.addAttribute("day", day);
		return "inspections/today";
	}

	/** A round of the inspector's day with the points of its team. */
	record TodayRound(InspectionRound round, List<org.chuangwen.inspections.SampledPoint> points) {
	}

	@GetMapping("/inspections/rounds/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		return detailPage(actor, Ids.parse(id, "inspectionRound"), model);
	}

	private String detailPage(Actor actor, UUID id, Model model) {
		RoundDetail detail = directory.detail(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("round", detail.round());
		model.addAttribute("mayPlan", directory.mayPlan(actor));
		model.addAttribute("mayRecord", directory.mayRecord(actor, detail.round()));
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("districtNames", districtNames(detail));
		model.addAttribute("observations", directory.observations(actor, id));
		return "inspections/detail";
	}

	/**
	 * The "来自督查" card of a problem's page, as an htmx fragment (the problems module, a lower floor, cannot call this
	 * one): the round, point and standard whose observation created the problem, linking to the round and, once it is
	 * closed, its report. Empty when the problem did not come from an inspection or the round is still unannounced to
	 * the caller; 404 for a problem outside the caller's scope.
	 */
	@GetMapping("/inspections/for-problem/{id}")
	String forProblem(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("origin", directory.originOf(actor, Ids.parse(id, "problem")).orElse(null));
		return "inspections/fragments :: forProblem";
	}

	@PostMapping("/inspections/rounds/{id}/open")
	String open(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		management.open(actor, Ids.parse(id, "inspectionRound"));
		redirect.addFlashAttribute("done", "inspection.done.opened");
		return "redirect:/inspections/rounds/" + id;
	}

	@PostMapping("/inspections/rounds/{id}/close")
	String close(@AuthenticationPrincipal Actor actor, @PathVariable String id, RedirectAttributes redirect) {
		management.close(actor, Ids.parse(id, "inspectionRound"));
		redirect.addFlashAttribute("done", "inspection.done.closed");
		return "redirect:/inspections/rounds/" + id;
	}

	@PostMapping("/inspections/rounds/{id}/upper-level-results")
	String importResults(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		UUID roundId = Ids.parse(id, "inspectionRound");
		try {
			byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
			InspectionManagement.ImportResult result = management.importUpperLevel(actor, roundId, content);
			redirect.addFlashAttribute("imported", result);
			return "redirect:/inspections/rounds/" + id;
		}
		catch (ImportRejectedException ex) {
			List<String> errors = new ArrayList<>();
			for (ImportProblem p : ex.problems()) {
				errors.add(message("inspection.import.row", p.row()) + " " + message(p.messageKey(), p.arguments().toArray()));
			}
			model.addAttribute("importErrors", errors);
			response.setStatus(422);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("importErrors", ex.errors().stream()
				.map(e -> message(e.messageKey(), e.arguments().toArray())).toList());
			response.setStatus(400);
		}
		return detailPage(actor, roundId, model);
	}

	// the field checklist

	@GetMapping("/inspections/rounds/{id}/points/{pointId}")
	String checklist(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String pointId,
			Model model) {
		return checklistPage(actor, Ids.parse(id, "inspectionRound"), Ids.parse(pointId, "point"), model, Map.of());
	}

	private String checklistPage(Actor actor, UUID roundId, UUID pointId, Model model, Map<String, String> errors) {
		InspectionDirectory.Checklist checklist = directory.checklist(actor, roundId, pointId);
		model.addAttribute("checklist", checklist);
		model.addAttribute("round", checklist.round());
		model.addAttribute("point", checklist.point());
		model.addAttribute("mayRecord", directory.mayRecord(actor, checklist.round()));
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("categories", categories.tree());
		model.addAttribute("errors", errors);
		return "inspections/checklist";
	}

	/** The side of the checklist's photo thumbnails, pixels. */
	static final int THUMBNAIL_PIXELS = 160;

	/**
	 * A photo of an item at a sampled point, as a thumbnail (for the checklist; made once, then read from the blob
	 * store), cached by the browser: 304 for the tag it holds. 404 outside what the actor sees.
	 */
	@GetMapping("/inspections/rounds/{id}/points/{pointId}/photos/{blobId}")
	org.springframework.http.ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String pointId, @PathVariable String blobId,
			org.springframework.web.context.request.WebRequest web) {
		UUID blob = Ids.parse(blobId, "photo");
		InspectionDirectory.Checklist checklist = directory.checklist(actor, Ids.parse(id, "inspectionRound"),
				Ids.parse(pointId, "point"));
		boolean listed = checklist.observed().values().stream().anyMatch(o -> o.photos().contains(blob));
		if (!listed) {
			throw new org.chuangwen.shared.NotFoundException("photo", blob);
		}
		org.chuangwen.blobs.StoredBlob stored = blobs.find(blob).orElseThrow(
				() -> new org.chuangwen.shared.NotFoundException("photo", blob));
		String tag = "\"" + Blobs.thumbnailTag(stored, THUMBNAIL_PIXELS) + "\"";
		org.springframework.http.CacheControl cache = org.springframework.http.CacheControl
			.maxAge(java.time.Duration.ofDays(1)).cachePrivate();
		if (web.checkNotModified(tag)) {
			return org.springframework.http.ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED)
				.eTag(tag).cacheControl(cache).build();
		}
		org.chuangwen.blobs.BlobThumbnail thumbnail = blobs.thumbnail(blob, THUMBNAIL_PIXELS);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(thumbnail.contentType()))
			.cacheControl(cache)
			.eTag(tag)
			.body(thumbnail.bytes());
	}

	@PostMapping("/inspections/rounds/{id}/points/{pointId}")
	String save(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String pointId,
			@RequestParam(required = false) String only, MultipartHttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		UUID roundId = Ids.parse(id, "inspectionRound");
		UUID point = Ids.parse(pointId, "point");
		InspectionDirectory.Checklist checklist = directory.checklist(actor, roundId, point);
		MultiValueMap<String, MultipartFile> files = request.getMultiFileMap();
		List<ObservationInput> items = new ArrayList<>();
		Map<UUID, List<InspectionManagement.Upload>> uploads = new HashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		checklist.groups().forEach(group -> group.standards().forEach(standard -> {
			String key = standard.id().toString();
			if (only != null && !only.isBlank() && !only.equals(key)) {
				return;
			}
			String resultText = request.getParameter("result_" + key);
			if (resultText == null || resultText.isBlank()) {
				return;
			}
			ObservationResult result = InspectionsApi.result(resultText).orElse(null);
			BigDecimal fraction = null;
			String fractionText = request.getParameter("fraction_" + key);
			if (fractionText != null && !fractionText.isBlank()) {
				try {
					fraction = new BigDecimal(fractionText.strip());
				}
				catch (NumberFormatException ex) {
					errors.put(key, message("inspection.observation.fractionRange", fractionText));
					return;
				}
			}
			List<UUID> photos = new ArrayList<>();
			Observation before = checklist.observed().get(standard.id());
			if (before != null) {
				photos.addAll(before.photos());
				// the photos the inspector took off the item (ticked "移除") before saving
				String[] removed = request.getParameterValues("removePhoto_" + key);
				if (removed != null) {
					java.util.Set<String> drop = java.util.Set.of(removed);
					photos.removeIf(p -> drop.contains(p.toString()));
				}
			}
			List<InspectionManagement.Upload> mine = new ArrayList<>();
			for (MultipartFile file : files.getOrDefault("photos_" + key, List.of())) {
				if (file.isEmpty()) {
					continue;
				}
				if (file.getSize() > Blobs.MAX_BYTES) {
					errors.put(key, message("blob.tooLarge", Blobs.MAX_BYTES / (1024 * 1024)));
					return;
				}
				try (InputStream in = file.getInputStream()) {
					mine.add(new InspectionManagement.Upload(in.readAllBytes(), file.getOriginalFilename()));
				}
				catch (IOException ex) {
					errors.put(key, message("inspection.photo.unreadable"));
					return;
				}
			}
			uploads.put(standard.id(), mine);
			items.add(new ObservationInput(standard.id(), result, fraction, request.getParameter("note_" + key), photos,
					request.getParameter("category_" + key)));
		}));
		if (errors.isEmpty() && items.isEmpty()) {
			errors.put("", message("inspection.observation.none"));
		}
		if (errors.isEmpty()) {
			try {
				List<Observation> saved = management.recordWithUploads(actor, roundId, point, items, uploads);
				redirect.addFlashAttribute("saved", saved.size());
				redirect.addFlashAttribute("problems", saved.stream().filter(o -> o.problemId() != null).count());
				return "redirect:/inspections/rounds/" + roundId + "/points/" + point
						+ (only != null && !only.isBlank() ? "#item-" + only : "");
			}
			catch (InvalidInputException ex) {
				for (InvalidInputException.FieldError e : ex.errors()) {
					String field = e.field();
					int open = field.indexOf('[');
					int close = field.indexOf(']');
					String key = open >= 0 && close > open
							? items.get(Integer.parseInt(field.substring(open + 1, close))).standardId().toString() : "";
					errors.merge(key, message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
				}
			}
			catch (org.chuangwen.blobs.BlobTooLargeException ex) {
				errors.put("", message(ex.messageKey(), ex.arguments()));
			}
		}
		response.setStatus(400);
		return checklistPage(actor, roundId, point, model, errors);
	}

	// planning

	@GetMapping("/inspections/new")
	String planForm(@AuthenticationPrincipal Actor actor, Model model) {
		requirePlanner(actor);
		planModel(actor, model, new PlanForm("", RoundKind.WEEKLY_CHECK.name(), LocalDate.now(clock).toString(),
				directory.samplingRules().isEmpty() ? "" : directory.samplingRules().get(0).id().toString(), "", "", "", "",
				""), null, Map.of());
		return "inspections/plan";
	}

	/** The plan form as typed. */
	record PlanForm(String name, String kind, String plannedOn, String samplingRuleId, String seed, String a1, String a2,
			String b1, String b2) {
	}

	@PostMapping("/inspections/new")
	String plan(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String plannedOn,
			@RequestParam(required = false) String samplingRuleId, @RequestParam(required = false) String seed,
			@RequestParam(required = false) String a1, @RequestParam(required = false) String a2,
			@RequestParam(required = false) String b1, @RequestParam(required = false) String b2,
			@RequestParam(required = false) String action, Model model, HttpServletResponse response) {
		requirePlanner(actor);
		PlanForm form = new PlanForm(name, kind, plannedOn, samplingRuleId, seed, a1, a2, b1, b2);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			Long seedValue = seed == null || seed.isBlank() ? null : parseSeed(seed);
			UUID rule = InspectionsApi.optionalId(samplingRuleId, "samplingRule");
			if ("preview".equals(action)) {
				SamplingDraw draw = management.preview(actor, rule, seedValue);
				form = new PlanForm(name, kind, plannedOn, samplingRuleId, Long.toString(draw.seed()), a1, a2, b1, b2);
				planModel(actor, model, form, draw, Map.of());
				return "inspections/plan";
			}
			List<List<UUID>> teams = new ArrayList<>();
			teams.add(pair(a1, a2));
			if (!blank(b1) || !blank(b2)) {
				teams.add(pair(b1, b2));
			}
			InspectionRound round = management.plan(actor, new NewRound(name, InspectionsApi.parse(RoundKind.class, kind,
					"kind"), null, InspectionsApi.date(plannedOn), teams, rule, seedValue));
			return "redirect:/inspections/rounds/" + round.id();
		}
		catch (InvalidInputException ex) {
			for (InvalidInputException.FieldError e : ex.errors()) {
				String field = e.field().startsWith("teams") ? "teams" : e.field();
				errors.merge(field, message(e.messageKey(), e.arguments().toArray()), (x, y) -> x + " " + y);
			}
		}
		catch (DomainException ex) {
			errors.put("", message(ex.messageKey(), ex.arguments()));
		}
		response.setStatus(400);
		planModel(actor, model, form, null, errors);
		return "inspections/plan";
	}

	private void planModel(Actor actor, Model model, PlanForm form, SamplingDraw preview, Map<String, String> errors) {
		model.addAttribute("form", form);
		Map<String, String> slots = new HashMap<>();
		slots.put("a1", form.a1() == null ? "" : form.a1());
		slots.put("a2", form.a2() == null ? "" : form.a2());
		slots.put("b1", form.b1() == null ? "" : form.b1());
		slots.put("b2", form.b2() == null ? "" : form.b2());
		model.addAttribute("teamSlots", slots);
		model.addAttribute("kinds", RoundKind.values());
		model.addAttribute("rules", directory.samplingRules());
		model.addAttribute("inspectors", accounts.search(actor, new UserQuery(null, Role.INSPECTOR, null, null),
				new PageRequest(0, PageRequest.MAX_SIZE)).items());
		model.addAttribute("preview", preview);
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("framework", management.defaultFramework(actor).map(f -> f.name()).orElse(null));
		model.addAttribute("errors", errors);
	}

	// sampling rules

	@GetMapping("/inspections/rules")
	String rules(@AuthenticationPrincipal Actor actor, Model model) {
		requirePlanner(actor);
		rulesModel(actor, model, Map.of(), "", false, Map.of());
		return "inspections/rules";
	}

	@PostMapping("/inspections/rules")
	String createRule(@AuthenticationPrincipal Actor actor, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		requirePlanner(actor);
		String name = params.getOrDefault("name", "");
		boolean official = params.containsKey("official");
		UUID district = InspectionsApi.optionalId(params.get("districtId"), "jurisdiction");
		List<SamplingQuota> quotas = new ArrayList<>();
		Map<String, String> counts = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		for (PointType type : criteria.pointTypes()) {
			String text = params.getOrDefault("count_" + type.code(), "").strip();
			counts.put(type.code(), text);
			if (text.isEmpty() || text.equals("0")) {
				continue;
			}
			try {
				quotas.add(new SamplingQuota(type.code(), district, Integer.parseInt(text)));
			}
			catch (NumberFormatException ex) {
				errors.put("quotas", message("inspection.rule.countRange", 10_000));
			}
		}
		if (errors.isEmpty()) {
			try {
				management.createRule(actor, name, official, quotas);
				redirect.addFlashAttribute("done", "inspection.done.ruleSaved");
				return "redirect:/inspections/rules";
			}
			catch (InvalidInputException ex) {
				for (InvalidInputException.FieldError e : ex.errors()) {
					errors.merge(e.field().startsWith("quotas") ? "quotas" : e.field(),
							message(e.messageKey(), e.arguments().toArray()), (x, y) -> x + " " + y);
				}
			}
		}
		response.setStatus(400);
		rulesModel(actor, model, counts, name, official, errors);
		return "inspections/rules";
	}

	private void rulesModel(Actor actor, Model model, Map<String, String> counts, String name, boolean official,
			Map<String, String> errors) {
		model.addAttribute("rules", directory.samplingRules());
		model.addAttribute("types", criteria.pointTypes());
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("districts", organisation.jurisdictionOptions(actor, false).stream()
			.filter(j -> j.level() == org.chuangwen.organisation.JurisdictionLevel.DISTRICT).toList());
		model.addAttribute("districtName", (java.util.function.Function<UUID, String>) this::districtName);
		model.addAttribute("counts", counts);
		model.addAttribute("name", name);
		model.addAttribute("official", official);
		model.addAttribute("errors", errors);
	}

	// helpers

	private static void requirePlanner(Actor actor) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN)) {
			throw new org.chuangwen.shared.ForbiddenException("inspection.plan.forbidden");
		}
	}

	private Map<String, String> typeNames() {
		Map<String, String> names = new HashMap<>();
		criteria.pointTypes().forEach(t -> names.put(t.code(), t.name(LocaleContextHolder.getLocale())));
		return names;
	}

	private Map<UUID, String> districtNames(RoundDetail detail) {
		Map<UUID, String> names = new HashMap<>();
		detail.points().forEach(p -> {
			if (p.districtId() != null) {
				names.computeIfAbsent(p.districtId(), this::districtName);
			}
		});
		return names;
	}

	private String districtName(UUID id) {
		return id == null ? "" : organisation.jurisdiction(id).map(Jurisdiction::name).orElse("");
	}

	private static List<UUID> pair(String a, String b) {
		List<UUID> pair = new ArrayList<>();
		if (!blank(a)) {
			pair.add(InspectionsApi.inspectorId(a, "teams[0]"));
		}
		if (!blank(b)) {
			pair.add(InspectionsApi.inspectorId(b, "teams[1]"));
		}
		return pair;
	}

	private static long parseSeed(String seed) {
		try {
			return Long.parseLong(seed.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("seed", "inspection.seed.invalid");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}

package org.chuangwen.publicportal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.BlobTooLargeException;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.ImageUnreadableException;
import org.chuangwen.points.Point;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointFilter;
import org.chuangwen.points.PointStatus;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCategory;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.PublicProblemPin;
import org.chuangwen.problems.PublicProblemView;
import org.chuangwen.publicportal.CitizenReport;
import org.chuangwen.publicportal.CitizenReports;
import org.chuangwen.publicportal.Rating;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public pages, without sign-in (DOMAIN §12): the campaign's progress, the reporting page (随手拍), following a
 * report by its tracking code and rating it, and the problem map without personal data. Small pages of their own
 * (no framework stylesheet or script), so they load fast on a slow phone network.
 */
@Controller
class PublicPages {

	/** The device cookie: a random id, so throttling can tell one phone from another behind the same address. */
	static final String DEVICE_COOKIE = "cw_device";

	static final int MAP_DAYS = 90;

	static final int MAP_LIMIT = 3_000;

	private final CitizenReports reports;

	private final ProblemDirectory problems;

	private final ProblemCategories categories;

	private final PointDirectory points;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final org.chuangwen.publicportal.Exposures exposures;

	private final org.chuangwen.scoring.EvaluationDirectory evaluation;

	PublicPages(CitizenReports reports, ProblemDirectory problems, ProblemCategories categories, PointDirectory points,
			MessageSource messages, java.time.Clock clock, org.chuangwen.publicportal.Exposures exposures,
			org.chuangwen.scoring.EvaluationDirectory evaluation) {
		this.evaluation = evaluation;
		this.clock = clock;
		this.exposures = exposures;
		this.reports = reports;
		this.problems = problems;
		this.categories = categories;
		this.points = points;
		this.messages = messages;
	}

	/** The form's fields as typed, to show the form again after a refusal. */
	public static final class ReportForm {

		public String categoryCode;

		public String description;

		public String address;

		public String pointId;

		public String lat;

		public String lng;

		public String contactName;

		public String contactMobile;
	}

	@GetMapping("/public")
	String home(Model model) {
		Map<ProblemStatus, Long> counts = problems.cityCounts();
		long accepted = counts.entrySet()
			.stream()
			.filter(e -> e.getKey() != ProblemStatus.REPORTED && e.getKey() != ProblemStatus.REJECTED
					&& e.getKey() != ProblemStatus.MERGED)
			.mapToLong(Map.Entry::getValue)
			.sum();
		long closed = counts.get(ProblemStatus.CLOSED);
		model.addAttribute("accepted", accepted);
		model.addAttribute("closed", closed);
		model.addAttribute("inProgress", accepted - closed);
		model.addAttribute("closeRate", accepted == 0 ? null : Math.round(closed * 1000.0 / accepted) / 10.0);
		Map<Rating, Long> ratings = reports.ratingCounts();
		long rated = ratings.values().stream().mapToLong(Long::longValue).sum();
		model.addAttribute("rated", rated);
		model.addAttribute("satisfaction", rated == 0 ? null
				: Math.round((ratings.get(Rating.SATISFIED) + ratings.get(Rating.BASIC)) * 1000.0 / rated) / 10.0);
		return "publicportal/home";
	}

	// reporting

	@GetMapping("/public/report")
	String reportForm(Model model, HttpServletRequest request, HttpServletResponse response) {
		device(request, response);
		return reportPage(new ReportForm(), Map.of(), List.of(), model);
	}

	@PostMapping(path = "/public/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String report(@RequestParam(required = false) String categoryCode,
			@RequestParam(required = false) String description, @RequestParam(required = false) String address,
			@RequestParam(required = false) String pointId, @RequestParam(required = false) String lat,
			@RequestParam(required = false) String lng, @RequestParam(required = false) String contactName,
			@RequestParam(required = false) String contactMobile,
			@RequestParam(name = "photos", required = false) List<MultipartFile> files, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ReportForm form = new ReportForm();
		form.categoryCode = categoryCode;
		form.description = description;
		form.address = address;
		form.pointId = pointId;
		form.lat = lat;
		form.lng = lng;
		form.contactName = contactName;
		form.contactMobile = contactMobile;
		String device = device(request, response);
		List<Point> candidates = List.of();
		try {
			List<CitizenReports.Photo> photos = new ArrayList<>();
			for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
				if (!f.isEmpty()) {
					photos.add(new CitizenReports.Photo(f.getBytes(), f.getOriginalFilename()));
				}
			}
			Double latitude = number(form.lat);
			Double longitude = number(form.lng);
			UUID point = uuid(form.pointId);
			if ((latitude == null || longitude == null) && point == null && form.address != null && !form.address.isBlank()) {
				candidates = addressCandidates(form.address.strip());
				if (candidates.size() == 1) {
					point = candidates.get(0).id();
				}
				else {
					throw new InvalidInputException("address",
							candidates.isEmpty() ? "public.report.address.unknown" : "public.report.address.choose");
				}
			}
			CitizenReports.Receipt receipt = reports.submit(new CitizenReports.Submission(form.categoryCode,
					form.description, form.address, point, latitude, longitude, form.contactName, form.contactMobile,
					photos),
					request.getRemoteAddr(), device);
			redirect.addFlashAttribute("received", true);
			return "redirect:/public/track/" + receipt.trackingCode();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return reportPage(form, fieldErrors(ex), candidates, model);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return reportPage(form, Map.of("photos", message(ex.messageKey(), ex.arguments())), candidates, model);
		}
		catch (ImageUnreadableException | BlobTooLargeException ex) {
			response.setStatus(ex instanceof BlobTooLargeException ? 413 : 422);
			return reportPage(form, Map.of("photos", message(ex.messageKey(), ex.arguments())), candidates, model);
		}
	}

	private String reportPage(ReportForm form, Map<String, String> errors, List<Point> candidates, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("groups", categories.tree());
		model.addAttribute("candidates", candidates);
		model.addAttribute("maxBytes", Blobs.MAX_BYTES);
		return "publicportal/report";
	}

	/** Inspection points whose address or name matches what the citizen typed (the exact ones when there are). */
	private List<Point> addressCandidates(String address) {
		List<Point> found = points.search(null, new PointFilter(null, null, null, PointStatus.ACTIVE, address),
				new PageRequest(0, 6)).items();
		List<Point> exact = found.stream()
			.filter(p -> address.equalsIgnoreCase(p.address()) || address.equalsIgnoreCase(p.name()))
			.toList();
		return exact.isEmpty() ? found : exact;
	}

	// following a report

	@GetMapping("/public/track")
	String trackForm(@RequestParam(required = false) String code, Model model) {
		if (code != null && !code.isBlank()) {
			return "redirect:/public/track/" + code.strip().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
		}
		return "publicportal/track-form";
	}

	@GetMapping("/public/track/{code}")
	String track(@PathVariable String code, Model model, HttpServletRequest request) {
		CitizenReport report = reports.byCode(code, request.getRemoteAddr());
		PublicProblemView view = problems.publicView(report.problemId())
			.orElseThrow(() -> new NotFoundException("report", code));
		model.addAttribute("report", report);
		model.addAttribute("view", view);
		model.addAttribute("category", categories.find(view.categoryCode()).map(ProblemCategory::name).orElse(""));
		model.addAttribute("stage", Stage.of(view.status()));
		model.addAttribute("ratings", Rating.values());
		model.addAttribute("zone", clock.getZone());
		Map<String, String> labels = new LinkedHashMap<>();
		String other = message("public.action.other");
		view.steps().forEach(step -> labels.computeIfAbsent(step.action(),
				a -> messages.getMessage("public.action." + a, null, other, LocaleContextHolder.getLocale())));
		model.addAttribute("labels", labels);
		return "publicportal/track";
	}

	@PostMapping("/public/track/{code}/rating")
	String rate(@PathVariable String code, @RequestParam(required = false) String rating,
			@RequestParam(required = false) String comment, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect, Model model) {
		try {
			reports.rate(code, rating, comment, request.getRemoteAddr());
			redirect.addFlashAttribute("rated", true);
			return "redirect:/public/track/" + code;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("ratingError", fieldErrors(ex).values().iterator().next());
			return track(code, model, request);
		}
		catch (NotFoundException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			model.addAttribute("ratingError", message(ex.messageKey(), ex.arguments()));
			return track(code, model, request);
		}
	}

	@GetMapping("/public/track/{code}/photos/{blobId}")
	ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable String blobId, HttpServletRequest request) {
		CitizenReport report = reports.byCode(code, request.getRemoteAddr());
		UUID id = uuid(blobId);
		if (id == null) {
			throw new NotFoundException("blob", blobId);
		}
		BlobContent content = problems.publicPhotoContent(report.problemId(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(7)).cachePrivate())
			.body(content.bytes());
	}

	// the exposure list (曝光台)

	/** An entry as the public page shows it: the text, the problem's state and its report and after photos. */
	public record ExposureView(org.chuangwen.publicportal.Exposure exposure, PublicProblemView problem, String category) {
	}

	@GetMapping("/public/exposure")
	String exposure(@RequestParam(required = false) Integer page, Model model) {
		var entries = exposures.live(new PageRequest(page == null ? 0 : Math.max(0, page), 10));
		Map<String, String> names = new LinkedHashMap<>();
		categories.all().forEach(c -> names.put(c.code(), c.name()));
		List<ExposureView> views = new ArrayList<>();
		for (var e : entries.items()) {
			problems.publicView(e.problemId())
				.ifPresent(v -> views.add(new ExposureView(e, v, names.getOrDefault(v.categoryCode(), ""))));
		}
		model.addAttribute("page", entries);
		model.addAttribute("views", views);
		model.addAttribute("zone", clock.getZone());
		return "publicportal/exposure";
	}

	@GetMapping("/public/exposure/{id}/photos/{blobId}")
	ResponseEntity<byte[]> exposurePhoto(@PathVariable String id, @PathVariable String blobId) {
		UUID entry = uuid(id);
		UUID blob = uuid(blobId);
		if (entry == null || blob == null) {
			throw new NotFoundException("blob", blobId);
		}
		BlobContent content = problems.publicPhotoContent(exposures.liveOne(entry).problemId(), blob);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
			.body(content.bytes());
	}

	// the red/black list (红黑榜)

	/** One closed period's flags, by category: the red flags and the black flags. */
	public record FlagPeriod(org.chuangwen.scoring.Period period,
			Map<org.chuangwen.scoring.RankingCategory, List<org.chuangwen.scoring.RotatingFlag>> red,
			Map<org.chuangwen.scoring.RankingCategory, List<org.chuangwen.scoring.RotatingFlag>> black) {
	}

	@GetMapping("/public/redblack")
	String redBlack(@RequestParam(required = false) String kind, Model model) {
		org.chuangwen.scoring.Period.Kind k = "month".equalsIgnoreCase(kind) ? org.chuangwen.scoring.Period.Kind.MONTH
				: org.chuangwen.scoring.Period.Kind.WEEK;
		Map<org.chuangwen.scoring.Period, FlagPeriod> periods = new LinkedHashMap<>();
		for (var flag : evaluation.publicRedBlackList(k, k == org.chuangwen.scoring.Period.Kind.WEEK ? 2 : 3)) {
			FlagPeriod fp = periods.computeIfAbsent(flag.period(),
					p -> new FlagPeriod(p, new java.util.TreeMap<>(), new java.util.TreeMap<>()));
			var into = flag.colour() == org.chuangwen.scoring.RotatingFlag.Colour.RED ? fp.red() : fp.black();
			into.computeIfAbsent(flag.category(), c -> new ArrayList<>()).add(flag);
		}
		model.addAttribute("periods", new ArrayList<>(periods.values()));
		model.addAttribute("kind", k.apiName());
		return "publicportal/redblack";
	}

	// the public map

	@GetMapping("/public/map")
	String map(Model model) {
		model.addAttribute("days", MAP_DAYS);
		return "publicportal/map";
	}

	@GetMapping(path = "/public/map/pins", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> pins() {
		Map<String, String> names = new LinkedHashMap<>();
		categories.tree().forEach(g -> g.minors().forEach(c -> names.put(c.code(), c.name())));
		List<Map<String, Object>> items = new ArrayList<>();
		for (PublicProblemPin p : problems.publicPins(MAP_DAYS, MAP_LIMIT)) {
			Map<String, Object> pin = new LinkedHashMap<>();
			pin.put("lat", p.lat());
			pin.put("lng", p.lng());
			pin.put("category", names.getOrDefault(p.categoryCode(), p.categoryCode()));
			pin.put("closed", p.closed());
			items.add(pin);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("days", MAP_DAYS);
		body.put("items", items);
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic()).body(body);
	}

	/** How far a report got, in the words a citizen understands. */
	public enum Stage {

		RECEIVED, ACCEPTED, HANDLING, DONE, NOT_ACCEPTED, MERGED, PARKED;

		static Stage of(ProblemStatus s) {
			return switch (s) {
				case REPORTED -> RECEIVED;
				case REGISTERED -> ACCEPTED;
				case DISPATCHED, CLAIMED, RECTIFIED, REWORK, REPORTED_UPWARD -> HANDLING;
				case PARKED -> PARKED;
				case CLOSED -> DONE;
				case REJECTED -> NOT_ACCEPTED;
				case MERGED -> MERGED;
			};
		}

		public String messageKey() {
			return "public.stage." + name();
		}

		/** How many of the four steps (received, accepted, handling, done) are reached. */
		public int step() {
			return switch (this) {
				case RECEIVED, NOT_ACCEPTED, MERGED -> 1;
				case ACCEPTED -> 2;
				case HANDLING, PARKED -> 3;
				case DONE -> 4;
			};
		}
	}

	private String device(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (DEVICE_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[0-9a-f-]{36}")) {
					return c.getValue();
				}
			}
		}
		String id = UUID.randomUUID().toString();
		Cookie cookie = new Cookie(DEVICE_COOKIE, id);
		cookie.setHttpOnly(true);
		cookie.setPath("/public");
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
		return null; // a first visit has no device to count yet; its address still counts
	}

	private static Double number(String text) {
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

	private static UUID uuid(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.trim());
		}
		catch (IllegalArgumentException ex) {
			return null;
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
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}

package org.chuangwen.points.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.PointType;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.organisation.ImportRejectedException;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.points.GridLocator;
import org.chuangwen.points.Point;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.points.PointFilter;
import org.chuangwen.points.PointManagement;
import org.chuangwen.points.PointSheets;
import org.chuangwen.points.PointStatus;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The point pages: the list with filters, a point's page with its place on a small map and its history, the form to
 * register or change a point, retire/reactivate, the Excel import and export, and the map of all points.
 */
@Controller
class PointPages {

	private final PointDirectory directory;

	private final PointManagement management;

	private final org.chuangwen.points.PointPhotos photos;

	private final PointSheets sheets;

	private final GridLocator grids;

	private final CriteriaDirectory criteria;

	private final OrganisationDirectory organisation;

	private final MapFeatures features;

	private final org.springframework.context.MessageSource messages;

	private final String tilesUrl;

	private final String tilesAttribution;

	PointPages(PointDirectory directory, PointManagement management, org.chuangwen.points.PointPhotos photos,
			PointSheets sheets, GridLocator grids,
			CriteriaDirectory criteria, OrganisationDirectory organisation, MapFeatures features,
			org.springframework.context.MessageSource messages, @Value("${chuangwen.map.tiles-url:}") String tilesUrl,
			@Value("${chuangwen.map.tiles-attribution:}") String tilesAttribution) {
		this.directory = directory;
		this.management = management;
		this.photos = photos;
		this.sheets = sheets;
		this.grids = grids;
		this.criteria = criteria;
		this.organisation = organisation;
		this.features = features;
		this.messages = messages;
		this.tilesUrl = tilesUrl;
		this.tilesAttribution = tilesAttribution;
	}

	@GetMapping("/points")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String typeCode,
			@RequestParam(required = false) String jurisdictionId, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		PointFilter filter = PointApi.filter(typeCode, jurisdictionId, unitId, status, q);
		model.addAttribute("page", directory.search(actor, filter, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
		model.addAttribute("filter", filter);
		filterOptions(actor, model);
		model.addAttribute("mayCreate", directory.mayCreate(actor));
		return "points/list";
	}

	private void filterOptions(Actor actor, Model model) {
		model.addAttribute("types", criteria.pointTypes());
		model.addAttribute("statuses", PointStatus.values());
		model.addAttribute("jurisdictions", organisation.jurisdictionOptions(actor, false));
		model.addAttribute("units", actor.isUnitBound() ? List.of() : organisation.unitOptions(actor));
		model.addAttribute("typeNames", typeNames());
	}

	private java.util.Map<String, String> typeNames() {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		for (PointType t : criteria.pointTypes()) {
			names.put(t.code(), t.name(locale));
		}
		return names;
	}

	@GetMapping("/points/map")
	String map(@AuthenticationPrincipal Actor actor, Model model) {
		directory.search(actor, PointFilter.none(), PageRequest.of(0, 1)); // refuses callers who read no points
		model.addAttribute("types", criteria.pointTypes());
		model.addAttribute("mayCreate", directory.mayCreate(actor));
		model.addAttribute("tilesUrl", tilesUrl);
		model.addAttribute("tilesAttribution", tilesAttribution);
		var extent = directory.extent(actor).or(() -> grids.extent(actor));
		model.addAttribute("extent", extent.map(b -> List.of(b.minLat(), b.minLng(), b.maxLat(), b.maxLng())).orElse(null));
		return "points/map";
	}

	/** The map page's pins (the same GeoJSON as GET /api/v1/points/map, read with the page's session). */
	@GetMapping(path = "/points/map/pins", produces = "application/json")
	@org.springframework.web.bind.annotation.ResponseBody
	java.util.Map<String, Object> pins(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) String typeCode, @RequestParam(required = false) String status) {
		return features.pins(actor, bbox, PointApi.filter(typeCode, null, null, status, null));
	}

	/** The map page's grid outlines (as GET /api/v1/grids/outlines). */
	@GetMapping(path = "/points/map/outlines", produces = "application/json")
	@org.springframework.web.bind.annotation.ResponseBody
	java.util.Map<String, Object> outlines(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String bbox) {
		return features.outlines(actor, bbox);
	}

	@GetMapping("/points/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Point point = directory.pointFor(actor, Ids.parse(id, "point"));
		model.addAttribute("point", point);
		model.addAttribute("typeNames", typeNames());
		model.addAttribute("mayMaintain", directory.mayMaintain(actor, point));
		model.addAttribute("history", directory.history(actor, point.id()));
		model.addAttribute("photos", photos.photos(actor, point.id()));
		model.addAttribute("mayChangePhotos", photos.mayChange(actor, point));
		model.addAttribute("maxPhotos", org.chuangwen.points.PointPhotos.MAX_PHOTOS);
		model.addAttribute("zone", management.zone());
		model.addAttribute("tilesUrl", tilesUrl);
		model.addAttribute("tilesAttribution", tilesAttribution);
		model.addAttribute("boundary", point.gridId() == null ? null
				: grids.boundary(point.gridId()).map(b -> b.ring().stream().map(p -> List.of(p.lat(), p.lng())).toList()).orElse(null));
		return "points/detail";
	}

	@GetMapping("/points/new")
	String newForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, Model model) {
		if (!directory.mayCreate(actor)) {
			throw new ForbiddenException("point.forbidden.maintain");
		}
		PointForm form = new PointForm();
		form.setLatitude(lat);
		form.setLongitude(lng);
		model.addAttribute("pointForm", form);
		return form(actor, null, form, model);
	}

	@PostMapping("/points")
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("pointForm") PointForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		try {
			if (binding.hasErrors()) {
				management.check(actor, form.draft(grid(form)), null);
				return form(actor, null, form, model);
			}
			Point point = management.create(actor, form.draft(grid(form)));
			redirect.addFlashAttribute("notice", "points.saved");
			return "redirect:/points/" + point.id();
		}
		catch (InvalidInputException | ConflictException ex) {
			apply(ex, binding);
			return form(actor, null, form, model);
		}
	}

	@GetMapping("/points/{id}/edit")
	String editForm(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Point point = directory.pointFor(actor, Ids.parse(id, "point"));
		if (!directory.mayMaintain(actor, point)) {
			throw new ForbiddenException("point.forbidden.maintain");
		}
		PointForm form = PointForm.of(point);
		model.addAttribute("pointForm", form);
		return form(actor, point, form, model);
	}

	@PostMapping("/points/{id}/edit")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@ModelAttribute("pointForm") PointForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Point point = directory.pointFor(actor, Ids.parse(id, "point"));
		try {
			if (binding.hasErrors()) {
				management.check(actor, form.draft(grid(form)), point.id());
				return form(actor, point, form, model);
			}
			management.update(actor, point.id(), form.draft(grid(form)), form.getVersion());
			redirect.addFlashAttribute("notice", "points.saved");
			return "redirect:/points/" + point.id();
		}
		catch (InvalidInputException | ConflictException ex) {
			apply(ex, binding);
			return form(actor, point, form, model);
		}
	}

	@PostMapping("/points/{id}/status")
	String status(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String action,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		UUID pointId = Ids.parse(id, "point");
		try {
			if ("retire".equals(action)) {
				management.retire(actor, pointId, reason, version);
			}
			else {
				management.reactivate(actor, pointId, reason, version);
			}
			redirect.addFlashAttribute("notice", "retire".equals(action) ? "points.retired" : "points.reactivated");
		}
		catch (InvalidInputException | ConflictException | org.chuangwen.shared.RuleViolationException ex) {
			redirect.addFlashAttribute("statusError", ex instanceof InvalidInputException invalid
					? message(invalid.errors().get(0).messageKey(), invalid.errors().get(0).arguments().toArray())
					: message(ex.messageKey(), ex.arguments()));
		}
		return "redirect:/points/" + pointId;
	}

	@PostMapping("/points/{id}/photos")
	String addPhoto(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) throws IOException {
		UUID pointId = Ids.parse(id, "point");
		try {
			photos.add(actor, pointId, PointApi.photoBytes(file), file == null ? null : file.getOriginalFilename(), version);
			redirect.addFlashAttribute("notice", "points.photo.added");
		}
		catch (InvalidInputException | ConflictException | org.chuangwen.blobs.BlobTooLargeException ex) {
			redirect.addFlashAttribute("photoError", errorText(ex));
		}
		return "redirect:/points/" + pointId + "#photos";
	}

	@PostMapping("/points/{id}/photos/{blobId}/remove")
	String removePhoto(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String blobId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		UUID pointId = Ids.parse(id, "point");
		try {
			photos.remove(actor, pointId, Ids.parse(blobId, "blob"), reason, version);
			redirect.addFlashAttribute("notice", "points.photo.removed");
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("photoError", errorText(ex));
		}
		return "redirect:/points/" + pointId + "#photos";
	}

	@GetMapping("/points/{id}/photos/{blobId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String blobId) {
		return PointApi.photoResponse(photos.content(actor, Ids.parse(id, "point"), Ids.parse(blobId, "blob")));
	}

	@GetMapping("/points/{id}/photos/{blobId}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@PathVariable String blobId) {
		org.chuangwen.points.PointPhotos.Thumbnail thumbnail = photos.thumbnail(actor, Ids.parse(id, "point"),
				Ids.parse(blobId, "blob"));
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(thumbnail.contentType()))
			.cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
			.eTag("\"" + thumbnail.etag() + "\"")
			.body(thumbnail.bytes());
	}

	private String errorText(DomainException ex) {
		return ex instanceof InvalidInputException invalid
				? message(invalid.errors().get(0).messageKey(), invalid.errors().get(0).arguments().toArray())
				: message(ex.messageKey(), ex.arguments());
	}

	@GetMapping("/points/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String typeCode,
			@RequestParam(required = false) String jurisdictionId, @RequestParam(required = false) String unitId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q) {
		return PointApi.excel(sheets.export(actor, PointApi.filter(typeCode, jurisdictionId, unitId, status, q)),
				"点位清单.xlsx");
	}

	@GetMapping("/points/import/template")
	ResponseEntity<byte[]> template() {
		return PointApi.excel(sheets.template(), "点位清单模板.xlsx");
	}

	@GetMapping("/points/import")
	String importForm(@AuthenticationPrincipal Actor actor) {
		if (!directory.mayCreate(actor)) {
			throw new ForbiddenException("point.forbidden.maintain");
		}
		return "points/import";
	}

	@PostMapping("/points/import")
	String importSheet(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		try {
			int created = sheets.importSheet(actor, PointApi.read(file)).created();
			redirect.addFlashAttribute("imported", created);
			return "redirect:/points";
		}
		catch (ImportRejectedException ex) {
			List<java.util.Map<String, Object>> problems = new java.util.ArrayList<>();
			for (org.chuangwen.organisation.ImportProblem p : ex.problems()) {
				int column = p.field() == null ? -1 : PointSheets.FIELDS.indexOf(p.field());
				problems.add(java.util.Map.of("row", p.row(), "column", column < 0 ? "" : PointSheets.HEADER.get(column),
						"message", message(p.messageKey(), p.arguments().toArray())));
			}
			model.addAttribute("problems", problems);
			return "points/import";
		}
		catch (InvalidInputException | ImportFileTooLargeException ex) {
			model.addAttribute("fileError", ex instanceof InvalidInputException invalid
					? message(invalid.errors().get(0).messageKey(), invalid.errors().get(0).arguments().toArray())
					: message(ex.messageKey(), ex.arguments()));
			return "points/import";
		}
	}

	private String message(String key, Object... arguments) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return messages.getMessage(key, arguments, key, locale);
	}

	/** The grid of the form's grid code: empty means "from the location"; an unknown code is a field error. */
	private UUID grid(PointForm form) {
		String code = form.getGridCode();
		if (code == null || code.isBlank()) {
			return null;
		}
		return organisation.jurisdictionByCode(code.strip())
			.filter(j -> j.level() == JurisdictionLevel.GRID)
			.map(Jurisdiction::id)
			.orElseThrow(() -> new InvalidInputException("gridCode", "point.import.gridUnknown", code.strip()));
	}

	private static void apply(DomainException ex, BindingResult binding) {
		if (ex instanceof ConflictException conflict && "point.code.taken".equals(conflict.messageKey())) {
			binding.rejectValue("code", conflict.messageKey(), conflict.arguments(), conflict.messageKey());
			return;
		}
		if (ex instanceof InvalidInputException invalid) {
			// the draft's gridId is the form's gridCode
			List<InvalidInputException.FieldError> errors = invalid.errors()
				.stream()
				.map(e -> e.field().equals("gridId") ? new InvalidInputException.FieldError("gridCode", e.messageKey(), e.arguments()) : e)
				.filter(e -> !binding.hasFieldErrors(e.field())) // a field that could not be read says so once
				.toList();
			if (!errors.isEmpty()) {
				FormErrors.apply(new InvalidInputException(errors), binding);
			}
			return;
		}
		FormErrors.apply(ex, binding);
	}

	private String form(Actor actor, Point point, PointForm form, Model model) {
		model.addAttribute("point", point);
		model.addAttribute("types", criteria.pointTypes());
		model.addAttribute("jurisdictions", organisation.jurisdictionOptions(actor, false));
		model.addAttribute("units", organisation.unitOptions(actor).stream().filter(u -> u.active()).toList());
		model.addAttribute("people", form.getUnitId() == null ? List.of()
				: organisation.candidatePeople(actor, form.getUnitId(), form.getJurisdictionId(), form.getPersonId()));
		model.addAttribute("leaders", leaders(actor, form));
		return "points/form";
	}

	/** Leader choices: the current one and the area leader of the chosen node (from the responsibility map). */
	private List<org.chuangwen.organisation.Person> leaders(Actor actor, PointForm form) {
		List<org.chuangwen.organisation.Person> leaders = new java.util.ArrayList<>();
		if (form.getUnitId() != null) {
			leaders.addAll(organisation.candidatePeople(actor, form.getUnitId(), null, form.getLeaderPersonId()));
		}
		else if (form.getLeaderPersonId() != null) {
			organisation.person(form.getLeaderPersonId()).ifPresent(leaders::add);
		}
		return leaders;
	}
}

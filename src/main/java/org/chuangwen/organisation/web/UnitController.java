package org.chuangwen.organisation.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationDirectory.UnitSummary;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.OrganisationSpreadsheets;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Units: the list with search and filters, a unit's page, create and edit forms, "my unit", Excel import/export. */
@Controller
@RequestMapping("/organisation/units")
class UnitController {

	private final OrganisationDirectory directory;

	private final OrganisationManagement management;

	private final OrganisationSpreadsheets spreadsheets;

	private final AuditTrail audit;

	private final MessageSource messages;

	UnitController(OrganisationDirectory directory, OrganisationManagement management, OrganisationSpreadsheets spreadsheets,
			AuditTrail audit, MessageSource messages) {
		this.directory = directory;
		this.management = management;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UnitType type, @RequestParam(required = false) UUID jurisdictionId,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) Integer page, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		UnitFilter filter = new UnitFilter(q, type, jurisdictionId, active);
		model.addAttribute("page", directory.units(actor, filter, PageRequest.of(Math.max(0, page == null ? 0 : page), 30)));
		model.addAttribute("filter", filter);
		model.addAttribute("types", UnitType.values());
		model.addAttribute("jurisdictions", scope.isUnitBound() ? List.of() : directory.jurisdictionOptions(actor, false));
		model.addAttribute("canMaintain", scope.isMaintainer());
		return "organisation/units/list";
	}

	@GetMapping("/mine")
	String mine(@AuthenticationPrincipal Actor actor) {
		if (actor.unitId() == null) {
			throw new NotFoundException("unit", "mine");
		}
		return "redirect:/organisation/units/" + actor.unitId();
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer page,
			Model model) {
		UnitSummary unit = directory.unitSummaryFor(actor, id);
		OrganisationScope scope = directory.scopeOf(actor);
		String path = directory.jurisdiction(unit.unit().jurisdictionId()).orElseThrow().path();
		model.addAttribute("u", unit);
		model.addAttribute("people", directory.peopleOf(actor, id));
		model.addAttribute("commandPosts", directory.commandPostsOf(actor, id));
		model.addAttribute("responsibilities", directory.responsibilitiesOf(actor, id));
		model.addAttribute("subordinates", directory.subordinateUnits(actor, id, PageRequest.of(Math.max(0, page == null ? 0 : page), 50)));
		model.addAttribute("history", audit.historyOf("unit", id, 50));
		model.addAttribute("canEdit", scope.maintains(path));
		model.addAttribute("canEditPeople", scope.maintainsPeopleOf(id, path));
		return "organisation/units/show";
	}

	@GetMapping("/new")
	String createForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID jurisdictionId,
			@RequestParam(required = false) UUID parentId, Model model) {
		requireMaintainer(actor);
		UnitForm form = new UnitForm();
		form.setJurisdictionId(jurisdictionId);
		form.setParentId(parentId);
		model.addAttribute("unitForm", form);
		return form(actor, null, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("unitForm") UnitForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		requireMaintainer(actor);
		if (binding.hasErrors()) {
			return form(actor, null, model);
		}
		try {
			Unit unit = management.createUnit(actor, form.toNew());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/units/" + unit.id();
		}
		catch (InvalidInputException | org.chuangwen.shared.ConflictException | org.chuangwen.shared.RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		Unit unit = editable(actor, id);
		model.addAttribute("unitForm", UnitForm.of(unit));
		return form(actor, unit, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @ModelAttribute("unitForm") UnitForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Unit unit = editable(actor, id);
		if (binding.hasErrors()) {
			return form(actor, unit, model);
		}
		try {
			management.updateUnit(actor, id, form.toChange());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/units/" + id;
		}
		catch (InvalidInputException | org.chuangwen.shared.ConflictException | org.chuangwen.shared.RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, unit, model);
		}
	}

	@PostMapping("/{id}/active")
	String setActive(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam boolean active,
			@RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			management.setUnitActive(actor, id, active, version, reason);
			redirect.addFlashAttribute("notice", active ? "unit.reactivated" : "unit.deactivated");
		}
		catch (InvalidInputException ex) {
			InvalidInputException.FieldError error = ex.errors().get(0);
			redirect.addFlashAttribute("unitError", messages.getMessage(error.messageKey(), error.arguments().toArray(),
					error.messageKey(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		return "redirect:/organisation/units/" + id;
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UnitType type, @RequestParam(required = false) UUID jurisdictionId,
			@RequestParam(required = false) Boolean active) {
		return Spreadsheets.download("units.xlsx", spreadsheets.exportUnits(actor, new UnitFilter(q, type, jurisdictionId, active)));
	}

	@GetMapping("/import/template")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Actor actor) {
		directory.scopeOf(actor);
		return Spreadsheets.download("unit-import-template.xlsx", spreadsheets.unitTemplate());
	}

	@GetMapping("/import")
	String importPage(@AuthenticationPrincipal Actor actor, Model model) {
		requireMaintainer(actor);
		return importView(model);
	}

	@PostMapping("/import")
	String importUnits(@AuthenticationPrincipal Actor actor, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, HttpServletResponse response) throws IOException {
		requireMaintainer(actor);
		byte[] content = Uploads.read(file);
		ImportResultView.run(model, response, messages, () -> spreadsheets.importUnits(actor, content));
		return importView(model);
	}

	private static String importView(Model model) {
		model.addAttribute("kind", "units");
		model.addAttribute("titleKey", "unit.import.title");
		model.addAttribute("header", OrganisationSpreadsheets.UNIT_HEADER);
		return "organisation/import";
	}

	private String form(Actor actor, Unit unit, Model model) {
		model.addAttribute("unit", unit);
		model.addAttribute("types", UnitType.values());
		model.addAttribute("jurisdictions", directory.jurisdictionOptions(actor, true));
		model.addAttribute("parents", directory.unitOptions(actor).stream().filter(u -> unit == null || !u.id().equals(unit.id())).toList());
		model.addAttribute("people", unit == null ? List.of() : directory.peopleOf(actor, unit.id()));
		return "organisation/units/form";
	}

	private Unit editable(Actor actor, UUID id) {
		Unit unit = directory.unitFor(actor, id);
		if (!directory.scopeOf(actor).maintains(directory.jurisdiction(unit.jurisdictionId()).orElseThrow().path())) {
			throw new ForbiddenException();
		}
		return unit;
	}

	private void requireMaintainer(Actor actor) {
		if (!directory.scopeOf(actor).isMaintainer()) {
			throw new ForbiddenException();
		}
	}
}

package org.chuangwen.organisation.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.PersonFilter;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.OrganisationSpreadsheets;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
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

/** People: list and search, create and edit (office within its area, unit admin for its own unit), Excel import/export. */
@Controller
@RequestMapping("/organisation/people")
class PersonController {

	private final OrganisationDirectory directory;

	private final OrganisationManagement management;

	private final OrganisationSpreadsheets spreadsheets;

	private final AuditTrail audit;

	private final MessageSource messages;

	PersonController(OrganisationDirectory directory, OrganisationManagement management, OrganisationSpreadsheets spreadsheets,
			AuditTrail audit, MessageSource messages) {
		this.directory = directory;
		this.management = management;
		this.spreadsheets = spreadsheets;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID unitId, @RequestParam(required = false) Integer page, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		Unit unit = unitId == null ? null : directory.unitFor(actor, unitId);
		model.addAttribute("page", directory.people(actor, new PersonFilter(q, unitId), PageRequest.of(Math.max(0, page == null ? 0 : page), 30)));
		model.addAttribute("q", q);
		model.addAttribute("unit", unit);
		model.addAttribute("canMaintain", scope.isMaintainer());
		model.addAttribute("canCreate", scope.isMaintainer() || (scope.isUnitBound() && actor.has(org.chuangwen.organisation.Role.UNIT_ADMIN)));
		return "organisation/people/list";
	}

	@GetMapping("/new")
	String createForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID unitId, Model model) {
		PersonForm form = new PersonForm();
		form.setUnitId(unitId != null ? unitId : directory.scopeOf(actor).unitId());
		model.addAttribute("personForm", form);
		return form(actor, null, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("personForm") PersonForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(actor, null, model);
		}
		try {
			Person person = management.createPerson(actor, form.toNew());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/people/" + person.id();
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, null, model);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		Person person = directory.personFor(actor, id);
		model.addAttribute("personForm", PersonForm.of(person));
		return form(actor, person, model);
	}

	@PostMapping("/{id}")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @ModelAttribute("personForm") PersonForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Person person = directory.personFor(actor, id);
		if (binding.hasErrors()) {
			return form(actor, person, model);
		}
		try {
			management.updatePerson(actor, id, form.toChange());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/people/" + id;
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, person, model);
		}
	}

	/**
	 * The people of a unit as a {@code <select name=field>}, for pickers that choose a unit first and then a person:
	 * the unit's id comes in the request parameter named by {@code from} (htmx sends the unit select's own value).
	 */
	@GetMapping("/options")
	String options(@AuthenticationPrincipal Actor actor, @RequestParam String field, @RequestParam String from,
			@RequestParam(required = false) String jurisdictionId, @RequestParam java.util.Map<String, String> params,
			Model model) {
		String unit = params.get(from);
		UUID unitId = unit == null || unit.isBlank() ? null : org.chuangwen.shared.Ids.parse(unit, "unit");
		UUID nodeId = jurisdictionId == null || jurisdictionId.isBlank() ? null
				: org.chuangwen.shared.Ids.parse(jurisdictionId, "jurisdiction");
		model.addAttribute("people", directory.candidatePeople(actor, unitId, nodeId, null));
		model.addAttribute("name", field.replaceAll("[^A-Za-z]", ""));
		model.addAttribute("selected", null);
		model.addAttribute("label", messages.getMessage("person.choose", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "organisation/fields :: personSelect";
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID unitId) {
		return Spreadsheets.download("people.xlsx", spreadsheets.exportPeople(actor, new PersonFilter(q, unitId)));
	}

	@GetMapping("/import/template")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Actor actor) {
		directory.scopeOf(actor);
		return Spreadsheets.download("people-import-template.xlsx", spreadsheets.personTemplate());
	}

	@GetMapping("/import")
	String importPage(@AuthenticationPrincipal Actor actor, Model model) {
		requireMaintainer(actor);
		return importView(model);
	}

	@PostMapping("/import")
	String importPeople(@AuthenticationPrincipal Actor actor, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, HttpServletResponse response) throws IOException {
		requireMaintainer(actor);
		byte[] content = Uploads.read(file);
		ImportResultView.run(model, response, messages, () -> spreadsheets.importPeople(actor, content));
		return importView(model);
	}

	private static String importView(Model model) {
		model.addAttribute("kind", "people");
		model.addAttribute("titleKey", "person.import.title");
		model.addAttribute("header", OrganisationSpreadsheets.PERSON_HEADER);
		return "organisation/import";
	}

	private String form(Actor actor, Person person, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		model.addAttribute("person", person);
		model.addAttribute("units", directory.unitOptions(actor));
		model.addAttribute("jurisdictions", scope.isUnitBound() ? java.util.List.of() : directory.jurisdictionOptions(actor, true));
		boolean canEdit;
		if (person == null) {
			canEdit = scope.isMaintainer() || (scope.isUnitBound() && actor.has(org.chuangwen.organisation.Role.UNIT_ADMIN));
		}
		else {
			String path = person.unitId() != null
					? directory.unit(person.unitId()).flatMap(u -> directory.jurisdiction(u.jurisdictionId())).map(j -> j.path()).orElse(null)
					: directory.jurisdiction(person.jurisdictionId()).map(j -> j.path()).orElse(null);
			canEdit = scope.maintainsPeopleOf(person.unitId(), path);
			model.addAttribute("history", audit.historyOf("person", person.id(), 30));
		}
		if (person == null && !canEdit) {
			throw new ForbiddenException();
		}
		model.addAttribute("canEdit", canEdit);
		return "organisation/people/form";
	}

	private void requireMaintainer(Actor actor) {
		if (!directory.scopeOf(actor).isMaintainer()) {
			throw new ForbiddenException();
		}
	}
}

package org.chuangwen.organisation.web;

import java.util.List;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.FrontageDuty;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.ResponsibilityFilter;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Responsibility;
import org.chuangwen.organisation.ResponsibilityKind;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
import org.chuangwen.shared.web.FormErrors;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The responsibility map (网格化责任): list filtered by jurisdiction and kind, create, edit, remove. */
@Controller
@RequestMapping("/organisation/responsibilities")
class ResponsibilityController {

	private final OrganisationDirectory directory;

	private final OrganisationManagement management;

	private final AuditTrail audit;

	ResponsibilityController(OrganisationDirectory directory, OrganisationManagement management, AuditTrail audit) {
		this.directory = directory;
		this.management = management;
		this.audit = audit;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) ResponsibilityKind kind, @RequestParam(required = false) UUID jurisdictionId,
			@RequestParam(required = false) Integer page, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		ResponsibilityFilter filter = new ResponsibilityFilter(q, kind, jurisdictionId);
		model.addAttribute("page", directory.responsibilities(actor, filter, PageRequest.of(Math.max(0, page == null ? 0 : page), 30)));
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", ResponsibilityKind.values());
		model.addAttribute("jurisdictions", scope.isUnitBound() ? List.of() : directory.jurisdictionOptions(actor, false));
		model.addAttribute("canMaintain", scope.isMaintainer());
		return "organisation/responsibilities/list";
	}

	@GetMapping("/new")
	String createForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) UUID jurisdictionId,
			@RequestParam(required = false) ResponsibilityKind kind, Model model) {
		requireMaintainer(actor);
		ResponsibilityForm form = new ResponsibilityForm();
		form.setJurisdictionId(jurisdictionId);
		if (kind != null) {
			form.setKind(kind);
		}
		model.addAttribute("responsibilityForm", form);
		return form(actor, null, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("responsibilityForm") ResponsibilityForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		requireMaintainer(actor);
		if (binding.hasErrors()) {
			return form(actor, null, model);
		}
		try {
			Responsibility created = management.createResponsibility(actor, form.toNew());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/responsibilities/" + created.id();
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, null, model);
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		Responsibility r = directory.responsibilityFor(actor, id);
		model.addAttribute("responsibilityForm", ResponsibilityForm.of(r, unitOf(r.areaLeaderId()), unitOf(r.doorPersonId())));
		return form(actor, r, model);
	}

	@PostMapping("/{id}")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@ModelAttribute("responsibilityForm") ResponsibilityForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Responsibility r = directory.responsibilityFor(actor, id);
		if (binding.hasErrors()) {
			return form(actor, r, model);
		}
		try {
			management.updateResponsibility(actor, id, form.toChange());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/responsibilities/" + id;
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, r, model);
		}
	}

	@PostMapping("/{id}/remove")
	String remove(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Responsibility r = directory.responsibilityFor(actor, id);
		management.removeResponsibility(actor, id, version, reason);
		redirect.addFlashAttribute("notice", "responsibility.removed");
		return "redirect:/organisation/responsibilities?jurisdictionId=" + r.jurisdictionId();
	}

	private String form(Actor actor, Responsibility r, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		ResponsibilityForm form = (ResponsibilityForm) model.getAttribute("responsibilityForm");
		model.addAttribute("responsibility", r);
		model.addAttribute("kinds", ResponsibilityKind.values());
		model.addAttribute("duties", FrontageDuty.values());
		model.addAttribute("units", directory.unitOptions(actor));
		model.addAttribute("jurisdictions", directory.jurisdictionOptions(actor, true));
		model.addAttribute("areaLeaders", form == null ? List.of()
				: directory.candidatePeople(actor, form.getAreaLeaderUnitId(), null, form.getAreaLeaderId()));
		model.addAttribute("doorPersons", form == null ? List.of()
				: directory.candidatePeople(actor, form.getDoorPersonUnitId(), form.getJurisdictionId(), form.getDoorPersonId()));
		boolean canEdit = r == null ? scope.isMaintainer()
				: scope.maintains(directory.jurisdiction(r.jurisdictionId()).orElseThrow().path());
		model.addAttribute("canEdit", canEdit);
		if (r != null) {
			model.addAttribute("history", audit.historyOf("responsibility", r.id(), 30));
		}
		return "organisation/responsibilities/form";
	}

	private UUID unitOf(UUID personId) {
		return personId == null ? null : directory.person(personId).map(Person::unitId).orElse(null);
	}

	private void requireMaintainer(Actor actor) {
		if (!directory.scopeOf(actor).isMaintainer()) {
			throw new ForbiddenException();
		}
	}
}

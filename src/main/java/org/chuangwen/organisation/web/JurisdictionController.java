package org.chuangwen.organisation.web;

import java.util.List;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.JurisdictionLevel;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationManagement.JurisdictionChange;
import org.chuangwen.organisation.OrganisationManagement.NewJurisdiction;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.ResponsibilityMap;
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

/** The jurisdiction tree (lazy expansion with htmx, search), a node's page, create, edit and move. */
@Controller
@RequestMapping("/organisation/jurisdictions")
class JurisdictionController {

	private final OrganisationDirectory directory;

	private final OrganisationManagement management;

	private final ResponsibilityMap responsibilityMap;

	private final AuditTrail audit;

	JurisdictionController(OrganisationDirectory directory, OrganisationManagement management,
			ResponsibilityMap responsibilityMap, AuditTrail audit) {
		this.directory = directory;
		this.management = management;
		this.responsibilityMap = responsibilityMap;
		this.audit = audit;
	}

	@GetMapping
	String tree(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) JurisdictionLevel level, @RequestParam(required = false) Integer page, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		model.addAttribute("q", q);
		model.addAttribute("level", level);
		model.addAttribute("levels", JurisdictionLevel.values());
		model.addAttribute("canMaintain", scope.isMaintainer());
		if ((q != null && !q.isBlank()) || level != null) {
			model.addAttribute("page", directory.searchJurisdictions(actor, q, level, PageRequest.of(Math.max(0, page == null ? 0 : page), 50)));
		}
		else {
			model.addAttribute("nodes", directory.jurisdictionChildren(actor, null));
		}
		return "organisation/jurisdictions/tree";
	}

	/** The children of a node, for the tree's lazy expansion (an htmx fragment). */
	@GetMapping("/{id}/children")
	String children(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		model.addAttribute("nodes", directory.jurisdictionChildren(actor, id));
		return "organisation/jurisdictions/tree :: nodes";
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		Jurisdiction node = directory.jurisdictionFor(actor, id);
		model.addAttribute("jurisdictionForm", JurisdictionForm.of(node));
		model.addAttribute("moveForm", JurisdictionForm.of(node));
		return detail(actor, node, model);
	}

	@PostMapping("/{id}")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@ModelAttribute("jurisdictionForm") JurisdictionForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Jurisdiction node = directory.jurisdictionFor(actor, id);
		model.addAttribute("moveForm", JurisdictionForm.of(node));
		if (binding.hasErrors()) {
			return detail(actor, node, model);
		}
		try {
			management.updateJurisdiction(actor, id,
					new JurisdictionChange(form.getCode(), form.getName(), form.getSortOrder(), form.getVersion()));
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/jurisdictions/" + id;
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return detail(actor, node, model);
		}
	}

	@PostMapping("/{id}/move")
	String move(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @ModelAttribute("moveForm") JurisdictionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Jurisdiction node = directory.jurisdictionFor(actor, id);
		model.addAttribute("jurisdictionForm", JurisdictionForm.of(node));
		if (binding.hasErrors()) {
			return detail(actor, node, model);
		}
		try {
			management.moveJurisdiction(actor, id, form.getParentId(), form.getVersion());
			redirect.addFlashAttribute("notice", "jurisdiction.moved");
			return "redirect:/organisation/jurisdictions/" + id;
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return detail(actor, node, model);
		}
	}

	@GetMapping("/new")
	String createForm(@AuthenticationPrincipal Actor actor, @RequestParam UUID parentId, Model model) {
		Jurisdiction parent = directory.jurisdictionFor(actor, parentId);
		requireMaintains(actor, parent);
		JurisdictionForm form = new JurisdictionForm();
		form.setParentId(parentId);
		form.setLevel(parent.level().childLevel().orElse(null));
		model.addAttribute("jurisdictionForm", form);
		model.addAttribute("parent", parent);
		return "organisation/jurisdictions/form";
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("jurisdictionForm") JurisdictionForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Jurisdiction parent = directory.jurisdictionFor(actor, form.getParentId());
		requireMaintains(actor, parent);
		model.addAttribute("parent", parent);
		if (binding.hasErrors()) {
			return "organisation/jurisdictions/form";
		}
		try {
			Jurisdiction created = management.createJurisdiction(actor, new NewJurisdiction(form.getParentId(),
					parent.level().childLevel().orElse(null), form.getCode(), form.getName(), form.getSortOrder()));
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/jurisdictions/" + created.id();
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return "organisation/jurisdictions/form";
		}
	}

	private String detail(Actor actor, Jurisdiction node, Model model) {
		OrganisationScope scope = directory.scopeOf(actor);
		model.addAttribute("node", node);
		model.addAttribute("lineage", directory.lineageFor(actor, node));
		model.addAttribute("children", directory.jurisdictionChildren(actor, node.id()));
		model.addAttribute("units", scope.isUnitBound() ? null
				: directory.units(actor, new UnitFilter(null, null, node.id(), null), PageRequest.of(0, 20)));
		model.addAttribute("responsibilities", directory.responsibilitiesOn(actor, node.id()));
		model.addAttribute("responsibleUnit",
				responsibilityMap.responsibleUnitFor(node.id()).flatMap(directory::unit).orElse(null));
		model.addAttribute("history", audit.historyOf("jurisdiction", node.id(), 30));
		boolean canEdit = scope.maintains(node.path());
		model.addAttribute("canEdit", canEdit);
		List<Jurisdiction> parents = !canEdit || node.parentId() == null ? List.of()
				: directory.jurisdictionOptions(actor, false)
					.stream()
					.filter(j -> j.level().mayHaveChild(node.level()))
					.toList();
		model.addAttribute("parents", parents);
		return "organisation/jurisdictions/show";
	}

	private void requireMaintains(Actor actor, Jurisdiction node) {
		if (!directory.scopeOf(actor).maintains(node.path())) {
			throw new ForbiddenException();
		}
	}
}

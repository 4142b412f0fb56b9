package org.chuangwen.organisation.web;

import java.util.List;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.CommandPost;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationManagement;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Unit;
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

/** Command posts (专项整治指挥部): list, a post's page with its members, create and edit, add and remove members. */
@Controller
@RequestMapping("/organisation/command-posts")
class CommandPostController {

	private final OrganisationDirectory directory;

	private final OrganisationManagement management;

	private final AuditTrail audit;

	CommandPostController(OrganisationDirectory directory, OrganisationManagement management, AuditTrail audit) {
		this.directory = directory;
		this.management = management;
		this.audit = audit;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("page", directory.commandPosts(actor, q, PageRequest.of(Math.max(0, page == null ? 0 : page), 30)));
		model.addAttribute("q", q);
		model.addAttribute("canMaintain", directory.scopeOf(actor).isMaintainer());
		return "organisation/command-posts/list";
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		CommandPost post = directory.commandPostFor(actor, id);
		OrganisationScope scope = directory.scopeOf(actor);
		model.addAttribute("post", post);
		model.addAttribute("jurisdiction", directory.jurisdiction(post.jurisdictionId()).orElseThrow());
		model.addAttribute("commander", post.commanderId() == null ? null : directory.person(post.commanderId()).orElse(null));
		model.addAttribute("members", post.memberUnitIds().stream().map(directory::unit).flatMap(java.util.Optional::stream).toList());
		boolean canEdit = scope.maintains(directory.jurisdiction(post.jurisdictionId()).orElseThrow().path());
		model.addAttribute("canEdit", canEdit);
		model.addAttribute("candidates", canEdit
				? directory.unitOptions(actor).stream().filter(u -> !post.memberUnitIds().contains(u.id())).toList() : List.of());
		model.addAttribute("history", audit.historyOf("commandPost", id, 30));
		return "organisation/command-posts/show";
	}

	@GetMapping("/new")
	String createForm(@AuthenticationPrincipal Actor actor, Model model) {
		requireMaintainer(actor);
		model.addAttribute("commandPostForm", new CommandPostForm());
		return form(actor, null, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("commandPostForm") CommandPostForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		requireMaintainer(actor);
		if (binding.hasErrors()) {
			return form(actor, null, model);
		}
		try {
			CommandPost post = management.createCommandPost(actor, form.toNew());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/command-posts/" + post.id();
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, Model model) {
		CommandPost post = editable(actor, id);
		UUID commanderUnit = post.commanderId() == null ? null : directory.person(post.commanderId()).map(Person::unitId).orElse(null);
		model.addAttribute("commandPostForm", CommandPostForm.of(post, commanderUnit));
		return form(actor, post, model);
	}

	@PostMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@ModelAttribute("commandPostForm") CommandPostForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		CommandPost post = editable(actor, id);
		if (binding.hasErrors()) {
			return form(actor, post, model);
		}
		try {
			management.updateCommandPost(actor, id, form.toChange());
			redirect.addFlashAttribute("notice", "organisation.saved");
			return "redirect:/organisation/command-posts/" + id;
		}
		catch (InvalidInputException | ConflictException | RuleViolationException ex) {
			FormErrors.apply(ex, binding);
			return form(actor, post, model);
		}
	}

	@PostMapping("/{id}/members")
	String addMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) UUID unitId, RedirectAttributes redirect) {
		try {
			management.addCommandPostMember(actor, id, unitId);
			redirect.addFlashAttribute("notice", "commandPost.member.added");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("memberError", ex.errors().get(0).messageKey());
		}
		return "redirect:/organisation/command-posts/" + id;
	}

	@PostMapping("/{id}/members/{unitId}/remove")
	String removeMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID unitId,
			RedirectAttributes redirect) {
		try {
			management.removeCommandPostMember(actor, id, unitId);
			redirect.addFlashAttribute("notice", "commandPost.member.removed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("memberError", ex.errors().get(0).messageKey());
		}
		return "redirect:/organisation/command-posts/" + id;
	}

	private String form(Actor actor, CommandPost post, Model model) {
		List<Unit> units = directory.unitOptions(actor);
		CommandPostForm form = (CommandPostForm) model.getAttribute("commandPostForm");
		model.addAttribute("post", post);
		model.addAttribute("units", units);
		model.addAttribute("jurisdictions", directory.jurisdictionOptions(actor, false));
		model.addAttribute("commanders", form == null ? List.of()
				: directory.candidatePeople(actor, form.getCommanderUnitId(), null, form.getCommanderId()));
		return "organisation/command-posts/form";
	}

	private CommandPost editable(Actor actor, UUID id) {
		CommandPost post = directory.commandPostFor(actor, id);
		if (!directory.scopeOf(actor).maintains(directory.jurisdiction(post.jurisdictionId()).orElseThrow().path())) {
			throw new ForbiddenException();
		}
		return post;
	}

	private void requireMaintainer(Actor actor) {
		if (!directory.scopeOf(actor).isMaintainer()) {
			throw new ForbiddenException();
		}
	}
}

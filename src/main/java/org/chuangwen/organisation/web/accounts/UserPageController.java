package org.chuangwen.organisation.web.accounts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.organisation.UserAccounts.Choice;
import org.chuangwen.organisation.UserAccounts.NewUser;
import org.chuangwen.organisation.UserAccounts.ProfileChange;
import org.chuangwen.organisation.UserAccounts.RoleChange;
import org.chuangwen.organisation.UserProfile;
import org.chuangwen.organisation.UserQuery;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
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

/**
 * The user administration pages: list with search and filters, create, edit, roles, enable/disable, reset password,
 * unlock, and each account's history. Who may do what is decided by {@link UserAccounts}; the pages only offer what
 * it permits.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'OFFICE_ADMIN')")
class UserPageController {

	/** The create and edit form. */
	public static class UserForm {

		private String username;

		private String displayName;

		private String password;

		private boolean generatePassword = true;

		private List<Role> roles = new ArrayList<>();

		private UUID unitId;

		private UUID jurisdictionId;

		private int version;

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public boolean isGeneratePassword() {
			return generatePassword;
		}

		public void setGeneratePassword(boolean generatePassword) {
			this.generatePassword = generatePassword;
		}

		public List<Role> getRoles() {
			return roles;
		}

		public void setRoles(List<Role> roles) {
			this.roles = roles == null ? new ArrayList<>() : roles;
		}

		public UUID getUnitId() {
			return unitId;
		}

		public void setUnitId(UUID unitId) {
			this.unitId = unitId;
		}

		public UUID getJurisdictionId() {
			return jurisdictionId;
		}

		public void setJurisdictionId(UUID jurisdictionId) {
			this.jurisdictionId = jurisdictionId;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

		Set<Role> roleSet() {
			return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		}
	}

	private final UserAccounts accounts;

	private final Clock clock;

	UserPageController(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) Role role, @RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("page", accounts.search(actor, new UserQuery(q, role, unitId, null), PageRequest.of(page, 30)));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("unitId", unitId);
		model.addAttribute("roles", Role.values());
		model.addAttribute("unitChoices", choicesWith(accounts.unitChoices(actor, null), accounts.unitChoice(unitId)));
		model.addAttribute("mayCreate", accounts.mayCreate(actor));
		model.addAttribute("now", clock.instant());
		return "organisation/accounts/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String createForm(@AuthenticationPrincipal Actor actor, Model model) {
		UserForm form = new UserForm();
		if (actor.isOfficeAdmin() && actor.jurisdictionId() != null) {
			form.setJurisdictionId(actor.jurisdictionId());
		}
		return showCreateForm(actor, form, model);
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String create(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		if (!result.hasErrors()) {
			String password = form.isGeneratePassword() ? accounts.generatePassword(form.getUsername()) : form.getPassword();
			try {
				UUID id = accounts.create(actor, new NewUser(form.getUsername(), form.getDisplayName(), password,
						form.roleSet(), form.getUnitId(), form.getJurisdictionId(), null));
				// shown once, in this answer only: never stored in the session or put into a URL
				model.addAttribute("user", accounts.profile(actor, id));
				model.addAttribute("temporaryPassword", form.isGeneratePassword() ? password : null);
				model.addAttribute("noticeKey", "user.created");
				return "organisation/accounts/issued";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, result);
			}
		}
		response.setStatus(400);
		form.setPassword(null);
		return showCreateForm(actor, form, model);
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		UUID userId = Ids.parse(id, "user");
		UserProfile user = accounts.profile(actor, userId);
		model.addAttribute("user", user);
		model.addAttribute("permissions", accounts.permissions(actor, userId));
		model.addAttribute("history", accounts.history(actor, userId));
		model.addAttribute("policy", accounts.passwordPolicy());
		model.addAttribute("now", clock.instant());
		model.addAttribute("allRoles", Role.values());
		return "organisation/accounts/detail";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String editForm(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		UserProfile user = accounts.profile(actor, Ids.parse(id, "user"));
		UserForm form = new UserForm();
		form.setUsername(user.username());
		form.setDisplayName(user.displayName());
		form.setUnitId(user.unitId());
		form.setJurisdictionId(user.jurisdictionId());
		form.setVersion(user.version());
		return showEditForm(actor, user, form, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String update(@AuthenticationPrincipal Actor actor, @PathVariable String id, @ModelAttribute("form") UserForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		UUID userId = Ids.parse(id, "user");
		UserProfile user = accounts.profile(actor, userId);
		if (!result.hasErrors()) {
			try {
				accounts.updateProfile(actor, new ProfileChange(userId, form.getVersion(), form.getDisplayName(),
						form.getUnitId(), form.getJurisdictionId()));
				redirect.addFlashAttribute("notice", "user.saved");
				return "redirect:/admin/users/" + userId;
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		response.setStatus(400);
		return showEditForm(actor, user, form, model);
	}

	@PostMapping("/{id}/roles")
	@PreAuthorize("hasAnyRole('SECURITY_ADMIN', 'OFFICE_ADMIN')")
	String roles(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(name = "roles", required = false) List<Role> roles, @RequestParam int version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		UUID userId = Ids.parse(id, "user");
		Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		try {
			accounts.changeRoles(actor, new RoleChange(userId, version, chosen));
			redirect.addFlashAttribute("notice", "user.rolesSaved");
			return "redirect:/admin/users/" + userId;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("roleErrors", ex.errors());
			model.addAttribute("chosenRoles", chosen);
			return detail(actor, id, model);
		}
	}

	@PostMapping("/{id}/enable")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String enable(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam int version,
			RedirectAttributes redirect) {
		UUID userId = Ids.parse(id, "user");
		accounts.setEnabled(actor, userId, version, true);
		redirect.addFlashAttribute("notice", "user.enabledNotice");
		return "redirect:/admin/users/" + userId;
	}

	@PostMapping("/{id}/disable")
	@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OFFICE_ADMIN')")
	String disable(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam int version,
			RedirectAttributes redirect) {
		UUID userId = Ids.parse(id, "user");
		accounts.setEnabled(actor, userId, version, false);
		redirect.addFlashAttribute("notice", "user.disabledNotice");
		return "redirect:/admin/users/" + userId;
	}

	@PostMapping("/{id}/reset-password")
	@PreAuthorize("hasRole('SECURITY_ADMIN')")
	String resetPassword(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam int version,
			Model model) {
		UUID userId = Ids.parse(id, "user");
		String password = accounts.resetPassword(actor, userId, version);
		// shown once, in this answer only: never stored in the session or put into a URL
		model.addAttribute("user", accounts.profile(actor, userId));
		model.addAttribute("temporaryPassword", password);
		model.addAttribute("noticeKey", "user.passwordReset");
		return "organisation/accounts/issued";
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize("hasRole('SECURITY_ADMIN')")
	String unlock(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam int version,
			RedirectAttributes redirect) {
		UUID userId = Ids.parse(id, "user");
		accounts.unlock(actor, userId, version);
		redirect.addFlashAttribute("notice", "user.unlockedNotice");
		return "redirect:/admin/users/" + userId;
	}

	/** The options of the searchable unit select (htmx): matches of {@code q}, keeping the current selection. */
	@GetMapping("/choices/units")
	String unitChoices(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID unitId, Model model) {
		model.addAttribute("choices", choicesWith(accounts.unitChoices(actor, q), accounts.unitChoice(unitId)));
		model.addAttribute("selected", unitId);
		model.addAttribute("emptyKey", "user.unit.none");
		return "organisation/accounts/choices :: options";
	}

	/** The options of the searchable jurisdiction select (htmx). */
	@GetMapping("/choices/jurisdictions")
	String jurisdictionChoices(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID jurisdictionId, Model model) {
		model.addAttribute("choices",
				choicesWith(accounts.jurisdictionChoices(actor, q), accounts.jurisdictionChoice(jurisdictionId)));
		model.addAttribute("selected", jurisdictionId);
		model.addAttribute("emptyKey", "user.jurisdiction.none");
		return "organisation/accounts/choices :: options";
	}

	private String showCreateForm(Actor actor, UserForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("editing", false);
		model.addAttribute("grantableRoles", accounts.grantableRoles(actor));
		model.addAttribute("rolesOptional", actor.has(Role.SYSTEM_ADMIN));
		addChoices(actor, form, model);
		model.addAttribute("policy", accounts.passwordPolicy());
		return "organisation/accounts/form";
	}

	private String showEditForm(Actor actor, UserProfile user, UserForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("user", user);
		model.addAttribute("editing", true);
		addChoices(actor, form, model);
		return "organisation/accounts/form";
	}

	private void addChoices(Actor actor, UserForm form, Model model) {
		model.addAttribute("unitChoices", choicesWith(accounts.unitChoices(actor, null), accounts.unitChoice(form.getUnitId())));
		model.addAttribute("jurisdictionChoices",
				choicesWith(accounts.jurisdictionChoices(actor, null), accounts.jurisdictionChoice(form.getJurisdictionId())));
	}

	/** The matches, with the current selection first if the matches do not contain it. */
	private static List<Choice> choicesWith(List<Choice> matches, java.util.Optional<Choice> selected) {
		if (selected.isEmpty() || matches.stream().anyMatch(c -> c.id().equals(selected.get().id()))) {
			return matches;
		}
		List<Choice> all = new ArrayList<>();
		all.add(selected.get());
		all.addAll(matches);
		return all;
	}
}

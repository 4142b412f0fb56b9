package org.chuangwen.organisation.web.accounts;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.PasswordPolicy;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security administrator's page: password complexity, expiry and lock-out; the idle timeout for information. */
@Controller
@RequestMapping("/admin/password-policy")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class PasswordPolicyPageController {

	/** The policy form. */
	public static class PolicyForm {

		private Integer minLength;

		private Integer minCharacterClasses;

		private Integer maxAgeDays;

		private Integer maxFailedAttempts;

		private Integer lockoutMinutes;

		private int version;

		static PolicyForm of(PasswordPolicy policy) {
			PolicyForm form = new PolicyForm();
			form.minLength = policy.minLength();
			form.minCharacterClasses = policy.minCharacterClasses();
			form.maxAgeDays = policy.maxAgeDays();
			form.maxFailedAttempts = policy.maxFailedAttempts();
			form.lockoutMinutes = policy.lockoutMinutes();
			form.version = policy.version();
			return form;
		}

		/** A missing number becomes -1, which every range refuses with a message next to its field. */
		PasswordPolicy toPolicy() {
			return new PasswordPolicy(orInvalid(minLength), orInvalid(minCharacterClasses), orInvalid(maxAgeDays),
					orInvalid(maxFailedAttempts), orInvalid(lockoutMinutes), version);
		}

		private static int orInvalid(Integer value) {
			return value == null ? -1 : value;
		}

		public Integer getMinLength() {
			return minLength;
		}

		public void setMinLength(Integer minLength) {
			this.minLength = minLength;
		}

		public Integer getMinCharacterClasses() {
			return minCharacterClasses;
		}

		public void setMinCharacterClasses(Integer minCharacterClasses) {
			this.minCharacterClasses = minCharacterClasses;
		}

		public Integer getMaxAgeDays() {
			return maxAgeDays;
		}

		public void setMaxAgeDays(Integer maxAgeDays) {
			this.maxAgeDays = maxAgeDays;
		}

		public Integer getMaxFailedAttempts() {
			return maxFailedAttempts;
		}

		public void setMaxFailedAttempts(Integer maxFailedAttempts) {
			this.maxFailedAttempts = maxFailedAttempts;
		}

		public Integer getLockoutMinutes() {
			return lockoutMinutes;
		}

		public void setLockoutMinutes(Integer lockoutMinutes) {
			this.lockoutMinutes = lockoutMinutes;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}
	}

	private final UserAccounts accounts;

	private final Duration idleTimeout;

	PasswordPolicyPageController(UserAccounts accounts,
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
		this.accounts = accounts;
		this.idleTimeout = idleTimeout;
	}

	@GetMapping
	String show(Model model) {
		return page(PolicyForm.of(accounts.passwordPolicy()), model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") PolicyForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				accounts.updatePasswordPolicy(actor, form.toPolicy());
				redirect.addFlashAttribute("notice", "policy.saved");
				return "redirect:/admin/password-policy";
			}
			catch (InvalidInputException | ConflictException ex) {
				FormErrors.apply(ex, result);
			}
		}
		response.setStatus(400);
		return page(form, model);
	}

	private String page(PolicyForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("idleMinutes", idleTimeout.toMinutes());
		model.addAttribute("history", accounts.passwordPolicyHistory());
		return "organisation/accounts/policy";
	}
}

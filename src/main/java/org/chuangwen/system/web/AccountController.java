package org.chuangwen.system.web;

import jakarta.servlet.http.HttpSession;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: changing the password (required on first sign-in and when it expires). */
@Controller
class AccountController {

	/** The password form. */
	public static class PasswordForm {

		private String currentPassword;

		private String newPassword;

		private String confirmPassword;

		public String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getNewPassword() {
			return newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

		public String getConfirmPassword() {
			return confirmPassword;
		}

		public void setConfirmPassword(String confirmPassword) {
			this.confirmPassword = confirmPassword;
		}
	}

	private final UserAccounts accounts;

	AccountController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	String form(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("form", new PasswordForm());
		model.addAttribute("policy", accounts.passwordPolicy());
		model.addAttribute("required", accounts.mustChangePassword(actor.userId()));
		return "system/password";
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal Actor actor, @ModelAttribute("form") PasswordForm form, BindingResult result,
			Model model, HttpSession session, RedirectAttributes redirect) {
		if (form.getNewPassword() == null || !form.getNewPassword().equals(form.getConfirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				accounts.changeOwnPassword(actor.userId(), form.getCurrentPassword(), form.getNewPassword());
				session.setAttribute("chuangwen.passwordChecked", Boolean.TRUE);
				redirect.addFlashAttribute("notice", "password.changed");
				return "redirect:/";
			}
			catch (InvalidInputException ex) {
				FormErrors.apply(ex, result);
			}
		}
		model.addAttribute("policy", accounts.passwordPolicy());
		model.addAttribute("required", accounts.mustChangePassword(actor.userId()));
		return "system/password";
	}
}

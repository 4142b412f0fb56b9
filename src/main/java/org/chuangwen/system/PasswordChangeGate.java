package org.chuangwen.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a signed-in user whose password must be changed (first sign-in, reset by an administrator, or older than
 * the policy allows) to the password page before anything else. Checked once per session.
 */
@Component
class PasswordChangeGate extends OncePerRequestFilter {

	static final String CHECKED = "chuangwen.passwordChecked";

	static final String PAGE = "/account/password";

	private final UserAccounts accounts;

	PasswordChangeGate(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (auth != null && auth.getPrincipal() instanceof Actor actor && !isExempt(path)) {
			HttpSession session = request.getSession();
			if (session.getAttribute(CHECKED) == null) {
				if (accounts.mustChangePassword(actor.userId())) {
					response.sendRedirect(request.getContextPath() + PAGE);
					return;
				}
				session.setAttribute(CHECKED, Boolean.TRUE);
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean isExempt(String path) {
		return path.equals(PAGE) || path.equals("/logout") || path.startsWith("/webjars/") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/error") || path.equals("/login");
	}
}

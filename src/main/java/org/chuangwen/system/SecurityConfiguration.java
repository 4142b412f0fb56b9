package org.chuangwen.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains: the JSON API (bearer tokens, stateless, problem-details errors) and the pages (form login with
 * lock-out, CSRF, sessions kept in the database, idle timeout).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(10);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearerTokenFilter, LoginThrottle throttle,
			MessageSource messages, LocaleResolver locales) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/token").permitAll().anyRequest().authenticated())
			.addFilterBefore(bearerTokenFilter, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(throttle, BearerTokenFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
						message(messages, "error.unauthorized.title", locales.resolveLocale(request)),
						message(messages, "error.unauthorized", locales.resolveLocale(request))))
				.accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
						message(messages, "error.forbidden.title", locales.resolveLocale(request)),
						message(messages, "error.forbidden", locales.resolveLocale(request)))));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, ActorAuthenticationProvider provider, LoginThrottle throttle,
			PasswordChangeGate passwordChangeGate) throws Exception {
		// only this provider: a refused sign-in must not be retried by a global manager (it would count twice)
		http.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/public", "/public/**")
				.permitAll()
				.requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
						"/favicon.ico", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> {
					String reason = ex instanceof LockedException ? "locked"
							: ex instanceof DisabledException ? "disabled" : "bad";
					response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
				})
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(passwordChangeGate, UsernamePasswordAuthenticationFilter.class)
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.sameOrigin()));
		return http.build();
	}

	static void problem(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status.value()
				+ ",\"detail\":" + quote(detail) + "}");
	}

	static String message(MessageSource messages, String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}
}

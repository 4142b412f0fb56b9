package org.chuangwen.system.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.system.ThrottledException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * 429 for a request the {@link org.chuangwen.system.RequestThrottle} refused, with {@code Retry-After}: the JSON API
 * answers problem details, pages a clear message in the user's language ("请求过于频繁，请 N 秒后再试"). Modules with
 * their own error shape (Open311) handle {@link ThrottledException} in their own advice first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(-10)
class ThrottleErrors {

	private final MessageSource messages;

	ThrottleErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ThrottledException.class)
	Object throttled(ThrottledException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		String retry = Long.toString(ex.retryAfterSeconds());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String detail = messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale());
		if (path.startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
			problem.setTitle(messages.getMessage("error.throttled.title", null, LocaleContextHolder.getLocale()));
			problem.setInstance(URI.create(request.getRequestURI()));
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", retry)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		response.setHeader("Retry-After", retry);
		ModelAndView page = new ModelAndView("error/domain", HttpStatus.TOO_MANY_REQUESTS);
		page.addObject("status", 429);
		page.addObject("messageKey", ex.messageKey());
		page.addObject("messageArgs", ex.arguments());
		return page;
	}
}

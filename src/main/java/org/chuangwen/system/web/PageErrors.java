package org.chuangwen.system.web;

import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors on pages that a controller did not turn into a form message: a clear page in the user's language with the
 * right status, and a way back.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(10)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException ex, Model model, HttpServletResponse response) {
		return page(404, ex, model, response);
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	String forbidden(Exception ex, Model model, HttpServletResponse response) {
		return page(403, ex instanceof DomainException domain ? domain : new ForbiddenException(), model, response);
	}

	@ExceptionHandler(ConflictException.class)
	String conflict(ConflictException ex, Model model, HttpServletResponse response) {
		return page(409, ex, model, response);
	}

	/** A refusal a controller did not show on its form (e.g. a link with a bad parameter). */
	@ExceptionHandler(InvalidInputException.class)
	String invalid(InvalidInputException ex, Model model, HttpServletResponse response) {
		InvalidInputException.FieldError first = ex.errors().get(0);
		response.setStatus(400);
		model.addAttribute("status", 400);
		model.addAttribute("messageKey", first.messageKey());
		model.addAttribute("messageArgs", first.arguments().toArray());
		return "error/domain";
	}

	@ExceptionHandler(RuleViolationException.class)
	String rule(RuleViolationException ex, Model model, HttpServletResponse response) {
		return page(422, ex, model, response);
	}

	private static String page(int status, DomainException ex, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("messageArgs", ex.arguments());
		return "error/domain";
	}
}

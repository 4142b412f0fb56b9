package org.chuangwen.organisation.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.organisation.ImportFileTooLargeException;
import org.chuangwen.organisation.ImportProblem;
import org.chuangwen.organisation.ImportRejectedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Import refusals as problem details, for every API that imports a sheet with organisation's import types
 * (units, people, the task breakdown table): bad rows (422, {@code errors} lists every row with {@code row},
 * {@code field} and {@code message}) and an oversized import file (413). Everything else goes to the shared
 * {@code ApiErrors}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganisationApiErrors {

	private final MessageSource messages;

	OrganisationApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ImportRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(ImportRejectedException ex, HttpServletRequest request) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (ImportProblem problem : ex.problems()) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("row", problem.row());
			if (problem.field() != null) {
				error.put("field", problem.field());
			}
			error.put("message", message(problem.messageKey(), problem.arguments().toArray()));
			errors.add(error);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				message(ex.messageKey(), ex.arguments()));
		problem.setTitle(message("error.rule.title"));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(ImportFileTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(ImportFileTooLargeException ex, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				message(ex.messageKey(), ex.arguments()));
		problem.setTitle(message("error.tooLarge.title"));
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}

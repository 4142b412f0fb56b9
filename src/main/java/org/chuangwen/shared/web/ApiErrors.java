package org.chuangwen.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the JSON API as RFC 9457 problem details, in the caller's language: 400 malformed or invalid
 * fields (with {@code errors}), 403, 404, 409, 413, 422. Applies to {@code @RestController}s only; pages have their
 * own error handling.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ApiErrors {

	private final MessageSource messages;

	public ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException ex, HttpServletRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (InvalidInputException.FieldError error : ex.errors()) {
			errors.add(Map.of("field", error.field(), "message", message(error.messageKey(), error.arguments().toArray())));
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalidInput", message("error.invalidInput"), request);
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) {
		return respond(problem(HttpStatus.NOT_FOUND, "error.notFound.title", message(ex), request));
	}

	@ExceptionHandler(ConflictException.class)
	ResponseEntity<ProblemDetail> conflict(ConflictException ex, HttpServletRequest request) {
		return respond(problem(HttpStatus.CONFLICT, "error.conflict.title", message(ex), request));
	}

	@ExceptionHandler(RuleViolationException.class)
	ResponseEntity<ProblemDetail> rule(RuleViolationException ex, HttpServletRequest request) {
		return respond(problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.rule.title", message(ex), request));
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ResponseEntity<ProblemDetail> forbidden(Exception ex, HttpServletRequest request) {
		String detail = ex instanceof DomainException domain ? message(domain) : message("error.forbidden");
		return respond(problem(HttpStatus.FORBIDDEN, "error.forbidden.title", detail, request));
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> bind(BindException ex, HttpServletRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getFieldErrors().forEach(error -> errors.add(Map.of("field", error.getField(),
				"message", messages.getMessage(error, LocaleContextHolder.getLocale()))));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalidInput", message("error.invalidInput"), request);
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex, HttpServletRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getConstraintViolations().forEach(v -> errors.add(Map.of("field", v.getPropertyPath().toString(),
				"message", v.getMessage())));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.invalidInput", message("error.invalidInput"), request);
		problem.setProperty("errors", errors);
		return respond(problem);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, MultipartException.class })
	ResponseEntity<ProblemDetail> malformed(Exception ex, HttpServletRequest request) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge.title", message("error.tooLarge"), request));
		}
		return respond(problem(HttpStatus.BAD_REQUEST, "error.malformed.title", message("error.malformed"), request));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "error.method.title", message("error.method"), request));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType.title", message("error.mediaType"), request));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return respond(problem(HttpStatus.NOT_FOUND, "error.notFound.title", message("error.notFound.path"), request));
	}

	private ProblemDetail problem(HttpStatusCode status, String titleKey, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(message(titleKey));
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(DomainException ex) {
		return message(ex.messageKey(), ex.arguments());
	}

	private String message(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}
}

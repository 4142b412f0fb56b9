package org.chuangwen.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A multipart upload declaring more than the server accepts is answered 413 before anything reads it: problem details
 * under {@code /api/}, a page in the reader's language elsewhere. It runs before Spring Security, whose CSRF check
 * would otherwise make the servlet container parse the oversized body and answer with its own bare 413 page (a form
 * posted without JS). Nothing of the upload is stored. Uploads without a declared length are still limited by the
 * multipart settings ({@code UploadLimitAdvice}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UploadLimitFilter extends OncePerRequestFilter {

	private final long maxRequestBytes;

	private final MessageSource messages;

	private final LocaleResolver locales;

	UploadLimitFilter(@Value("${spring.servlet.multipart.max-request-size:25MB}") DataSize maxRequestSize,
			MessageSource messages, LocaleResolver locales) {
		this.maxRequestBytes = maxRequestSize.toBytes();
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (maxRequestBytes <= 0 || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
				|| request.getContentLengthLong() <= maxRequestBytes) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = locale(request);
		String title = messages.getMessage("error.page.413.title", null, "文件过大", locale);
		String detail = messages.getMessage("error.tooLarge", null, "上传的文件过大。", locale);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Connection", "close");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			try (PrintWriter out = response.getWriter()) {
				out.write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":413,\"detail\":"
						+ json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
			}
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		String lang = "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
		String home = messages.getMessage("error.page.home", null, "返回首页", locale);
		String back = messages.getMessage("error.page.back", null, "返回上一页", locale);
		try (PrintWriter out = response.getWriter()) {
			out.write("<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
					+ "<link rel=\"stylesheet\" href=\"" + request.getContextPath()
					+ "/webjars/bootstrap/css/bootstrap.min.css\"></head>"
					+ "<body><main class=\"container py-4\"><h1 class=\"h3\">" + HtmlUtils.htmlEscape(title) + "</h1>"
					+ "<p class=\"lead\" id=\"error-message\">" + HtmlUtils.htmlEscape(detail) + "</p>"
					+ "<a class=\"btn btn-outline-secondary me-2\" href=\"javascript:history.back()\">"
					+ HtmlUtils.htmlEscape(back) + "</a>"
					+ "<a class=\"btn btn-primary\" href=\"" + request.getContextPath() + "/\">" + HtmlUtils.htmlEscape(home)
					+ "</a></main></body></html>");
		}
	}

	private Locale locale(HttpServletRequest request) {
		try {
			return locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Locale.SIMPLIFIED_CHINESE;
		}
	}

	private static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
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

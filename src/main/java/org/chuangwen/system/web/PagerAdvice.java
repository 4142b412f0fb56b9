package org.chuangwen.system.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Gives every page the address the pager links to: the current one with every query parameter kept (search,
 * filters) and {@code page=} last, so the fragment only appends the page number.
 */
@ControllerAdvice(annotations = Controller.class)
class PagerAdvice {

	@ModelAttribute("pagerBase")
	String pagerBase(HttpServletRequest request) {
		String query = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.getQuery();
		return request.getRequestURI() + "?" + (query == null || query.isEmpty() ? "" : query + "&") + "page=";
	}
}

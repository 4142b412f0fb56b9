package org.chuangwen.system.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links for the pager fragment: the current address with every query parameter kept (search, filters) and only
 * {@code page} changed. Used in templates as {@code ${@pagerLinks.to(n)}}.
 */
@Component("pagerLinks")
class PagerLinks {

	public String to(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}
}

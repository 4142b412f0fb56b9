package org.chuangwen.open311.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.open311.ApiKey;
import org.chuangwen.open311.ApiKeys;
import org.chuangwen.open311.IssuedApiKey;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign office's page of Open311 API keys ({@code /open311/keys}): the keys of its jurisdiction, issuing a key
 * (the plain key is shown once, in the answer to the issuing POST, and never stored) and revoking one. Others: 403.
 */
@Controller
class ApiKeyPages {

	private final ApiKeys keys;

	private final org.chuangwen.open311.Open311Requests requests;

	private final MessageSource messages;

	private final java.time.Clock clock;

	ApiKeyPages(ApiKeys keys, org.chuangwen.open311.Open311Requests requests, MessageSource messages,
			java.time.Clock clock) {
		this.keys = keys;
		this.requests = requests;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/open311/keys")
	String list(@AuthenticationPrincipal Actor actor, Model model, HttpServletRequest http) {
		return view(actor, "", "", Map.of(), null, model, http);
	}

	@PostMapping("/open311/keys")
	String issue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
			@RequestParam(required = false) String contact, Model model, HttpServletRequest http) {
		try {
			IssuedApiKey issued = keys.issue(actor, name, contact);
			return view(actor, "", "", Map.of(), issued, model, http);
		}
		catch (InvalidInputException ex) {
			Locale locale = LocaleContextHolder.getLocale();
			Map<String, String> errors = new LinkedHashMap<>();
			for (InvalidInputException.FieldError e : ex.errors()) {
				errors.putIfAbsent(e.field(), messages.getMessage(e.messageKey(), e.arguments().toArray(), locale));
			}
			model.addAttribute("refused", true);
			return view(actor, name, contact, errors, null, model, http);
		}
	}

	@PostMapping("/open311/keys/{id}/revoke")
	String revoke(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		ApiKey revoked = keys.revoke(actor, id, reason, version);
		redirect.addFlashAttribute("revokedName", revoked.name());
		return "redirect:/open311/keys";
	}

	/** The office's view of what an app sent with a request, the reporter's contact data included. */
	@GetMapping("/open311/requests/{number}")
	String posted(@AuthenticationPrincipal Actor actor, @PathVariable String number, Model model) {
		model.addAttribute("number", number);
		model.addAttribute("posted", requests.postedWith(actor, number));
		model.addAttribute("zone", clock.getZone());
		return "open311/request";
	}

	private String view(Actor actor, String name, String contact, Map<String, String> errors, IssuedApiKey issued,
			Model model, HttpServletRequest http) {
		model.addAttribute("keys", keys.keys(actor));
		model.addAttribute("name", name);
		model.addAttribute("contact", contact);
		model.addAttribute("errors", errors);
		model.addAttribute("issued", issued);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("maxName", ApiKeys.MAX_NAME);
		model.addAttribute("maxContact", ApiKeys.MAX_CONTACT);
		model.addAttribute("discovery", http.getRequestURL().toString().replaceFirst("/open311/keys$", "")
				+ "/open311/v2/discovery.json");
		return "open311/keys";
	}
}

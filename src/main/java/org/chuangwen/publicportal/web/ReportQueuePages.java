package org.chuangwen.publicportal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.problems.DuplicateProblemException;
import org.chuangwen.problems.ProblemAction;
import org.chuangwen.problems.ProblemCategories;
import org.chuangwen.problems.ProblemCommand;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemManagement;
import org.chuangwen.problems.ProblemPhoto;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.publicportal.CitizenReport;
import org.chuangwen.publicportal.CitizenReports;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
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
 * The office's queue of reports from outside (citizens, the hotline, media, third-party apps) waiting in REPORTED: each
 * with its photos, the citizen's contact (the office may call back; units never see it), and the open problems it may
 * duplicate; the office registers it (受理, routed to its unit), merges it into one of those (并单, the reporter follows
 * the surviving problem) or rejects it with a reason the reporter reads on the tracking page.
 */
@Controller
class ReportQueuePages {

	static final int PAGE_SIZE = 20;

	private final ProblemDirectory directory;

	private final ProblemManagement management;

	private final ProblemCategories categories;

	private final CitizenReports reports;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final org.chuangwen.publicportal.Exposures exposures;

	ReportQueuePages(ProblemDirectory directory, ProblemManagement management, ProblemCategories categories,
			CitizenReports reports, MessageSource messages, java.time.Clock clock,
			org.chuangwen.publicportal.Exposures exposures) {
		this.clock = clock;
		this.exposures = exposures;
		this.directory = directory;
		this.management = management;
		this.categories = categories;
		this.reports = reports;
		this.messages = messages;
	}

	/** One waiting report as the queue shows it. */
	public record Item(ProblemDirectory.Listed listed, String category, List<ProblemPhoto> photos,
			CitizenReport citizen, List<DuplicateProblemException.Candidate> candidates) {
	}

	@GetMapping("/citizen-reports")
	String queue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Model model) {
		office(actor);
		ProblemFilter waiting = ProblemFilter.none().withStatus(ProblemStatus.REPORTED);
		Page<ProblemDirectory.Listed> listed = directory.problems(actor, waiting,
				new PageRequest(page == null ? 0 : Math.max(0, page), PAGE_SIZE));
		Map<UUID, CitizenReport> citizens = reports
			.ofProblems(listed.items().stream().map(l -> l.problem().id()).toList());
		Map<String, String> names = new LinkedHashMap<>();
		categories.all().forEach(c -> names.put(c.code(), c.name()));
		List<Item> items = listed.items()
			.stream()
			.map(l -> new Item(l, names.getOrDefault(l.problem().categoryCode(), l.problem().categoryCode()),
					directory.photos(actor, l.problem().id()), citizens.get(l.problem().id()),
					directory.mergeCandidates(actor, l.problem().id())))
			.toList();
		model.addAttribute("page", listed);
		model.addAttribute("items", items);
		model.addAttribute("zone", clock.getZone());
		return "publicportal/queue";
	}

	@PostMapping("/citizen-reports/{id}/{action}")
	String act(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			@RequestParam(required = false) String note, @RequestParam(required = false) String intoId,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		office(actor);
		UUID problemId = Ids.parse(id, "problem");
		ProblemAction verb = switch (action) {
			case "register" -> ProblemAction.REGISTER;
			case "reject" -> ProblemAction.REJECT;
			case "merge" -> ProblemAction.MERGE;
			default -> throw new NotFoundException("page", action);
		};
		try {
			UUID into = null;
			if (verb == ProblemAction.MERGE) {
				into = intoId == null || intoId.isBlank() ? null : Ids.parse(intoId, "problem");
				if (into == null) {
					throw new InvalidInputException("intoId", "problem.merge.targetRequired");
				}
			}
			var problem = management.transition(actor, problemId,
					new ProblemCommand(verb, note, null, null, null, null, List.of(), into, null, version));
			if (verb == ProblemAction.REGISTER) {
				// accepted means sent on: dispatched to the unit the routing rules name (point, grid, category)
				try {
					problem = management.transition(actor, problemId, new ProblemCommand(ProblemAction.DISPATCH, null,
							null, null, null, null, List.of(), null, null, problem.version()));
				}
				catch (DomainException ex) {
					redirect.addFlashAttribute("done", message("public.queue.done.registerOnly", problem.number(),
							message(ex.messageKey(), ex.arguments())));
					return "redirect:/citizen-reports";
				}
			}
			redirect.addFlashAttribute("done", message("public.queue.done." + action, problem.number()));
			return "redirect:/citizen-reports";
		}
		catch (NotFoundException | ForbiddenException ex) {
			throw ex;
		}
		catch (DomainException ex) {
			response.setStatus(ex instanceof InvalidInputException ? 400
					: ex instanceof org.chuangwen.shared.ConflictException ? 409 : 422);
			String text = ex instanceof InvalidInputException invalid
					? invalid.errors()
						.stream()
						.map(e -> message(e.messageKey(), e.arguments().toArray()))
						.reduce((a, b) -> a + " " + b)
						.orElse("")
					: message(ex.messageKey(), ex.arguments());
			model.addAttribute("refusedId", problemId);
			model.addAttribute("refusal", text);
			return queue(actor, 0, model);
		}
	}

	// the exposure list (曝光台), the office's side

	@GetMapping("/citizen-reports/exposures")
	String exposures(@AuthenticationPrincipal Actor actor, Model model) {
		model.addAttribute("entries", exposures.all(actor));
		model.addAttribute("zone", clock.getZone());
		if (!model.containsAttribute("fieldErrors")) {
			model.addAttribute("fieldErrors", Map.of());
		}
		return "publicportal/exposures";
	}

	@PostMapping("/citizen-reports/exposures")
	String publish(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String number,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			exposures.publish(actor, number, title, body);
			redirect.addFlashAttribute("done", message("public.exposure.published", title.strip()));
			return "redirect:/citizen-reports/exposures";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach(e -> errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()),
					(a, b) -> a + " " + b));
			model.addAttribute("fieldErrors", errors);
		}
		catch (org.chuangwen.shared.ConflictException ex) {
			response.setStatus(409);
			model.addAttribute("fieldErrors", Map.of("number", message(ex.messageKey(), ex.arguments())));
		}
		model.addAttribute("number", number);
		model.addAttribute("title", title);
		model.addAttribute("body", body);
		return exposures(actor, model);
	}

	@PostMapping("/citizen-reports/exposures/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String reason, RedirectAttributes redirect, Model model,
			HttpServletResponse response) {
		try {
			exposures.withdraw(actor, Ids.parse(id, "exposure"), reason);
			redirect.addFlashAttribute("done", message("public.exposure.withdrawn"));
			return "redirect:/citizen-reports/exposures";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("withdrawError", message(ex.errors().get(0).messageKey()));
			return exposures(actor, model);
		}
	}

	private static void office(Actor actor) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN)) {
			throw new ForbiddenException("public.queue.forbidden");
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}

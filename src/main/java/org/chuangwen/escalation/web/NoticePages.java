package org.chuangwen.escalation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.escalation.EscalationManagement;
import org.chuangwen.escalation.Notice;
import org.chuangwen.escalation.NoticeDirectory;
import org.chuangwen.escalation.NoticeFilter;
import org.chuangwen.escalation.NoticeKind;
import org.chuangwen.escalation.NoticeState;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notice pages: the list (a unit's own notices; the office's and leaders' with filters), one notice with its
 * problems, history and the admonition's explanation form, the printable A4 document, and the office's form to
 * issue a notice by hand.
 */
@Controller
class NoticePages {

	private final NoticeDirectory directory;

	private final EscalationManagement management;

	private final OrganisationDirectory organisation;

	private final MessageSource messages;

	private final java.time.ZoneId zone;

	NoticePages(NoticeDirectory directory, EscalationManagement management, OrganisationDirectory organisation,
			MessageSource messages, java.time.Clock clock) {
		this.directory = directory;
		this.management = management;
		this.organisation = organisation;
		this.messages = messages;
		this.zone = clock.getZone();
	}

	@ModelAttribute("cityZone")
	java.time.ZoneId cityZone() {
		return zone;
	}

	@GetMapping("/notices")
	String list(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String unitId, @RequestParam(required = false) String year,
			@RequestParam(required = false) String state, @RequestParam(required = false) String problemId,
			@RequestParam(required = false) Integer page, Model model) {
		NoticeFilter filter = NoticesApi.filter(kind, unitId, year, state, problemId);
		model.addAttribute("page", directory.notices(actor, filter, PageRequest.of(page == null ? 0 : Math.max(0, page), 20)));
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("states", NoticeState.values());
		model.addAttribute("years", directory.years(actor));
		model.addAttribute("unitBound", actor.isUnitBound());
		model.addAttribute("units", actor.isUnitBound() ? List.of() : organisation.unitOptions(actor));
		model.addAttribute("mayIssue", directory.mayIssue(actor));
		model.addAttribute("now", directory.now());
		return "escalation/list";
	}

	@GetMapping("/notices/{id}")
	String detail(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		return detailPage(actor, Ids.parse(id, "notice"), model);
	}

	private String detailPage(Actor actor, UUID id, Model model) {
		Notice notice = directory.notice(actor, id);
		model.addAttribute("doc", notice);
		model.addAttribute("events", directory.history(actor, id));
		model.addAttribute("mayExplain", notice.awaitsExplanation() && directory.mayExplain(actor, notice));
		model.addAttribute("now", directory.now());
		return "escalation/detail";
	}

	/**
	 * The notices issued for one problem, as an htmx fragment for the problem's page (the problems module, a lower
	 * floor, cannot call this one): empty when there are none; 404 for a problem outside the caller's scope.
	 */
	@GetMapping("/notices/for-problem/{id}")
	String forProblem(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("notices", directory.forProblem(actor, Ids.parse(id, "problem")));
		model.addAttribute("now", directory.now());
		// a unit opens only the notices it received; those issued to a unit before it are listed, not linked
		model.addAttribute("viewerUnitId", actor.isUnitBound() ? actor.unitId() : null);
		return "escalation/fragments :: forProblem";
	}

	@GetMapping("/notices/{id}/print")
	String print(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		model.addAttribute("doc", directory.notice(actor, Ids.parse(id, "notice")));
		return "escalation/print";
	}

	@PostMapping(path = "/notices/{id}/explanation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String explain(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Integer version,
			Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		UUID noticeId = Ids.parse(id, "notice");
		try {
			byte[] content = null;
			String filename = null;
			if (file != null && !file.isEmpty()) {
				if (file.getSize() > Blobs.MAX_BYTES) {
					throw new InvalidInputException("file", "blob.tooLarge", Blobs.MAX_BYTES / (1024 * 1024));
				}
				try (InputStream in = file.getInputStream()) {
					content = in.readNBytes((int) Blobs.MAX_BYTES + 1);
				}
				filename = file.getOriginalFilename();
			}
			management.uploadExplanation(actor, noticeId, content, filename, version);
		}
		catch (InvalidInputException ex) {
			InvalidInputException.FieldError first = ex.errors().get(0);
			model.addAttribute("explanationError", message(first.messageKey(), first.arguments().toArray()));
			response.setStatus(400);
			return detailPage(actor, noticeId, model);
		}
		catch (org.chuangwen.blobs.BlobTooLargeException ex) {
			model.addAttribute("explanationError", message(ex.messageKey(), ex.arguments()));
			response.setStatus(413);
			return detailPage(actor, noticeId, model);
		}
		redirect.addFlashAttribute("done", "notice.done.explained");
		return "redirect:/notices/" + noticeId;
	}

	@GetMapping("/notices/{id}/explanation")
	ResponseEntity<byte[]> explanation(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		BlobContent content = directory.explanation(actor, Ids.parse(id, "notice"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.blob().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(content.blob().originalFilename(), StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(content.bytes());
	}

	// issue by hand

	@GetMapping("/notices/new")
	String issueForm(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String problem,
			@RequestParam(required = false) String kind, Model model) {
		requireIssuer(actor);
		issueModel(model, problem, kind, null, Map.of());
		return "escalation/issue";
	}

	@PostMapping("/notices/new")
	String issue(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String problem,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		requireIssuer(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			UUID problemId = management.problemByReference(actor, problem);
			Notice notice = management.issueByHand(actor, problemId, NoticeKind.parse(kind, "kind"), reason);
			redirect.addFlashAttribute("done", "notice.done.issued");
			return "redirect:/notices/" + notice.id();
		}
		catch (InvalidInputException ex) {
			for (InvalidInputException.FieldError e : ex.errors()) {
				errors.merge(e.field(), message(e.messageKey(), e.arguments().toArray()), (a, b) -> a + " " + b);
			}
		}
		catch (org.chuangwen.shared.NotFoundException | org.chuangwen.shared.ConflictException
				| org.chuangwen.shared.RuleViolationException ex) {
			errors.put("problem", message((DomainException) ex));
		}
		response.setStatus(400);
		issueModel(model, problem, kind, reason, errors);
		return "escalation/issue";
	}

	private void issueModel(Model model, String problem, String kind, String reason, Map<String, String> errors) {
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("problem", problem);
		model.addAttribute("kind", kind == null ? "" : kind.toUpperCase(Locale.ROOT));
		model.addAttribute("reason", reason);
		model.addAttribute("fieldErrors", errors);
	}

	private void requireIssuer(Actor actor) {
		if (!directory.mayIssue(actor)) {
			throw new ForbiddenException("notice.forbidden.issue");
		}
	}

	private String message(DomainException ex) {
		return message(ex.messageKey(), ex.arguments());
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}

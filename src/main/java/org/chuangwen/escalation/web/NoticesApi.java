package org.chuangwen.escalation.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chuangwen.escalation.EscalationManagement;
import org.chuangwen.escalation.Notice;
import org.chuangwen.escalation.NoticeDirectory;
import org.chuangwen.escalation.NoticeFilter;
import org.chuangwen.escalation.NoticeKind;
import org.chuangwen.escalation.NoticeProblem;
import org.chuangwen.escalation.NoticeState;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The escalation ladder's notices over the JSON API (API.md {@code GET /api/v1/notices}). */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "notices", description = "Escalation ladder (督办): copy notices (抄告单), rectification orders (整改通知书) and "
		+ "admonitions (约谈通知) issued to units about their overdue problems, with the problems they list")
class NoticesApi {

	/** A notice as the API shows it. {@code awaitingExplanation}: an admonition the unit has not answered yet. */
	record NoticeView(UUID id, String number, String kind, int year, int seq, String state, boolean awaitingExplanation,
			UUID unitId, String unitName, UUID leaderId, String leaderName, String issuer, Instant issuedAt,
			Instant deadline, boolean overdue, boolean issuedByHand, String reason, ExplanationView explanation,
			Instant settledAt, int version, List<ProblemView> problems) {

		static NoticeView of(Notice n, Instant now) {
			return new NoticeView(n.id(), n.number(), n.kind().name(), n.year(), n.seq(), n.state().name(),
					n.awaitsExplanation(), n.unitId(), n.unitName(), n.leaderId(), n.leaderName(), n.issuer(), n.issuedAt(),
					n.deadline(), n.isOverdue(now), n.issuedByHand(), n.reason(),
					n.hasExplanation() ? new ExplanationView(n.explanationBlobId(), n.explanationFilename(), n.explanationAt())
							: null,
					n.settledAt(), n.version(), n.problems().stream().map(ProblemView::of).toList());
		}
	}

	record ExplanationView(UUID blobId, String filename, Instant submittedAt) {
	}

	/** A problem as listed on the notice when it was issued; {@code outcome}: null, ESCALATED or STOPPED. */
	record ProblemView(UUID id, String number, String categoryName, String description, String location,
			Instant deadline, String outcome) {

		static ProblemView of(NoticeProblem p) {
			return new ProblemView(p.problemId(), p.number(), p.categoryName(), p.description(), p.location(), p.deadline(),
					p.outcome());
		}
	}

	/** The admonition's written explanation: a file uploaded before through POST /api/v1/blobs. */
	record ExplanationRequest(String blobId) {
	}

	/** A notice issued by hand: the problem, the kind and why. */
	record IssueRequest(String problemId, String kind, String reason) {
	}

	private final NoticeDirectory directory;

	private final EscalationManagement management;

	NoticesApi(NoticeDirectory directory, EscalationManagement management) {
		this.directory = directory;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "Notices of the caller's scope", description = "A unit's accounts see every notice their unit "
			+ "received; the campaign office and leaders the notices to units inside their jurisdiction; other roles are "
			+ "refused (403). Newest first, paged ({items, page, size, total}; size ≤ 500, page_size is accepted as well). "
			+ "Filters: kind (COPY_NOTICE, RECTIFICATION_ORDER, ADMONITION), unitId, year, state (ISSUED, ANSWERED, "
			+ "RESOLVED, SUPERSEDED), problemId.")
	Page<NoticeView> notices(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String unitId, @RequestParam(required = false) String year,
			@RequestParam(required = false) String state, @RequestParam(required = false) String problemId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@Parameter(description = "same as size") @RequestParam(name = "page_size", required = false) Integer pageSize) {
		NoticeFilter filter = filter(kind, unitId, year, state, problemId);
		Instant now = directory.now();
		return directory.notices(actor, filter, PageRequest.of(page, size != null ? size : pageSize))
			.map(n -> NoticeView.of(n, now));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One notice with its problems", description = "404 outside the caller's scope. The answer "
			+ "carries ETag: \"<version>\".")
	ResponseEntity<NoticeView> notice(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		Notice notice = directory.notice(actor, Ids.parse(id, "notice"));
		return ResponseEntity.ok().eTag("\"" + notice.version() + "\"").body(NoticeView.of(notice, directory.now()));
	}

	@PostMapping("/{id}/explanation")
	@Operation(summary = "Submit an admonition's written explanation", description = "Body {blobId}: a PDF, Word "
			+ "document or image the caller uploaded through POST /api/v1/blobs. Only an admin (UNIT_ADMIN) of the "
			+ "addressed unit (403 otherwise); 422 when the notice is not an admonition or is settled; 409 when an "
			+ "explanation was submitted already or If-Match is stale; 400 for an unknown file or a file of another type.")
	ResponseEntity<NoticeView> explanation(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ExplanationRequest request) {
		UUID blob = blobId(request == null ? null : request.blobId());
		Notice notice = management.submitExplanation(actor, Ids.parse(id, "notice"), blob, version(ifMatch));
		return ResponseEntity.ok().eTag("\"" + notice.version() + "\"").body(NoticeView.of(notice, directory.now()));
	}

	@PostMapping
	@Operation(summary = "Issue a notice by hand", description = "Body {problemId, kind, reason}. The campaign office "
			+ "(OFFICE_ADMIN) covering the problem; 404 for a problem outside its jurisdiction, 422 for a closed problem, "
			+ "409 when the problem already had this step or a later one. The ladder goes on from this step.")
	ResponseEntity<NoticeView> issue(@AuthenticationPrincipal Actor actor, @RequestBody IssueRequest request) {
		if (request == null || request.problemId() == null || request.problemId().isBlank()) {
			throw new InvalidInputException("problemId", "notice.problem.required");
		}
		UUID problem = Ids.parse(request.problemId(), "problem");
		Notice notice = management.issueByHand(actor, problem, NoticeKind.parse(request.kind(), "kind"), request.reason());
		return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id()))
			.eTag("\"" + notice.version() + "\"")
			.body(NoticeView.of(notice, directory.now()));
	}

	static NoticeFilter filter(String kind, String unitId, String year, String state, String problemId) {
		return new NoticeFilter(NoticeKind.parse(kind, "kind"), blank(unitId) ? null : Ids.parse(unitId.trim(), "unit"),
				year(year), NoticeState.parse(state, "state"), blank(problemId) ? null : Ids.parse(problemId.trim(), "problem"));
	}

	static Integer year(String year) {
		if (blank(year)) {
			return null;
		}
		try {
			int y = Integer.parseInt(year.trim());
			if (y < 2000 || y > 2100) {
				throw new NumberFormatException();
			}
			return y;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("year", "notice.year.invalid", year);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static UUID blobId(String id) {
		try {
			return UUID.fromString(id.trim());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException("blobId", "notice.explanation.fileUnknown", String.valueOf(id));
		}
	}

	/** The version in an If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}); absent means "current". */
	static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		try {
			return Integer.valueOf(ifMatch.trim().replaceFirst("^W/", "").replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}
}

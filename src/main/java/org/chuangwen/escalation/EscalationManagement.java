package org.chuangwen.escalation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on notices: the campaign office issues a notice by hand for a problem (with a reason), and an addressed
 * unit submits the written explanation an admonition requires. Each is one audited transaction.
 */
@Service
public class EscalationManagement {

	/** The explanation's file types: PDF, Word (.docx, .doc) and images (JPEG, PNG). */
	static final Set<String> EXPLANATION_TYPES = Set.of("application/pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/x-ole-storage",
			"image/jpeg", "image/png");

	/** Longest reason for a notice issued by hand. */
	public static final int MAX_REASON = 500;

	private final NoticeRepository repository;

	private final NoticeDirectory directory;

	private final NoticeIssuer issuer;

	private final ProblemLookup problems;

	private final OrganisationDirectory organisation;

	private final Blobs blobs;

	private final AuditTrail audit;

	private final Clock clock;

	EscalationManagement(NoticeRepository repository, NoticeDirectory directory, NoticeIssuer issuer,
			ProblemLookup problems, OrganisationDirectory organisation, Blobs blobs, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.directory = directory;
		this.issuer = issuer;
		this.problems = problems;
		this.organisation = organisation;
		this.blobs = blobs;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The campaign office issues a notice of {@code kind} for one problem by hand, with a reason. The problem must be
	 * in the office's jurisdiction (404), still open (422), and not have had this step or a later one (409); the ladder
	 * goes on from this step.
	 */
	@Transactional
	public Notice issueByHand(Actor actor, UUID problemId, NoticeKind kind, String reason) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN)) {
			throw new ForbiddenException("notice.forbidden.issue");
		}
		if (kind == null) {
			throw new InvalidInputException("kind", "notice.kind.required");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "notice.reason.required");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "notice.reason.tooLong", MAX_REASON);
		}
		if (problemId == null) {
			throw new InvalidInputException("problem", "notice.problem.required");
		}
		ProblemFacts problem = problems.find(List.of(problemId)).get(problemId);
		OrganisationScope scope = organisation.scopeOf(actor);
		Optional<Unit> unit = problem == null || problem.unitId() == null ? Optional.empty()
				: organisation.unit(problem.unitId());
		if (problem == null || unit.isEmpty() || !scope.seesJurisdiction(organisation.jurisdiction(unit.get().jurisdictionId())
			.map(j -> j.path())
			.orElse(null))) {
			throw new NotFoundException("problem", problemId);
		}
		if (!problem.open()) {
			throw new RuleViolationException("notice.issue.problemClosed", problem.number());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (repository.enter(List.of(problemId), problem.unitId(), kind, now).isEmpty()) {
			NoticeRepository.Rung rung = repository.lockRung(problemId).orElseThrow();
			if (rung.stoppedAt() != null) {
				throw new RuleViolationException("notice.issue.problemClosed", problem.number());
			}
			if (!kind.isAfter(rung.step())) {
				throw new ConflictException("notice.issue.alreadyIssued", problem.number());
			}
		}
		return issuer.issue(kind, problem.unitId(), List.of(problem), now, actor.userId(), why)
			.orElseThrow(() -> new ConflictException("notice.issue.alreadyIssued", problem.number()));
	}

	/**
	 * The problem a form names, by its number (or id); 400 when it names none. Whether the caller may see it is
	 * checked by {@link #issueByHand}.
	 */
	@Transactional(readOnly = true)
	public UUID problemByReference(Actor actor, String reference) {
		String text = reference == null ? "" : reference.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("problem", "notice.problem.required");
		}
		return problems.byReference(actor, text)
			.orElseThrow(() -> new InvalidInputException("problem", "notice.problem.unknown", text));
	}

	/**
	 * An admin of the addressed unit submits the admonition's written explanation, a file uploaded by them before
	 * (PDF, Word or an image). 403 for anybody else, 422 for a notice that is not an admonition or is settled, 409 when
	 * an explanation was submitted already or the notice changed meanwhile (stale {@code expectedVersion}).
	 */
	@Transactional
	public Notice submitExplanation(Actor actor, UUID noticeId, UUID blobId, Integer expectedVersion) {
		Notice notice = mayExplain(actor, noticeId, expectedVersion);
		StoredBlob blob = blobId == null ? null
				: blobs.find(blobId).filter(b -> actor.userId().equals(b.uploadedBy())).orElse(null);
		if (blob == null) {
			throw new InvalidInputException("blobId", "notice.explanation.fileUnknown", String.valueOf(blobId));
		}
		return record(actor, notice, blob);
	}

	/** The same, with the file uploaded in the same request (the notice page's form); nothing is kept when refused. */
	@Transactional
	public Notice uploadExplanation(Actor actor, UUID noticeId, byte[] content, String filename, Integer expectedVersion) {
		Notice notice = mayExplain(actor, noticeId, expectedVersion);
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "notice.explanation.fileRequired");
		}
		StoredBlob blob;
		try {
			blob = blobs.store(content, filename, BlobUse.DELIVERABLE, actor.userId());
		}
		catch (InvalidInputException ex) {
			if (ex.errors().stream().anyMatch(e -> e.messageKey().equals("blob.typeRefused"))) {
				throw new InvalidInputException("file", "notice.explanation.type", filename == null ? "" : filename);
			}
			throw ex;
		}
		return record(actor, notice, blob);
	}

	private Notice mayExplain(Actor actor, UUID noticeId, Integer expectedVersion) {
		Notice notice = directory.visible(actor, noticeId);
		if (!directory.mayExplain(actor, notice)) {
			throw new ForbiddenException("notice.forbidden.explain");
		}
		if (!notice.kind().requiresExplanation()) {
			throw new RuleViolationException("notice.explanation.notAdmonition", notice.number());
		}
		if (notice.hasExplanation()) {
			throw new ConflictException("notice.explanation.already", notice.number());
		}
		if (!notice.state().isOpen()) {
			throw new RuleViolationException("notice.explanation.settled", notice.number());
		}
		if (expectedVersion != null && expectedVersion != notice.version()) {
			throw ConflictException.staleVersion(notice.number());
		}
		return notice;
	}

	private Notice record(Actor actor, Notice notice, StoredBlob blob) {
		if (!EXPLANATION_TYPES.contains(blob.contentType())) {
			throw new InvalidInputException("file", "notice.explanation.type", blob.originalFilename());
		}
		Notice locked = repository.lock(notice.id()).orElseThrow();
		if (locked.hasExplanation()) {
			throw new ConflictException("notice.explanation.already", notice.number());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!repository.recordExplanation(notice.id(), locked.version(), blob.id(), blob.originalFilename(),
				actor.userId(), now)) {
			throw ConflictException.staleVersion(notice.number());
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("state", NoticeState.ANSWERED.name());
		after.put("explanation", blob.originalFilename());
		after.put("sha256", blob.sha256());
		audit.record("notice.explained", "notice", notice.id(), Map.of("state", locked.state().name()), after, null);
		return repository.find(notice.id()).orElseThrow();
	}
}

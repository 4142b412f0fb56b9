package org.chuangwen.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.chuangwen.audit.AuditEvent;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notices a caller may see: a unit's accounts every notice their unit received; the campaign office and leaders
 * every notice to a unit inside their jurisdiction. Other roles read no notices (403); a notice outside the caller's
 * scope is not found (404), so its existence does not leak.
 */
@Service
@Transactional(readOnly = true)
public class NoticeDirectory {

	private final NoticeRepository repository;

	private final OrganisationDirectory organisation;

	private final Blobs blobs;

	private final AuditTrail audit;

	private final ProblemDirectory problems;

	private final Clock clock;

	NoticeDirectory(NoticeRepository repository, OrganisationDirectory organisation, Blobs blobs, AuditTrail audit,
			ProblemDirectory problems, Clock clock) {
		this.repository = repository;
		this.organisation = organisation;
		this.blobs = blobs;
		this.audit = audit;
		this.problems = problems;
		this.clock = clock;
	}

	/** Most notices listed for one problem (three steps per cycle on the ladder, plus any issued by hand). */
	static final int MAX_FOR_PROBLEM = 60;

	/**
	 * Every notice issued for one problem, newest first (for the problem's page), whichever unit received it: a unit
	 * the problem was reassigned to (arbitration, dispatch) sees what was issued about it before. 403 for a role that
	 * reads no notices, 404 for a problem outside the caller's scope. The notices lists stay per recipient
	 * ({@link #notices}).
	 */
	public List<Notice> forProblem(Actor actor, UUID problemId) {
		scopeOf(actor);
		problems.problem(actor, problemId);
		NoticeRepository.Where where = NoticeRepository.filtered(OrganisationScope.system(),
				new NoticeFilter(null, null, null, null, problemId));
		return repository.page(where, new PageRequest(0, MAX_FOR_PROBLEM));
	}

	/** Whether the caller reads notices at all (a unit's accounts, the campaign office, leaders). */
	public static boolean readsNotices(Actor actor) {
		return actor != null && (actor.isUnitBound() || actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER));
	}

	public Instant now() {
		return clock.instant();
	}

	/** Notices in the caller's scope, newest first, each with its problems. */
	public Page<Notice> notices(Actor actor, NoticeFilter filter, PageRequest page) {
		NoticeRepository.Where where = NoticeRepository.filtered(scopeOf(actor), filter);
		long total = repository.count(where);
		return Page.of(total == 0 ? List.of() : repository.page(where, page), page, total);
	}

	/** The years in which the caller's notices were issued, latest first (for the year filter). */
	public List<Integer> years(Actor actor) {
		return repository.years(NoticeRepository.filtered(scopeOf(actor), NoticeFilter.none()));
	}

	public Notice notice(Actor actor, UUID id) {
		return visible(actor, id);
	}

	/** The admonition's written explanation, for whoever may see the notice; its hash is checked on the way out. */
	public BlobContent explanation(Actor actor, UUID id) {
		Notice notice = visible(actor, id);
		if (notice.explanationBlobId() == null) {
			throw new NotFoundException("explanation", id);
		}
		return blobs.read(notice.explanationBlobId());
	}

	public List<AuditEvent> history(Actor actor, UUID id) {
		visible(actor, id);
		return audit.historyOf("notice", id, 50);
	}

	/** Whether the caller may issue notices by hand (the campaign office). */
	public boolean mayIssue(Actor actor) {
		return actor != null && actor.has(Role.OFFICE_ADMIN);
	}

	/** Whether the caller may submit the written explanation of this notice (an admin of the addressed unit). */
	public boolean mayExplain(Actor actor, Notice notice) {
		return actor != null && actor.isUnitBound() && actor.has(Role.UNIT_ADMIN) && notice.unitId().equals(actor.unitId());
	}

	Notice visible(Actor actor, UUID id) {
		OrganisationScope scope = scopeOf(actor);
		Notice notice = repository.find(id).orElseThrow(() -> new NotFoundException("notice", id));
		boolean visible = scope.isUnitBound() ? scope.unitId().equals(notice.unitId())
				: scope.seesJurisdiction(notice.jurisdictionPath());
		if (!visible) {
			throw new NotFoundException("notice", id);
		}
		return notice;
	}

	/** Unit accounts, the campaign office and leaders read notices; other roles do not. */
	OrganisationScope scopeOf(Actor actor) {
		if (actor == null) {
			return OrganisationScope.system();
		}
		if (!readsNotices(actor)) {
			throw new ForbiddenException("notice.forbidden.read");
		}
		return organisation.scopeOf(actor);
	}
}

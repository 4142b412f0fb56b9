package org.chuangwen.problems;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.blobs.BlobContent;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on problems for pages, the API and other modules. The methods that take an {@link Actor} answer within the
 * caller's scope: a unit's accounts see the problems assigned to their unit (never who reported them), everybody else
 * the problems inside their jurisdiction. The methods without an actor are for other modules (escalation, scoring),
 * which apply their own access rules.
 */
@Service
@Transactional(readOnly = true)
public class ProblemDirectory {

	/** A problem with what lists show next to it: its SLA light now (null when no deadline runs against a unit). */
	public record Listed(Problem problem, SlaLight light) {
	}

	/** A reporter as the office and inspectors see it (never shown to the handling unit). */
	public record ReporterView(UUID userId, String name, ProblemSource source, Instant reportedAt, UUID originalProblemId) {
	}

	/** A week's random re-check sample: which week, its seed, how many closures and which were drawn. */
	public record RecheckSample(LocalDate weekStart, long seed, int percent, long closures, List<Problem> drawn) {
	}

	private final ProblemRepository repository;

	private final ProblemManagement management;

	private final OrganisationDirectory organisation;

	private final Deadlines deadlines;

	private final Blobs blobs;

	private final ProblemSettings settings;

	private final Clock clock;

	ProblemDirectory(ProblemRepository repository, ProblemManagement management, OrganisationDirectory organisation,
			Deadlines deadlines, Blobs blobs, ProblemSettings settings, Clock clock) {
		this.repository = repository;
		this.management = management;
		this.organisation = organisation;
		this.deadlines = deadlines;
		this.blobs = blobs;
		this.settings = settings;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	// for other modules

	/** A problem by id, whoever asks (other modules apply their own rules). */
	public Optional<Problem> problem(UUID id) {
		return repository.find(id);
	}

	/**
	 * Problems at their unit whose deadline passed before {@code asOf}, oldest deadline first, at most {@code limit}
	 * (for the escalation ladder).
	 */
	public List<Problem> overdue(Instant asOf, int limit) {
		return repository.overdue(asOf, Math.max(1, Math.min(limit, 10_000)));
	}

	/**
	 * Problems at their unit overdue as of {@code asOf} that come after ({@code afterDeadline}, {@code afterId}) in
	 * deadline and id order (both {@code null}: from the start), at most {@code limit}: the escalation ladder pages
	 * through every overdue problem this way, without offsets.
	 */
	public List<Problem> overdue(Instant asOf, Instant afterDeadline, UUID afterId, int limit) {
		return repository.overdueAfter(asOf, afterDeadline, afterId, Math.max(1, Math.min(limit, 10_000)));
	}

	/** The problems with these ids that exist, whoever asks (other modules apply their own rules). */
	public List<Problem> problems(java.util.Collection<UUID> ids) {
		return ids.isEmpty() ? List.of() : repository.findAll(ids);
	}

	/** How many times problems at a point relapsed (反弹) in all. */
	public long relapsesAt(UUID pointId) {
		return repository.page(new org.chuangwen.shared.SqlWhere().and("point_id = :point", "point", pointId)
			.and("relapses > 0", null, null), "created_at", new PageRequest(0, 500))
			.stream()
			.mapToLong(Problem::relapses)
			.sum();
	}

	// the public (citizens following their own report: the caller proves it with a tracking code, publicportal)

	/**
	 * A problem as the public may see it (no reporter, no handler, no internal note). The caller has already checked
	 * that the asker may follow this problem.
	 */
	public Optional<PublicProblemView> publicView(UUID problemId) {
		return repository.find(problemId).map(p -> {
			List<PublicProblemView.Step> steps = repository.timeline(problemId)
				.stream()
				.map(e -> new PublicProblemView.Step(e.at(), e.action(), e.to(),
						PublicProblemView.PUBLIC_REASONS.contains(e.action()) ? e.reason() : null))
				.toList();
			String mergedInto = p.mergedInto() == null ? null
					: repository.find(p.mergedInto()).map(Problem::number).orElse(null);
			String unitName = p.unitId() == null ? null
					: organisation.unit(p.unitId()).map(org.chuangwen.organisation.Unit::name).orElse(null);
			List<ProblemPhoto> photos = repository.photos(problemId)
				.stream()
				.filter(photo -> photo.kind() != ProblemPhoto.Kind.CHECK)
				.toList();
			return new PublicProblemView(p.id(), p.number(), p.categoryCode(), p.status(), p.createdAt(), p.deadline(),
					p.closedAt(), unitName, mergedInto, steps, photos);
		});
	}

	/** A before or after photo of a problem for the public page; 404 for any other blob. */
	public BlobContent publicPhotoContent(UUID problemId, UUID blobId) {
		boolean shown = repository.photos(problemId)
			.stream()
			.anyMatch(p -> p.blobId().equals(blobId) && p.kind() != ProblemPhoto.Kind.CHECK);
		if (!shown) {
			throw new NotFoundException("blob", blobId);
		}
		return blobs.read(blobId);
	}

	/**
	 * Open problems of the same category at the same point or within the duplicate radius, reported in the duplicate
	 * window before this one: what the office may merge a reported problem into (并单). The caller must see the problem.
	 */
	public List<DuplicateProblemException.Candidate> mergeCandidates(Actor actor, UUID problemId) {
		Problem p = management.visibleProblem(actor, problemId);
		double lat = p.lat() == null ? 0 : p.lat();
		double lng = p.lng() == null ? 0 : p.lng();
		return management.duplicates(p.categoryCode(), p.pointId(), lat, lng, p.createdAt())
			.stream()
			.filter(c -> !c.id().equals(problemId))
			.toList();
	}

	/** The whole city's problems per state, from the maintained counts (the public progress page). */
	public Map<ProblemStatus, Long> cityCounts() {
		Map<ProblemStatus, Long> counts = new EnumMap<>(ProblemStatus.class);
		for (ProblemStatus s : ProblemStatus.values()) {
			counts.put(s, 0L);
		}
		counts.putAll(repository.summaryCountsByStatus(new org.chuangwen.shared.SqlWhere()));
		return counts;
	}

	/** The public map's problems (see {@link PublicProblemPin}): reported in the last {@code days}, at most {@code limit}. */
	public List<PublicProblemPin> publicPins(int days, int limit) {
		return repository.publicPins(clock.instant().minus(java.time.Duration.ofDays(days)), limit);
	}

	// scoped queries

	/**
	 * Problems in the caller's scope, newest first. The total comes from the maintained counts when the filter allows
	 * (scope, unit, category, state), so a broad list does not count a million rows.
	 */
	public Page<Listed> problems(Actor actor, ProblemFilter filter, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Instant now = clock.instant();
		org.chuangwen.shared.SqlWhere where = ProblemRepository.filtered(scope, filter, now);
		long total = ProblemRepository.summarised(filter)
				? repository.summaryCountsByStatus(where).values().stream().mapToLong(Long::longValue).sum()
				: repository.count(where);
		List<Problem> items = total == 0 ? List.of() : repository.page(where, "created_at desc, id desc", page);
		return Page.of(items.stream().map(p -> new Listed(p, deadlines.light(p, now))).toList(), page, total);
	}

	/**
	 * The unit inbox: its problems being worked on (dispatched, claimed, rework, parked) and those waiting for
	 * verification, the most urgent first (earliest deadline).
	 */
	public Page<Listed> inbox(Actor actor, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Instant now = clock.instant();
		org.chuangwen.shared.SqlWhere where = ProblemRepository.scoped(scope)
			.and("status in ('DISPATCHED', 'CLAIMED', 'REWORK', 'PARKED', 'RECTIFIED')", null, null);
		long total = repository.count(where);
		List<Problem> items = total == 0 ? List.of()
				: repository.page(where, "case when status = 'RECTIFIED' then 1 else 0 end, deadline nulls last, id", page);
		return Page.of(items.stream().map(p -> new Listed(p, deadlines.light(p, now))).toList(), page, total);
	}

	/**
	 * How many problems of the caller's scope (with the filter, any state) stand in each state. Read from the
	 * maintained counts (exact, no scan of the problems) unless the filter tests something they are not kept by
	 * (point, overdue, escalated, reporting time, text); those narrower filters count the problems.
	 */
	public Map<ProblemStatus, Long> countsByStatus(Actor actor, ProblemFilter filter) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Map<ProblemStatus, Long> counts = new EnumMap<>(ProblemStatus.class);
		for (ProblemStatus s : ProblemStatus.values()) {
			counts.put(s, 0L);
		}
		ProblemFilter anyState = filter.withStatus(null);
		org.chuangwen.shared.SqlWhere where = ProblemRepository.filtered(scope, anyState, clock.instant());
		counts.putAll(ProblemRepository.summarised(anyState) ? repository.summaryCountsByStatus(where)
				: repository.countsByStatus(where));
		return counts;
	}

	/** How many problems of the caller's scope are overdue now (maintained counts plus the not yet published ones). */
	public long countOverdue(Actor actor) {
		return repository.overdueCount(organisation.scopeOf(actor), clock.instant());
	}

	public Problem problem(Actor actor, UUID id) {
		return management.visibleProblem(actor, id);
	}

	public SlaLight light(Problem p) {
		return deadlines.light(p, clock.instant());
	}

	public Problem byNumber(Actor actor, String number) {
		Problem p = repository.findByNumber(number == null ? "" : number.trim())
			.orElseThrow(() -> new NotFoundException("problem", number));
		return management.visibleProblem(actor, p.id());
	}

	public List<ProblemPhoto> photos(Actor actor, UUID problemId) {
		management.visibleProblem(actor, problemId);
		return repository.photos(problemId);
	}

	/** A photo of a problem, for whoever may see the problem; its hash is checked on the way out. */
	public BlobContent photoContent(Actor actor, UUID problemId, UUID blobId) {
		boolean attached = photos(actor, problemId).stream().anyMatch(p -> p.blobId().equals(blobId));
		if (!attached) {
			throw new NotFoundException("blob", blobId);
		}
		return blobs.read(blobId);
	}

	/**
	 * The timeline. The handling unit does not learn who reported (DOMAIN §2): for a unit-bound caller the report
	 * entry carries no name.
	 */
	public List<TimelineEntry> timeline(Actor actor, UUID problemId) {
		management.visibleProblem(actor, problemId);
		boolean unit = organisation.scopeOf(actor).isUnitBound();
		return repository.timeline(problemId)
			.stream()
			.map(e -> unit && ("report".equals(e.action()) || "mergedFrom".equals(e.action())) ? e.anonymous() : e)
			.toList();
	}

	/** Who reported (with merged reports); empty for the handling unit, who must not know. */
	public List<ReporterView> reporters(Actor actor, UUID problemId) {
		management.visibleProblem(actor, problemId);
		if (organisation.scopeOf(actor).isUnitBound()) {
			return List.of();
		}
		return repository.reporters(problemId)
			.stream()
			.map(r -> new ReporterView(r.reportedBy(), r.name(), r.source(), r.reportedAt(), r.originalProblemId()))
			.toList();
	}

	/**
	 * The doubts about the problem's after-photos (DOMAIN §8.4): taken farther from the problem than the configured
	 * distance, taken before the problem was reported, or identical / near-identical (perceptual hash) to another
	 * evidence photo of this or another problem. Photos without EXIF time or position are not flagged for those.
	 */
	@Transactional
	public List<EvidenceFlag> evidenceFlags(Actor actor, UUID problemId) {
		Problem problem = management.visibleProblem(actor, problemId);
		List<EvidenceFlag> flags = new java.util.ArrayList<>();
		for (ProblemPhoto photo : repository.photos(problemId)) {
			if (photo.kind() != ProblemPhoto.Kind.AFTER) {
				continue;
			}
			org.chuangwen.blobs.PhotoFacts facts = blobs.photoFacts(photo.blobId());
			if (facts.location().isPresent() && problem.lat() != null && problem.lng() != null) {
				double metres = facts.location().get().metresTo(problem.lat(), problem.lng());
				if (metres > settings.evidenceDistanceMetres()) {
					flags.add(new EvidenceFlag(photo.blobId(), EvidenceFlag.Kind.FAR_FROM_PROBLEM, Long.toString(Math.round(metres))));
				}
			}
			if (facts.takenAt().isPresent() && facts.takenAt().get().isBefore(problem.createdAt())) {
				flags.add(new EvidenceFlag(photo.blobId(), EvidenceFlag.Kind.TAKEN_BEFORE_REPORT, facts.takenAt().get().toString()));
			}
			java.util.Set<UUID> alike = new java.util.HashSet<>();
			alike.add(photo.blobId()); // the very same file used elsewhere
			if (facts.perceptualHash().isPresent()) {
				alike.addAll(blobs.similarPhotos(facts.perceptualHash().getAsLong(), settings.evidenceSimilarBits(),
						List.of(photo.blobId())));
			}
			List<String> uses = repository.evidenceUses(alike, problemId, photo.blobId());
			if (!uses.isEmpty()) {
				flags.add(new EvidenceFlag(photo.blobId(), EvidenceFlag.Kind.SIMILAR_TO_OTHER_EVIDENCE, String.join(", ", uses)));
			}
		}
		return flags;
	}

	/** Closed problems of the caller's scope due for re-check (回头看) on or before the day. */
	public Page<Listed> rechecksDue(Actor actor, LocalDate day, PageRequest page) {
		OrganisationScope scope = organisation.scopeOf(actor);
		org.chuangwen.shared.SqlWhere where = ProblemRepository.scoped(scope)
			.and("status = 'CLOSED' and recheck_due <= :day", "day", day);
		long total = repository.count(where);
		List<Problem> items = total == 0 ? List.of() : repository.page(where, "recheck_due, id", page);
		return Page.of(items.stream().map(p -> new Listed(p, null)).toList(), page, total);
	}

	/**
	 * The random re-check sample of a week's closures (Monday to Sunday in the city's time zone): the configured share
	 * (at least one when anything closed), drawn reproducibly from a seed derived from the week, so the same week
	 * always gives the same sample.
	 */
	public RecheckSample recheckSample(Actor actor, LocalDate anyDayOfWeek) {
		OrganisationScope scope = organisation.scopeOf(actor);
		LocalDate monday = anyDayOfWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Instant from = monday.atStartOfDay(clock.getZone()).toInstant();
		Instant to = monday.plusWeeks(1).atStartOfDay(clock.getZone()).toInstant();
		long seed = seedOf(monday);
		org.chuangwen.shared.SqlWhere where = ProblemRepository.scoped(scope);
		long closures = repository.countClosed(where, from, to);
		int percent = settings.recheckSamplePercent();
		int size = closures == 0 ? 0 : (int) Math.max(1, Math.ceil(closures * percent / 100.0));
		List<Problem> drawn = size == 0 ? List.of() : repository.closedSample(where, from, to, seed, size);
		return new RecheckSample(monday, seed, percent, closures, drawn);
	}

	/** The seed of a week's sample: its ISO year and week number (recorded on the page, DOMAIN §7). */
	static long seedOf(LocalDate monday) {
		return monday.get(IsoFields.WEEK_BASED_YEAR) * 100L + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
	}
}

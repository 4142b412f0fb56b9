package org.chuangwen.problems;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.blobs.BlobUse;
import org.chuangwen.blobs.Blobs;
import org.chuangwen.blobs.StoredBlob;
import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.notifications.ReminderLadder;
import org.chuangwen.notifications.TrackedDeadline;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.organisation.UserAccounts;
import org.chuangwen.points.PointRef;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on problems: intake and the workflow transitions. Each command is one transaction that writes the problem,
 * its timeline row(s), its audit record, its deadline for the reminder ladder and its events together; a conflicting
 * change by somebody else meanwhile is refused whole (409), nothing half-written.
 */
@Service
public class ProblemManagement {

	/** The roles that report problems (intake). */
	public static final java.util.Set<Role> REPORTERS = java.util.EnumSet.of(Role.OFFICE_ADMIN, Role.INSPECTOR,
			Role.GRID_WORKER);

	/** At most this many photos with one report or one transition. */
	public static final int MAX_PHOTOS = 9;

	/** Subject type of a problem's deadline on the reminder ladder and in notifications. */
	public static final String SUBJECT = "problem";

	private final ProblemRepository repository;

	private final ProblemCategories categories;

	private final ProblemRouter router;

	private final Deadlines deadlines;

	private final OrganisationDirectory organisation;

	private final UserAccounts accounts;

	private final Blobs blobs;

	private final ReminderLadder reminders;

	private final NotificationCentre notifications;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ProblemSettings settings;

	private final Clock clock;

	private final CategoryQuestions questions;

	ProblemManagement(ProblemRepository repository, ProblemCategories categories, ProblemRouter router,
			Deadlines deadlines, OrganisationDirectory organisation, UserAccounts accounts, Blobs blobs,
			ReminderLadder reminders, NotificationCentre notifications, AuditTrail audit,
			ApplicationEventPublisher events, ProblemSettings settings, Clock clock, CategoryQuestions questions) {
		this.repository = repository;
		this.categories = categories;
		this.router = router;
		this.deadlines = deadlines;
		this.organisation = organisation;
		this.accounts = accounts;
		this.blobs = blobs;
		this.reminders = reminders;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
		this.questions = questions;
	}

	/** The same commands acting at the instants of another clock, for replaying a history (the demo city). */
	public ProblemManagement at(Clock other) {
		return new ProblemManagement(repository, categories, router, deadlines, organisation, accounts, blobs, reminders,
				notifications, audit, events, settings, other, questions);
	}

	// intake

	/**
	 * Reports a problem. 403 for a role that does not report; 400 for bad input (unknown category or point, a position
	 * outside the city or the reporter's jurisdiction, photos that are not the reporter's images); 409 with the
	 * candidates when it looks like an open problem already reported, unless {@code allowDuplicate}.
	 */
	@Transactional
	public Problem report(Actor actor, NewProblem report) {
		if (actor == null || !actor.hasAny(REPORTERS.toArray(Role[]::new))) {
			throw new ForbiddenException("problem.report.forbidden");
		}
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		ProblemCategory category = null;
		try {
			category = categories.reportable(report.categoryCode());
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		String description = report.description() == null ? "" : report.description().strip();
		if (description.isEmpty()) {
			errors.add(new InvalidInputException.FieldError("description", "problem.description.required"));
		}
		else if (description.codePointCount(0, description.length()) > Problem.MAX_DESCRIPTION) {
			errors.add(new InvalidInputException.FieldError("description", "error.field.tooLong", Problem.MAX_DESCRIPTION));
		}
		ProblemSource source = sourceOf(actor, report.source(), errors);
		PointRef point = pointOf(report.pointId(), report.lat(), report.lng(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		double lat = report.lat() != null ? report.lat() : point.latitude();
		double lng = report.lng() != null ? report.lng() : point.longitude();
		ProblemRouter.Route route = routeOf(category.code(), point, lat, lng);
		if (!actor.covers(route.jurisdiction().path())) {
			throw new InvalidInputException("location", "problem.location.outsideScope");
		}
		UUID unit = route.unitId().orElse(null);
		if (report.unitId() != null) {
			// the office names the responsible unit (an upper-level feedback line): sent there, not to the routed one
			if (!actor.has(Role.OFFICE_ADMIN)) {
				throw new InvalidInputException("unitId", "problem.unit.namedByOfficeOnly");
			}
			unit = dispatchableUnit(actor, report.unitId());
		}
		List<StoredBlob> photos = photosOf(actor, report.photos());
		Instant now = now();
		if (!report.allowDuplicate()) {
			List<DuplicateProblemException.Candidate> candidates = duplicates(category.code(), route.pointId(), lat, lng, now);
			if (!candidates.isEmpty()) {
				throw new DuplicateProblemException(candidates);
			}
		}
		int year = LocalDate.ofInstant(now, clock.getZone()).getYear();
		String number = "%d-%06d".formatted(year, repository.nextNumber(year));
		Problem problem = Problem.intake(Ids.newId(clock), number, category.code(), description, route.pointId(), lat,
				lng, route.jurisdiction().id(), route.jurisdiction().path(), unit, source,
				deadlines.policyFor(category), actor.userId(), now);
		repository.insert(problem);
		repository.addReporter(problem.id(), actor.userId(), actor.displayName(), source, now, problem.id());
		for (StoredBlob photo : photos) {
			repository.addPhoto(new ProblemPhoto(problem.id(), photo.id(), ProblemPhoto.Kind.BEFORE, actor.userId(), now));
		}
		repository.addEvent(problem.id(), now, actor.userId(), actor.displayName(), "report", null, ProblemStatus.REPORTED,
				null, description);
		if (problem.status() != ProblemStatus.REPORTED) {
			repository.addEvent(problem.id(), now, null, null, ProblemAction.REGISTER.apiName(), ProblemStatus.REPORTED,
					ProblemStatus.REGISTERED, null, "auto:" + source.name());
		}
		if (problem.status() == ProblemStatus.DISPATCHED) {
			repository.addEvent(problem.id(), now, null, null, ProblemAction.DISPATCH.apiName(), ProblemStatus.REGISTERED,
					ProblemStatus.DISPATCHED, problem.unitId(),
					"route:" + (report.unitId() != null ? "NAMED_UNIT" : route.rule().name()));
			track(problem);
		}
		Map<String, Object> after = snapshot(problem);
		after.put("route", report.unitId() != null ? "NAMED_UNIT" : route.rule().name());
		after.put("photos", photos.size());
		audit.record("problem.reported", "problem", problem.id(), null, after, null);
		events.publishEvent(new ProblemReported(problem.id(), number, category.code(), problem.pointId(),
				problem.jurisdictionId(), problem.unitId(), source, problem.status(), now));
		if (problem.status() == ProblemStatus.DISPATCHED) {
			events.publishEvent(new ProblemDispatched(problem.id(), number, problem.unitId(), problem.deadline(), now));
		}
		return problem;
	}

	private static ProblemSource sourceOf(Actor actor, ProblemSource asked, List<InvalidInputException.FieldError> errors) {
		ProblemSource own = actor.has(Role.OFFICE_ADMIN) ? ProblemSource.OFFICE
				: actor.has(Role.INSPECTOR) ? ProblemSource.INSPECTION : ProblemSource.GRID_PATROL;
		if (asked == null) {
			return own;
		}
		// the office enters reports from every source (hotline, media, upper-level feedback…); others report their own
		if (!actor.has(Role.OFFICE_ADMIN) && asked != own) {
			errors.add(new InvalidInputException.FieldError("source", "problem.source.notYours"));
		}
		return asked;
	}

	/** Open problems of the category at the same point or within the radius, reported within the window. */
	List<DuplicateProblemException.Candidate> duplicates(String categoryCode, UUID pointId, double lat, double lng,
			Instant now) {
		double radius = settings.duplicateRadiusMetres();
		double latDelta = radius / 111_320.0;
		double lngDelta = radius / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
		Instant since = now.minus(settings.duplicateWindow());
		List<DuplicateProblemException.Candidate> found = new ArrayList<>();
		for (Problem p : repository.duplicateCandidates(categoryCode, pointId, lat, lng, latDelta, lngDelta, since)) {
			boolean samePoint = pointId != null && pointId.equals(p.pointId());
			double metres = p.lat() == null ? Double.MAX_VALUE : distanceMetres(lat, lng, p.lat(), p.lng());
			if (samePoint || metres <= radius) {
				found.add(new DuplicateProblemException.Candidate(p.id(), p.number(), p.status(),
						samePoint ? 0 : Math.round(metres)));
			}
		}
		found.sort(Comparator.comparingLong(DuplicateProblemException.Candidate::metres));
		return found;
	}

	/**
	 * The place of a report, checked: the active point it names (else an error on {@code pointId}), or a position that
	 * must be given (error on {@code location}) and valid. Errors are added, not thrown, so every field is reported.
	 */
	private PointRef pointOf(UUID pointId, Double lat, Double lng, List<InvalidInputException.FieldError> errors) {
		PointRef point = null;
		if (pointId != null) {
			point = router.point(pointId).filter(PointRef::active).orElse(null);
			if (point == null) {
				errors.add(new InvalidInputException.FieldError("pointId", "problem.point.unknown", pointId.toString()));
			}
		}
		else if (lat == null || lng == null) {
			errors.add(new InvalidInputException.FieldError("location", "problem.location.required"));
		}
		if (lat != null && lng != null && (!Double.isFinite(lat) || !Double.isFinite(lng) || Math.abs(lat) > 90
				|| Math.abs(lng) > 180)) {
			errors.add(new InvalidInputException.FieldError("location", "problem.location.invalid"));
		}
		return point;
	}

	/** Where a report goes (point → unit, else position → grid → unit, else category); 400 outside the city. */
	private ProblemRouter.Route routeOf(String categoryCode, PointRef point, double lat, double lng) {
		Jurisdiction grid = router.gridAt(lat, lng).orElse(null);
		if (point == null && grid == null) {
			throw new InvalidInputException("location", "problem.location.outsideCity");
		}
		ProblemRouter.Route route = router.route(categoryCode, point, lat, lng, grid);
		if (route.jurisdiction() == null) {
			throw new InvalidInputException("location", "problem.location.outsideCity");
		}
		return route;
	}

	/** Great-circle distance in metres (haversine). */
	static double distanceMetres(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/**
	 * Takes a report from outside (Open311, citizens): not trusted, so the problem is REPORTED and waits for the office
	 * to register, merge or reject it; no duplicate check (the office merges duplicates in its queue). 400 for bad input:
	 * unknown category, description too long, no or an invalid location, a location outside the city or outside
	 * {@link OutsideReport#withinPath()}, answers that do not fit the category's questions.
	 */
	@Transactional
	public Problem reportFromOutside(OutsideReport report) {
		return reportFromOutside(report, List.of());
	}

	/**
	 * The same with photos taken by the reporter, stored just before by the caller (blobs without an uploader): each
	 * must be an image; at most {@link #MAX_PHOTOS}.
	 */
	@Transactional
	public Problem reportFromOutside(OutsideReport report, List<UUID> photoIds) {
		if (photoIds.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", "problem.photos.tooMany", MAX_PHOTOS);
		}
		List<StoredBlob> photos = new ArrayList<>();
		for (UUID id : photoIds.stream().distinct().toList()) {
			StoredBlob blob = blobs.find(id)
				.filter(b -> b.uploadedBy() == null)
				.orElseThrow(() -> new InvalidInputException("photos", "problem.photo.unknown", id.toString()));
			if (!BlobUse.PHOTO.allows(blob.contentType())) {
				throw new InvalidInputException("photos", "problem.photo.notImage", blob.originalFilename());
			}
			photos.add(blob);
		}
		if (report.source() == null || report.source().isTrusted()) {
			throw new IllegalArgumentException("an outside report has an untrusted source");
		}
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		ProblemCategory category = null;
		try {
			category = categories.reportable(report.categoryCode());
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		String description = report.description() == null ? "" : report.description().strip();
		if (description.isEmpty() && category != null) {
			description = category.name();
		}
		if (description.codePointCount(0, description.length()) > Problem.MAX_DESCRIPTION) {
			errors.add(new InvalidInputException.FieldError("description", "error.field.tooLong", Problem.MAX_DESCRIPTION));
		}
		PointRef point = pointOf(report.pointId(), report.lat(), report.lng(), errors);
		Map<String, List<String>> answers = new LinkedHashMap<>();
		if (category != null) {
			List<CategoryQuestion> asked = questions.of(category.code());
			for (CategoryQuestion q : asked) {
				List<String> values = q.check(report.answers().get(q.code()), errors);
				if (!values.isEmpty()) {
					answers.put(q.code(), values);
				}
			}
			for (String code : report.answers().keySet()) {
				if (asked.stream().noneMatch(q -> q.code().equals(code))) {
					errors.add(new InvalidInputException.FieldError("attribute[" + code + "]", "problem.answer.unknown", code));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		double lat = report.lat() != null ? report.lat() : point.latitude();
		double lng = report.lng() != null ? report.lng() : point.longitude();
		ProblemRouter.Route route = routeOf(category.code(), point, lat, lng);
		if (report.withinPath() != null && !route.jurisdiction().path().startsWith(report.withinPath())) {
			throw new InvalidInputException("location", "problem.location.outsideScope");
		}
		Instant now = now();
		int year = LocalDate.ofInstant(now, clock.getZone()).getYear();
		String number = "%d-%06d".formatted(year, repository.nextNumber(year));
		ProblemSource source = report.source();
		Problem problem = Problem.intake(Ids.newId(clock), number, category.code(), description, route.pointId(), lat,
				lng, route.jurisdiction().id(), route.jurisdiction().path(), route.unitId().orElse(null), source,
				deadlines.policyFor(category), null, now);
		repository.insert(problem);
		repository.addReporter(problem.id(), null, report.reporterName(), source, now, problem.id());
		repository.addEvent(problem.id(), now, null, report.reporterName(), "report", null, ProblemStatus.REPORTED, null,
				description);
		questions.saveAnswers(problem.id(), answers);
		for (StoredBlob photo : photos) {
			repository.addPhoto(new ProblemPhoto(problem.id(), photo.id(), ProblemPhoto.Kind.BEFORE, null, now));
		}
		Map<String, Object> after = snapshot(problem);
		if (!photos.isEmpty()) {
			after.put("photos", photos.stream().map(b -> b.id().toString()).toList());
		}
		after.put("route", route.rule().name());
		after.put("source", source.name());
		if (!answers.isEmpty()) {
			after.put("answers", answers);
		}
		if (report.by() != null) {
			audit.record(report.by(), "problem.reported", "problem", problem.id(), null, after, null);
		}
		else {
			audit.record("problem.reported", "problem", problem.id(), null, after, null);
		}
		events.publishEvent(new ProblemReported(problem.id(), number, category.code(), problem.pointId(),
				problem.jurisdictionId(), problem.unitId(), source, problem.status(), now));
		return problem;
	}

	// transitions

	/**
	 * Moves a problem through the workflow. Outside the caller's scope it is unknown (404); an action the caller may
	 * not take is 403; one the state does not allow is 422; a stale {@code expectedVersion}, or a change by somebody
	 * else meanwhile, is 409; bad input is 400.
	 */
	@Transactional
	public Problem transition(Actor actor, UUID problemId, ProblemCommand command) {
		Problem problem = visibleProblem(actor, problemId);
		if (command.action() == null) {
			throw new InvalidInputException("action", "problem.action.unknown", "");
		}
		if (command.expectedVersion() != null && command.expectedVersion() != problem.version()) {
			throw stale();
		}
		Instant now = now();
		ProblemCategory category = categories.find(problem.categoryCode()).orElseThrow();
		DeadlinePolicy policy = deadlines.policyFor(category);
		List<StoredBlob> photos = List.of();
		ProblemPhoto.Kind photoKind = ProblemPhoto.Kind.CHECK;
		Problem target = null;
		Problem next = switch (command.action()) {
			case REGISTER -> problem.register(actor, command.note(), now);
			case DISPATCH -> {
				UUID unit = command.unitId() != null ? dispatchableUnit(actor, command.unitId())
						: router.unitFor(problem).orElse(null);
				yield problem.dispatch(actor, unit, command.deadline(), policy, now);
			}
			case CLAIM -> problem.claim(actor, now);
			case RECTIFY -> {
				Problem rectified = problem.rectify(actor, command.note(), command.photos(), now);
				photos = photosOf(actor, command.photos());
				photoKind = ProblemPhoto.Kind.AFTER;
				yield rectified;
			}
			case VERIFY -> {
				boolean pass = requirePass(command);
				Problem verified = problem.verify(actor, pass, command.note(), policy, recheckDate(now), now);
				photos = photosOf(actor, command.photos());
				yield verified;
			}
			case REJECT -> problem.reject(actor, command.note(), now);
			case MERGE -> {
				if (command.intoId() == null) {
					throw new InvalidInputException("intoId", "problem.merge.targetRequired");
				}
				target = repository.find(command.intoId())
					.filter(t -> t.jurisdictionPath() != null && actor.covers(t.jurisdictionPath()))
					.orElseThrow(() -> new InvalidInputException("intoId", "problem.merge.targetUnknown",
							command.intoId().toString()));
				yield problem.mergeInto(actor, target, now);
			}
			case DISPUTE -> problem.dispute(actor, command.note(),
					command.suggestedUnitId() == null ? null : suggestableUnit(problem, command.suggestedUnitId()), now);
			case ARBITRATE -> problem.arbitrate(actor,
					command.unitId() == null ? null : dispatchableUnit(actor, command.unitId()), command.note(), policy, now);
			case EXTEND -> problem.requestExtension(actor, command.until(), command.note(), now);
			case APPROVE_EXTENSION -> problem.approveExtension(actor, command.note(), now);
			case DENY_EXTENSION -> problem.denyExtension(actor, command.note(), now);
			case PARK -> problem.park(actor, command.until(), command.note(), now);
			case REOPEN -> problem.reopen(actor, command.note(), policy, now);
			case RECHECK -> {
				boolean pass = requirePass(command);
				Problem checked = problem.recheck(actor, pass, command.note(), policy, now);
				photos = photosOf(actor, command.photos());
				yield checked;
			}
			case REPORT_UPWARD -> problem.reportUpward(actor, command.note(), now);
		};
		if (!repository.update(next, problem.version())) {
			throw stale();
		}
		for (StoredBlob photo : photos) {
			repository.addPhoto(new ProblemPhoto(problem.id(), photo.id(), photoKind, actor.userId(), now));
		}
		String reason = reasonOf(command, next);
		repository.addEvent(problem.id(), now, actor.userId(), actor.displayName(), command.action().apiName(),
				problem.status(), next.status(), next.unitId(), reason);
		Map<String, Object> after = snapshot(next);
		if (!photos.isEmpty()) {
			after.put("photos", photos.stream().map(p -> p.id().toString()).toList());
		}
		audit.record("problem." + command.action().apiName(), "problem", problem.id(), snapshot(problem), after, reason);
		if (target != null) {
			mergeInto(actor, problem, target, now);
		}
		afterTransition(actor, problem, next, command.action(), now);
		return repository.find(problemId).orElseThrow();
	}

	/** The reminder ladder, notifications and events that follow a transition. */
	private void afterTransition(Actor actor, Problem before, Problem after, ProblemAction action, Instant now) {
		boolean newClock = after.status().isAtUnit() && (before.deadline() == null
				|| !before.deadline().equals(after.deadline()) || !java.util.Objects.equals(before.unitId(), after.unitId()));
		if (after.status().isAtUnit() || after.status() == ProblemStatus.PARKED && after.unitId() != null) {
			if (newClock || after.status() == ProblemStatus.PARKED || !before.status().isAtUnit()) {
				track(after);
			}
		}
		else {
			reminders.settle(SUBJECT, after.id().toString());
		}
		events.publishEvent(new ProblemTransitioned(after.id(), after.number(), action, before.status(), after.status(),
				after.unitId(), now));
		if (after.status() == ProblemStatus.DISPATCHED && (before.status() != ProblemStatus.DISPATCHED
				|| !java.util.Objects.equals(before.unitId(), after.unitId()))) {
			events.publishEvent(new ProblemDispatched(after.id(), after.number(), after.unitId(), after.deadline(), now));
		}
		if (after.status() == ProblemStatus.CLOSED && before.status() == ProblemStatus.RECTIFIED) {
			boolean onTime = before.deadline() == null || before.rectifiedAt() == null
					|| !before.rectifiedAt().isAfter(before.deadline());
			events.publishEvent(new ProblemClosed(after.id(), after.number(), after.categoryCode(), after.pointId(),
					after.unitId(), before.rectifiedAt(), before.deadline(), onTime, now));
			tellReporters(after);
		}
		if (after.relapses() > before.relapses()) {
			events.publishEvent(new ProblemRelapsed(after.id(), after.number(), after.pointId(), after.unitId(),
					after.relapses(), now));
		}
		if (after.status() == ProblemStatus.REJECTED || after.status() == ProblemStatus.MERGED) {
			events.publishEvent(new ProblemRejected(after.id(), after.number(), after.mergedInto(), now));
		}
		if (after.escalated() && !before.escalated()) {
			escalate(after, now);
		}
	}

	/** Escalation after repeated bounces: a timeline row, the office of the jurisdiction notified, an event. */
	private void escalate(Problem p, Instant now) {
		repository.addEvent(p.id(), now, null, null, "escalate", p.status(), p.status(), p.unitId(),
				"bounces:" + p.bounces());
		audit.record("problem.escalated", "problem", p.id(), null, Map.of("bounces", p.bounces()), null);
		String unitName = p.unitId() == null ? null : organisation.unit(p.unitId()).map(Unit::name).orElse(null);
		for (UUID account : officeAccountsFor(p)) {
			notifications.post(account, new NotificationCentre.NewNotification("PROBLEM_ESCALATED", SUBJECT,
					p.id().toString(), title(p), unitName, p.deadline(), "/problems/" + p.id()));
		}
		events.publishEvent(new ProblemEscalated(p.id(), p.number(), p.unitId(), p.bounces(), now));
	}

	/** The office accounts of the campaign offices whose jurisdiction covers the problem. */
	private List<UUID> officeAccountsFor(Problem p) {
		List<UUID> lineage = organisation.jurisdiction(p.jurisdictionId()).map(Jurisdiction::lineage).orElse(List.of());
		List<UUID> found = new ArrayList<>();
		var offices = organisation.units(null, new OrganisationDirectory.UnitFilter(null, UnitType.CAMPAIGN_OFFICE, null, true),
				new org.chuangwen.shared.PageRequest(0, 500));
		for (OrganisationDirectory.UnitSummary office : offices.items()) {
			if (lineage.contains(office.unit().jurisdictionId())) {
				found.addAll(accounts.enabledAccountsOfUnit(office.unit().id(), Role.OFFICE_ADMIN));
			}
		}
		return found.stream().distinct().toList();
	}

	/** Feedback (DOMAIN §8.3): every reporter with an account hears that the problem was closed. */
	private void tellReporters(Problem p) {
		for (ProblemRepository.Reporter r : repository.reporters(p.id())) {
			if (r.reportedBy() != null) {
				notifications.post(r.reportedBy(), new NotificationCentre.NewNotification("PROBLEM_CLOSED", SUBJECT,
						p.id().toString(), title(p), null, null, "/problems/" + p.id()));
			}
		}
	}

	/** Merge: the reporters and before-photos go with the problem into the target, whose timeline records it. */
	private void mergeInto(Actor actor, Problem merged, Problem target, Instant now) {
		repository.moveReporters(merged.id(), target.id());
		for (ProblemPhoto photo : repository.photos(merged.id())) {
			if (photo.kind() == ProblemPhoto.Kind.BEFORE) {
				repository.addPhoto(new ProblemPhoto(target.id(), photo.blobId(), photo.kind(), photo.addedBy(), now));
			}
		}
		repository.addEvent(target.id(), now, actor.userId(), actor.displayName(), "mergedFrom", target.status(),
				target.status(), target.unitId(), merged.number());
	}

	private void track(Problem p) {
		if (p.unitId() == null || p.deadline() == null) {
			return;
		}
		reminders.track(new TrackedDeadline(SUBJECT, p.id().toString(), title(p), p.unitId(), p.deadline(), null));
	}

	private String title(Problem p) {
		String name = categories.find(p.categoryCode()).map(ProblemCategory::name).orElse(p.categoryCode());
		return p.number() + " " + name;
	}

	private static boolean requirePass(ProblemCommand command) {
		if (command.pass() == null) {
			throw new InvalidInputException("result", "problem.verify.resultRequired");
		}
		return command.pass();
	}

	private LocalDate recheckDate(Instant now) {
		return LocalDate.ofInstant(now, clock.getZone()).plusDays(settings.recheckDays());
	}

	/** The reason a transition records: what the caller wrote, else what the verb recorded. */
	private static String reasonOf(ProblemCommand command, Problem next) {
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		if (note != null) {
			return note.length() > Problem.MAX_NOTE ? note.substring(0, Problem.MAX_NOTE) : note;
		}
		return command.action() == ProblemAction.MERGE ? next.lastNote() : null;
	}

	/** A unit the office may send a problem to: active and inside its scope (400 otherwise). */
	private UUID dispatchableUnit(Actor actor, UUID unitId) {
		try {
			Unit unit = organisation.unitFor(actor, unitId);
			if (!unit.active()) {
				throw new InvalidInputException("unitId", "problem.unit.unknown", unitId.toString());
			}
			return unit.id();
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("unitId", "problem.unit.unknown", unitId.toString());
		}
	}

	/**
	 * The units a unit disputing a problem may suggest instead (职责争议的建议单位): the active units of the problem's
	 * city, other than the one it is assigned to, by code (for a problem the caller was allowed to read: a unit must be
	 * able to name a unit outside its own scope).
	 */
	@Transactional(readOnly = true)
	public List<Unit> suggestableUnits(Problem problem) {
		String city = cityPath(problem.jurisdictionPath());
		Map<UUID, String> paths = new java.util.HashMap<>();
		return organisation.unitOptions(null)
			.stream()
			.filter(u -> !u.id().equals(problem.unitId()))
			.filter(u -> within(u, city, paths))
			.toList();
	}

	/**
	 * The suggested unit of a dispute, checked: it exists and is active, lies in the problem's city and is not the unit
	 * the problem is assigned to (400 with the reason otherwise).
	 */
	private UUID suggestableUnit(Problem problem, UUID unitId) {
		Unit unit = organisation.unit(unitId)
			.filter(Unit::active)
			.orElseThrow(() -> new InvalidInputException("suggestedUnitId", "problem.dispute.unitUnknown"));
		if (unit.id().equals(problem.unitId())) {
			throw new InvalidInputException("suggestedUnitId", "problem.dispute.unitSame", unit.name());
		}
		if (!within(unit, cityPath(problem.jurisdictionPath()), new java.util.HashMap<>())) {
			throw new InvalidInputException("suggestedUnitId", "problem.dispute.unitOutsideCity", unit.name());
		}
		return unit.id();
	}

	/** The path of the city (or the top of the tree) above a jurisdiction path. */
	private String cityPath(String path) {
		if (path == null) {
			return "/";
		}
		String top = null;
		StringBuilder prefix = new StringBuilder("/");
		for (String part : path.split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			prefix.append(part).append('/');
			if (top == null) {
				top = prefix.toString();
			}
			Optional<Jurisdiction> node = organisation.jurisdiction(UUID.fromString(part));
			if (node.isPresent() && node.get().level() == org.chuangwen.organisation.JurisdictionLevel.CITY) {
				return prefix.toString();
			}
		}
		return top == null ? "/" : top;
	}

	private boolean within(Unit unit, String cityPath, Map<UUID, String> paths) {
		String path = paths.computeIfAbsent(unit.jurisdictionId(),
				j -> organisation.jurisdiction(j).map(Jurisdiction::path).orElse(""));
		return path.startsWith(cityPath);
	}

	/** Photos of a report or transition: at most {@value #MAX_PHOTOS}, each the caller's own upload and an image. */
	private List<StoredBlob> photosOf(Actor actor, List<UUID> ids) {
		if (ids.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", "problem.photos.tooMany", MAX_PHOTOS);
		}
		List<StoredBlob> photos = new ArrayList<>();
		for (UUID id : ids.stream().distinct().toList()) {
			StoredBlob blob = blobs.find(id)
				.filter(b -> actor.userId() != null && actor.userId().equals(b.uploadedBy()))
				.orElseThrow(() -> new InvalidInputException("photos", "problem.photo.unknown", id.toString()));
			if (!BlobUse.PHOTO.allows(blob.contentType())) {
				throw new InvalidInputException("photos", "problem.photo.notImage", blob.originalFilename());
			}
			photos.add(blob);
		}
		return photos;
	}

	/** The problem if the caller may see it: a unit its assigned problems, everybody else their jurisdiction. */
	Problem visibleProblem(Actor actor, UUID problemId) {
		OrganisationScope scope = organisation.scopeOf(actor);
		Problem problem = repository.find(problemId).orElseThrow(() -> new NotFoundException("problem", problemId));
		if (!sees(scope, problem)) {
			throw new NotFoundException("problem", problemId);
		}
		return problem;
	}

	static boolean sees(OrganisationScope scope, Problem problem) {
		return scope.isUnitBound() ? scope.unitId().equals(problem.unitId()) : scope.seesJurisdiction(problem.jurisdictionPath());
	}

	private static ConflictException stale() {
		return new ConflictException("error.staleVersion",
				new DefaultMessageSourceResolvable(new String[] { "object.problem" }, "problem"));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static Map<String, Object> snapshot(Problem p) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("number", p.number());
		state.put("status", p.status().name());
		state.put("category", p.categoryCode());
		state.put("unitId", p.unitId() == null ? null : p.unitId().toString());
		state.put("deadline", p.deadline() == null ? null : p.deadline().toString());
		if (p.hasOpenDispute()) {
			state.put("dispute", p.disputeReason());
		}
		if (p.hasPendingExtension()) {
			state.put("extensionUntil", p.extensionUntil().toString());
		}
		if (p.escalated()) {
			state.put("escalated", true);
		}
		state.put("bounces", p.bounces());
		state.put("relapses", p.relapses());
		state.put("version", p.version());
		return state;
	}
}

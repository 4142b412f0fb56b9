package org.chuangwen.problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.notifications.ReminderLadder;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ResponsibilityMap;
import org.chuangwen.points.LatLng;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.RuleViolationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The problem loop on the real database: routing (point, grid, category), duplicates, deadlines in working time across
 * a holiday and a weekend with an injected clock, merging that keeps reporters, escalation after bounces, optimistic
 * locking and a race of two verifiers, the overdue query and sweep, the re-check sample.
 */
@ChuangwenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemsIntegrationTests {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProblemTestPlaces places;

	@Autowired
	ProblemManagement management;

	@Autowired
	ProblemDirectory directory;

	@Autowired
	ProblemCategories categories;

	@Autowired
	ResponsibilityMap responsibilities;

	@Autowired
	ReminderLadder reminders;

	@Autowired
	NotificationCentre notifications;

	@Autowired
	Deadlines deadlines;

	@Autowired
	OverdueSweep sweep;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	Actor inspector, office, unitAdmin, unitStaff, policeAdmin;

	@BeforeAll
	void places() {
		places.ready();
		inspector = fixtures.actor("inspector");
		office = fixtures.cityOffice();
		unitAdmin = fixtures.actor("unit_admin");
		unitStaff = fixtures.actor("unit_staff");
		policeAdmin = fixtures.actor("police_admin");
	}

	Problem reportAt(Actor by, String category, LatLng at) {
		return management.report(by, new NewProblem(category, "测试问题 " + category, null, at.lat(), at.lng(), null,
				List.of(places.photo(by)), false));
	}

	// routing

	@Test
	void aReportAtAPointGoesToThePointsUnitWithTheCategoryDeadline() {
		Problem p = management.report(inspector, new NewProblem("G02", "公厕地面有积水和垃圾", places.point1, null, null, null,
				List.of(places.photo(inspector)), true));
		assertThat(p.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(p.unitId()).isEqualTo(places.urbanManagement);
		assertThat(p.pointId()).isEqualTo(places.point1);
		assertThat(p.jurisdictionId()).isEqualTo(places.grid1);
		assertThat(p.number()).matches("20\\d\\d-\\d{6}");
		assertThat(p.source()).isEqualTo(ProblemSource.INSPECTION);
		assertThat(p.deadline()).isEqualTo(deadlines.policyFor(categories.find("G02").orElseThrow()).deadlineFrom(p.createdAt()));
		assertThat(reminders.openDeadline("problem", p.id().toString())).contains(p.deadline());
		assertThat(directory.timeline(office, p.id())).extracting(TimelineEntry::action)
			.containsExactly("report", "register", "dispatch");
		assertThat(directory.photos(office, p.id())).singleElement()
			.satisfies(ph -> assertThat(ph.kind()).isEqualTo(ProblemPhoto.Kind.BEFORE));
		assertThat(directory.reporters(office, p.id())).singleElement()
			.satisfies(r -> assertThat(r.userId()).isEqualTo(inspector.userId()));
		// the handling unit sees the problem but never who reported it
		assertThat(directory.reporters(unitAdmin, p.id())).isEmpty();
		assertThat(directory.timeline(unitAdmin, p.id()).get(0).actorName()).isNull();
	}

	@Test
	void aReportAtAPositionGoesToTheGridsResponsibleUnit() {
		Problem p = reportAt(inspector, "A05", places.spot(false));
		assertThat(p.jurisdictionId()).isEqualTo(places.grid1);
		assertThat(p.unitId()).isEqualTo(responsibilities.responsibleUnitFor(places.grid1).orElseThrow());
		assertThat(p.status()).isEqualTo(ProblemStatus.DISPATCHED);
	}

	@Test
	void withoutPointOrGridUnitTheCategorysHandlingUnitTakesIt() {
		assertThat(responsibilities.responsibleUnitFor(places.grid2)).isEmpty();
		// the city hands C02 to the traffic police (demo); the district names urban management: the nearest node wins
		transactions.executeWithoutResult(s -> categories.setHandlingUnitBySystem("C02", places.districtWest, places.urbanManagement));
		Problem routed = reportAt(inspector, "C02", places.spot(true));
		assertThat(routed.jurisdictionId()).isEqualTo(places.grid2);
		assertThat(routed.unitId()).isEqualTo(places.urbanManagement);
		assertThat(routed.status()).isEqualTo(ProblemStatus.DISPATCHED);
		// no rule names a unit (the demo city names handling units for every category: take one away): registered,
		// waiting for the office to dispatch
		jdbc.sql("delete from problem_category_unit where category_code = 'J03'").update();
		Problem unrouted = reportAt(inspector, "J03", places.spot(true));
		assertThat(unrouted.status()).isEqualTo(ProblemStatus.REGISTERED);
		assertThat(unrouted.unitId()).isNull();
		assertThatThrownBy(() -> management.transition(office, unrouted.id(), ProblemCommand.of(ProblemAction.DISPATCH)))
			.isInstanceOf(InvalidInputException.class);
		Problem dispatched = management.transition(office, unrouted.id(),
				ProblemCommand.of(ProblemAction.DISPATCH).unit(places.urbanManagement));
		assertThat(dispatched.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(dispatched.bounces()).isZero();
	}

	@Test
	void aCitizenReportWaitsForTheOfficeToRegister() {
		Problem p = management.report(office, new NewProblem("J04", "市民反映有人随地吐痰", null, places.spot(false).lat(),
				places.spot(false).lng(), ProblemSource.HOTLINE, List.of(), false));
		assertThat(p.status()).isEqualTo(ProblemStatus.REPORTED);
		assertThat(p.unitId()).isNull();
		assertThatThrownBy(() -> directory.problem(unitAdmin, p.id())).isInstanceOf(NotFoundException.class);
		Problem registered = management.transition(office, p.id(), ProblemCommand.of(ProblemAction.REGISTER));
		Problem dispatched = management.transition(office, p.id(), ProblemCommand.of(ProblemAction.DISPATCH).version(registered.version()));
		assertThat(dispatched.unitId()).isEqualTo(responsibilities.responsibleUnitFor(places.grid1).orElseThrow());
	}

	@Test
	void badReportsAreRefusedWhole() {
		long before = jdbc.sql("select count(*) from problem").query(Long.class).single();
		assertThatThrownBy(() -> management.report(inspector, new NewProblem("Z99", " ", null, null, null, null, List.of(), false)))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
				.extracting(InvalidInputException.FieldError::field)
				.contains("categoryCode", "description", "location"));
		assertThatThrownBy(() -> management.report(inspector, new NewProblem("A01", "x", UUID.randomUUID(), null, null,
				null, List.of(), false))).isInstanceOf(InvalidInputException.class);
		// a position outside every grid of the city
		assertThatThrownBy(() -> management.report(inspector, new NewProblem("A01", "x", null, -40.0, -70.0, null,
				List.of(), false))).isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.errors().get(0).messageKey()).isEqualTo("problem.location.outsideCity"));
		// somebody else's photo
		UUID officePhoto = places.photo(office);
		LatLng at = places.spot(false);
		assertThatThrownBy(() -> management.report(inspector, new NewProblem("A01", "x", null, at.lat(), at.lng(), null,
				List.of(officePhoto), false))).isInstanceOf(InvalidInputException.class);
		// units do not report
		assertThatThrownBy(() -> management.report(unitAdmin, new NewProblem("A01", "x", null, at.lat(), at.lng(), null,
				List.of(), false))).isInstanceOf(ForbiddenException.class);
		assertThat(jdbc.sql("select count(*) from problem").query(Long.class).single()).isEqualTo(before);
	}

	// duplicates

	@Test
	void aReportNearAnOpenProblemOfTheSameCategoryIsAPossibleDuplicate() {
		LatLng at = places.spot(false);
		Problem first = reportAt(inspector, "A03", at);
		double north40m = 40 / 111_320.0;
		double north70m = 70 / 111_320.0;
		assertThatThrownBy(() -> reportAt(office, "A03", new LatLng(at.lat() + north40m, at.lng())))
			.isInstanceOfSatisfying(DuplicateProblemException.class, ex -> assertThat(ex.candidates())
				.singleElement()
				.satisfies(c -> {
					assertThat(c.id()).isEqualTo(first.id());
					assertThat(c.metres()).isBetween(35L, 45L);
				}));
		// another category, or farther than the radius: no duplicate
		assertThat(reportAt(office, "A04", new LatLng(at.lat() + north40m, at.lng())).id()).isNotNull();
		assertThat(reportAt(office, "A03", new LatLng(at.lat() + north70m, at.lng())).id()).isNotNull();
		// after the window (72 h) the old report no longer counts
		ProblemManagement later = management.at(Clock.offset(Clock.system(CITY), Duration.ofHours(73)));
		Problem afterWindow = transactions.execute(s -> later.report(office, new NewProblem("A03", "又有小广告", null,
				at.lat() + north40m, at.lng(), null, List.of(), false)));
		assertThat(afterWindow.id()).isNotEqualTo(first.id());
	}

	@Test
	void mergingADuplicateKeepsEveryReporter() {
		LatLng at = places.spot(false);
		Problem first = reportAt(inspector, "A06", at);
		Problem second = management.report(office, new NewProblem("A06", "垃圾桶满溢（热线）", null, at.lat(), at.lng(),
				ProblemSource.HOTLINE, List.of(), true));
		Problem merged = management.transition(office, second.id(), ProblemCommand.of(ProblemAction.MERGE).into(first.id()));
		assertThat(merged.status()).isEqualTo(ProblemStatus.MERGED);
		assertThat(merged.mergedInto()).isEqualTo(first.id());
		assertThat(directory.reporters(office, first.id())).extracting(ProblemDirectory.ReporterView::userId)
			.containsExactly(inspector.userId(), office.userId());
		assertThat(directory.timeline(office, first.id())).extracting(TimelineEntry::action).contains("mergedFrom");
		assertThatThrownBy(() -> management.transition(office, first.id(), ProblemCommand.of(ProblemAction.MERGE).into(second.id())))
			.isInstanceOf(RuleViolationException.class);
	}

	// deadlines in working time

	@Test
	void deadlinesAndLightsCountWorkingTimeAcrossTheNationalDayHoliday() {
		// Wednesday 30 September 2026, 16:30: one working hour left that day, then 1–7 October are public holidays
		Instant reported = ZonedDateTime.of(2026, 9, 30, 16, 30, 0, 0, CITY).toInstant();
		ProblemManagement then = management.at(Clock.fixed(reported, CITY));
		Problem p = transactions.execute(s -> then.report(inspector, new NewProblem("A01", "暴露垃圾", null,
				places.spot(false).lat(), places.spot(false).lng(), null, List.of(), true)));
		// 4 working hours: 16:30–17:30 on the 30th, then 08:30–11:30 on Thursday 8 October
		assertThat(p.deadline()).isEqualTo(ZonedDateTime.of(2026, 10, 8, 11, 30, 0, 0, CITY).toInstant());
		assertThat(deadlines.light(p, at(2026, 10, 5, 10, 0))).isEqualTo(SlaLight.GREEN); // 1 h of 4 used
		assertThat(deadlines.light(p, at(2026, 10, 8, 10, 30))).isEqualTo(SlaLight.GREEN); // 3 h: 75 %
		assertThat(deadlines.light(p, at(2026, 10, 8, 11, 0))).isEqualTo(SlaLight.YELLOW); // 3.5 h: 87.5 %
		assertThat(deadlines.light(p, at(2026, 10, 8, 11, 31))).isEqualTo(SlaLight.RED);
		assertThat(p.isOverdue(at(2026, 10, 8, 11, 31))).isTrue();
	}

	@Test
	void aDeadlineStartedOnFridayAfternoonFallsOnMonday() {
		Instant reported = ZonedDateTime.of(2026, 11, 27, 16, 30, 0, 0, CITY).toInstant();
		ProblemManagement then = management.at(Clock.fixed(reported, CITY));
		Problem p = transactions.execute(s -> then.report(inspector, new NewProblem("C01", "车辆乱停放", null,
				places.spot(false).lat(), places.spot(false).lng(), null, List.of(), true)));
		assertThat(p.deadline()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 11, 30, 0, 0, CITY).toInstant());
		// one working day (7.5 h) for piled debris: 1 h on Friday, then 3.5 h in Monday's morning and 3 h after the
		// lunch break: Monday 16:30
		Problem q = transactions.execute(s -> then.report(inspector, new NewProblem("A02", "杂物乱堆放", null,
				places.spot(false).lat(), places.spot(false).lng(), null, List.of(), true)));
		assertThat(q.deadline()).isEqualTo(ZonedDateTime.of(2026, 11, 30, 16, 30, 0, 0, CITY).toInstant());
	}

	@Test
	void theLightCountsOnlyWorkingTimeOverAWeekend() {
		// Friday 27 November 2026, 16:30; 4 working hours for vehicles parked in disorder: due Monday 11:30
		Instant reported = ZonedDateTime.of(2026, 11, 27, 16, 30, 0, 0, CITY).toInstant();
		ProblemManagement then = management.at(Clock.fixed(reported, CITY));
		Problem p = transactions.execute(s -> then.report(inspector, new NewProblem("C01", "车辆乱停放（周末）", null,
				places.spot(false).lat(), places.spot(false).lng(), null, List.of(), true)));
		assertThat(p.deadline()).isEqualTo(at(2026, 11, 30, 11, 30));
		// the weekend uses none of the limit: by the wall clock Sunday night would be 81 % of the way, and Monday
		// 08:40 96 %; in working time both are 1 h (and 1 h 10 min) of 4
		assertThat(deadlines.light(p, at(2026, 11, 28, 12, 0))).isEqualTo(SlaLight.GREEN);
		assertThat(deadlines.light(p, at(2026, 11, 29, 23, 0))).isEqualTo(SlaLight.GREEN);
		assertThat(deadlines.light(p, at(2026, 11, 30, 8, 40))).isEqualTo(SlaLight.GREEN);
		assertThat(deadlines.light(p, at(2026, 11, 30, 10, 40))).isEqualTo(SlaLight.GREEN); // 3 h 10 min: 79 %
		assertThat(deadlines.light(p, at(2026, 11, 30, 10, 50))).isEqualTo(SlaLight.YELLOW); // 3 h 20 min: 83 %
		assertThat(deadlines.light(p, at(2026, 11, 30, 11, 31))).isEqualTo(SlaLight.RED);
	}

	static Instant at(int y, int m, int d, int h, int min) {
		return ZonedDateTime.of(y, m, d, h, min, 0, 0, CITY).toInstant();
	}

	// escalation, locking, races

	@Test
	void theThirdReassignmentEscalatesAndTellsTheOffice() {
		Problem p = reportAt(inspector, "B06", places.spot(false));
		long unread = notifications.unreadCount(office);
		UUID[] units = { places.trafficPolice, places.urbanManagement, places.trafficPolice };
		Problem q = p;
		for (UUID unit : units) {
			q = management.transition(office, p.id(), ProblemCommand.of(ProblemAction.DISPATCH).unit(unit));
		}
		assertThat(q.bounces()).isEqualTo(3);
		assertThat(q.escalated()).isTrue();
		assertThat(directory.timeline(office, p.id())).extracting(TimelineEntry::action).containsOnlyOnce("escalate");
		assertThat(notifications.unreadCount(office)).isGreaterThan(unread);
	}

	@Test
	void aStaleVersionIsRefusedAndNothingChanges() {
		Problem p = reportAt(inspector, "B03", places.spot(false));
		management.transition(unitAdmin, p.id(), ProblemCommand.of(ProblemAction.CLAIM).version(p.version()));
		assertThatThrownBy(() -> management.transition(unitAdmin, p.id(),
				ProblemCommand.of(ProblemAction.EXTEND).until(p.deadline().plus(Duration.ofDays(3))).note("等材料").version(p.version())))
			.isInstanceOf(ConflictException.class);
		assertThat(directory.problem(office, p.id()).hasPendingExtension()).isFalse();
	}

	@Test
	void twoVerifiersAtOnceOneWinsTheOtherGetsAConflictNothingHalfWritten() throws Exception {
		Problem p = reportAt(inspector, "B02", places.spot(false));
		management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.CLAIM));
		Problem rectified = management.transition(unitStaff, p.id(),
				ProblemCommand.of(ProblemAction.RECTIFY).photos(List.of(places.photo(unitStaff))));
		Actor otherInspector = office; // the office verifies too
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Object> pass = () -> {
				start.await();
				return management.transition(inspector, p.id(), ProblemCommand.of(ProblemAction.VERIFY).pass(true)
					.version(rectified.version()));
			};
			Callable<Object> fail = () -> {
				start.await();
				return management.transition(otherInspector, p.id(), ProblemCommand.of(ProblemAction.VERIFY).pass(false)
					.note("仍有污渍").version(rectified.version()));
			};
			Future<Object> a = pool.submit(() -> outcome(pass));
			Future<Object> b = pool.submit(() -> outcome(fail));
			start.countDown();
			List<Object> outcomes = List.of(a.get(), b.get());
			assertThat(outcomes).filteredOn(o -> o instanceof Problem).hasSize(1);
			assertThat(outcomes).filteredOn(o -> o instanceof ConflictException).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		Problem after = directory.problem(office, p.id());
		assertThat(after.version()).isEqualTo(rectified.version() + 1);
		assertThat(directory.timeline(office, p.id())).extracting(TimelineEntry::action).containsOnlyOnce("verify");
	}

	private static Object outcome(Callable<Object> call) {
		try {
			return call.call();
		}
		catch (Exception ex) {
			return ex;
		}
	}

	@Test
	void unitsActOnlyOnTheirOwnProblems() {
		Problem p = reportAt(inspector, "B01", places.spot(false));
		assertThatThrownBy(() -> management.transition(policeAdmin, p.id(), ProblemCommand.of(ProblemAction.CLAIM)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> management.transition(unitAdmin, p.id(), ProblemCommand.of(ProblemAction.REGISTER)))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> management.transition(inspector, p.id(), ProblemCommand.of(ProblemAction.CLAIM)))
			.isInstanceOf(ForbiddenException.class);
	}

	@Test
	void disputeKeepsTheClockAndArbitrationMovesTheProblem() {
		Problem p = reportAt(inspector, "C03", places.spot(false));
		Problem disputed = management.transition(unitAdmin, p.id(),
				new ProblemCommand(ProblemAction.DISPUTE, "属于交警职责", null, null, null, null, List.of(), null,
						places.trafficPolice, null));
		assertThat(disputed.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(disputed.deadline()).isEqualTo(p.deadline());
		assertThat(reminders.openDeadline("problem", p.id().toString())).contains(p.deadline());
		Problem moved = management.transition(office, p.id(),
				ProblemCommand.of(ProblemAction.ARBITRATE).unit(places.trafficPolice).note("经仲裁由交警负责"));
		assertThat(moved.unitId()).isEqualTo(places.trafficPolice);
		assertThat(moved.bounces()).isEqualTo(1);
		assertThat(directory.problem(policeAdmin, p.id()).id()).isEqualTo(p.id());
		assertThatThrownBy(() -> directory.problem(unitAdmin, p.id())).isInstanceOf(NotFoundException.class);
	}

	@Test
	void theSameAfterPhotoOnTwoProblemsIsFlaggedForTheVerifier() {
		Problem one = reportAt(inspector, "D06", places.spot(false));
		Problem two = reportAt(inspector, "D06", places.spot(false));
		UUID reused = places.photo(unitStaff);
		for (Problem p : List.of(one, two)) {
			management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.CLAIM));
			management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(List.of(reused)));
		}
		assertThat(directory.evidenceFlags(inspector, two.id())).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo(EvidenceFlag.Kind.SIMILAR_TO_OTHER_EVIDENCE);
			assertThat(f.detail()).contains(one.number());
		});
		// a fresh photo of its own raises no doubt (the test PNGs carry no EXIF time or position)
		Problem three = reportAt(inspector, "D06", places.spot(false));
		management.transition(unitStaff, three.id(), ProblemCommand.of(ProblemAction.CLAIM));
		management.transition(unitStaff, three.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(List.of(places.photo(unitStaff))));
		assertThat(directory.evidenceFlags(inspector, three.id())).isEmpty();
	}

	@Test
	void afterPhotosTakenFarAwayOrBeforeTheReportAreFlaggedFromTheirExif() {
		LatLng at = places.spot(false);
		Problem p = reportAt(inspector, "D06", at);
		LocalDateTime reported = LocalDateTime.ofInstant(p.createdAt(), CITY);
		LatLng farAway = new LatLng(at.lat() + 0.005, at.lng()); // about 556 m north
		UUID far = places.photoWithExif(unitStaff, reported.plusMinutes(30), farAway);
		UUID early = places.photoWithExif(unitStaff, reported.minusDays(1), at);
		UUID honest = places.photoWithExif(unitStaff, reported.plusMinutes(40), new LatLng(at.lat() + 0.0005, at.lng()));
		management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.CLAIM));
		management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(List.of(far, early, honest)));

		List<EvidenceFlag> flags = directory.evidenceFlags(inspector, p.id());
		assertThat(flags).extracting(EvidenceFlag::blobId).doesNotContain(honest);
		assertThat(flags).filteredOn(f -> f.blobId().equals(far)).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo(EvidenceFlag.Kind.FAR_FROM_PROBLEM);
			assertThat(Long.parseLong(f.detail())).isBetween(500L, 620L);
		});
		assertThat(flags).filteredOn(f -> f.blobId().equals(early)).singleElement()
			.satisfies(f -> assertThat(f.kind()).isEqualTo(EvidenceFlag.Kind.TAKEN_BEFORE_REPORT));
	}

	// overdue, re-check

	@Test
	void overdueProblemsAreListedAndTheirOverdueIsPublishedOnce() {
		Instant past = Instant.now().minus(Duration.ofDays(20));
		ProblemManagement then = management.at(Clock.fixed(past, CITY));
		Problem p = transactions.execute(s -> then.report(inspector, new NewProblem("H03", "渣土车抛洒", null,
				places.spot(false).lat(), places.spot(false).lng(), null, List.of(), true)));
		Instant now = Instant.now();
		assertThat(directory.overdue(now, 10_000)).extracting(Problem::id).contains(p.id());
		sweep.sweep(now);
		sweep.sweep(now);
		assertThat(directory.timeline(office, p.id())).extracting(TimelineEntry::action).containsOnlyOnce("overdue");
		assertThat(directory.problems(office, new ProblemFilter(null, null, null, "H03", true, null, null, null, null),
				new PageRequest(0, 50)).items()).extracting(l -> l.problem().id()).contains(p.id());
	}

	@Test
	void aFailedRecheckReopensAsARelapseAndTheWeeklySampleIsReproducible() {
		Problem p = reportAt(inspector, "A07", places.spot(false));
		management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.CLAIM));
		management.transition(unitStaff, p.id(), ProblemCommand.of(ProblemAction.RECTIFY).photos(List.of(places.photo(unitStaff))));
		Problem closed = management.transition(inspector, p.id(), ProblemCommand.of(ProblemAction.VERIFY).pass(true));
		assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
		assertThat(closed.recheckDue()).isEqualTo(LocalDate.now(CITY).plusDays(30));
		assertThat(reminders.openDeadline("problem", p.id().toString())).isEmpty();
		ProblemDirectory.RecheckSample sample = directory.recheckSample(office, LocalDate.now(CITY));
		assertThat(sample.closures()).isGreaterThanOrEqualTo(1);
		assertThat(sample.drawn()).isNotEmpty();
		assertThat(directory.recheckSample(office, LocalDate.now(CITY)).drawn()).extracting(Problem::id)
			.isEqualTo(sample.drawn().stream().map(Problem::id).toList());
		Problem relapse = management.transition(inspector, p.id(),
				ProblemCommand.of(ProblemAction.RECHECK).pass(false).note("回头看发现又有积存垃圾"));
		assertThat(relapse.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(relapse.relapses()).isEqualTo(1);
		assertThat(reminders.openDeadline("problem", p.id().toString())).isPresent();
	}
}

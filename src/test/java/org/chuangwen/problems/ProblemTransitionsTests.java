package org.chuangwen.problems;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workflow table tested exhaustively: every state × action × role, through the problem's verbs. The expected
 * cells are written out here independently of {@link ProblemTransitions}: what is listed is allowed to exactly these
 * roles and leads to that state; a listed cell refuses every other role (403); an unlisted cell refuses everybody
 * (422).
 */
class ProblemTransitionsTests {

	/** state action roles → next (same: unchanged); verify/recheck are tried with pass, arbitrate with another unit. */
	private static final String EXPECTED = """
			REPORTED register OFFICE_ADMIN REGISTERED
			REPORTED reject OFFICE_ADMIN REJECTED
			REPORTED merge OFFICE_ADMIN MERGED
			REGISTERED dispatch OFFICE_ADMIN DISPATCHED
			REGISTERED park OFFICE_ADMIN PARKED
			REGISTERED reject OFFICE_ADMIN REJECTED
			REGISTERED merge OFFICE_ADMIN MERGED
			DISPATCHED claim UNIT_ADMIN,UNIT_STAFF CLAIMED
			DISPATCHED dispatch OFFICE_ADMIN DISPATCHED
			DISPATCHED reject OFFICE_ADMIN REJECTED
			DISPATCHED dispute UNIT_ADMIN same
			DISPATCHED arbitrate OFFICE_ADMIN DISPATCHED
			DISPATCHED extend UNIT_ADMIN same
			DISPATCHED approveExtension OFFICE_ADMIN same
			DISPATCHED denyExtension OFFICE_ADMIN same
			DISPATCHED reportUpward UNIT_ADMIN REPORTED_UPWARD
			DISPATCHED park OFFICE_ADMIN PARKED
			DISPATCHED merge OFFICE_ADMIN MERGED
			CLAIMED rectify UNIT_ADMIN,UNIT_STAFF RECTIFIED
			CLAIMED dispute UNIT_ADMIN same
			CLAIMED arbitrate OFFICE_ADMIN DISPATCHED
			CLAIMED extend UNIT_ADMIN same
			CLAIMED approveExtension OFFICE_ADMIN same
			CLAIMED denyExtension OFFICE_ADMIN same
			CLAIMED reportUpward UNIT_ADMIN REPORTED_UPWARD
			CLAIMED park OFFICE_ADMIN PARKED
			CLAIMED merge OFFICE_ADMIN MERGED
			REWORK rectify UNIT_ADMIN,UNIT_STAFF RECTIFIED
			REWORK dispute UNIT_ADMIN same
			REWORK arbitrate OFFICE_ADMIN DISPATCHED
			REWORK extend UNIT_ADMIN same
			REWORK approveExtension OFFICE_ADMIN same
			REWORK denyExtension OFFICE_ADMIN same
			REWORK reportUpward UNIT_ADMIN REPORTED_UPWARD
			REWORK park OFFICE_ADMIN PARKED
			REWORK merge OFFICE_ADMIN MERGED
			RECTIFIED verify INSPECTOR,OFFICE_ADMIN CLOSED
			REPORTED_UPWARD dispatch OFFICE_ADMIN DISPATCHED
			REPORTED_UPWARD park OFFICE_ADMIN PARKED
			REPORTED_UPWARD reject OFFICE_ADMIN REJECTED
			PARKED rectify UNIT_ADMIN,UNIT_STAFF RECTIFIED
			PARKED dispatch OFFICE_ADMIN DISPATCHED
			CLOSED recheck INSPECTOR,OFFICE_ADMIN CLOSED
			CLOSED reopen OFFICE_ADMIN DISPATCHED
			""";

	private record Cell(Set<Role> roles, String next) {
	}

	private static final Map<String, Cell> CELLS = new HashMap<>();

	static {
		for (String line : EXPECTED.strip().split("\n")) {
			String[] f = line.strip().split(" ");
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String r : f[2].split(",")) {
				roles.add(Role.valueOf(r));
			}
			CELLS.put(f[0] + " " + f[1], new Cell(roles, f[3]));
		}
	}

	static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

	static final String PATH = "/city/district/";

	static final UUID UNIT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	static final UUID OTHER_UNIT = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

	static final DeadlinePolicy FOUR_HOURS = start -> start.plus(Duration.ofHours(4));

	static Stream<Arguments> everyStateActionRole() {
		List<Arguments> all = new ArrayList<>();
		for (ProblemStatus s : ProblemStatus.values()) {
			for (ProblemAction a : ProblemAction.values()) {
				for (Role r : Role.values()) {
					all.add(Arguments.of(s, a, r));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("everyStateActionRole")
	void everyCellOfTheTable(ProblemStatus state, ProblemAction action, Role role) {
		Cell cell = CELLS.get(state.name() + " " + action.apiName());
		Problem problem = inState(state, action);
		Actor actor = actorWith(role);
		if (cell == null) {
			assertThat(ProblemTransitions.rule(state, action)).isEmpty();
			assertThatThrownBy(() -> apply(problem, action, actor)).isInstanceOf(RuleViolationException.class)
				.hasMessageContaining("problem.transition.illegal");
		}
		else if (!cell.roles().contains(role)) {
			assertThat(ProblemTransitions.allows(state, action, role)).isFalse();
			assertThatThrownBy(() -> apply(problem, action, actor)).isInstanceOf(ForbiddenException.class);
		}
		else {
			assertThat(ProblemTransitions.allows(state, action, role)).isTrue();
			assertThat(problem.allows(actor, action, NOW)).isTrue();
			Problem after = apply(problem, action, actor);
			ProblemStatus expected = cell.next().equals("same") ? state : ProblemStatus.valueOf(cell.next());
			assertThat(after.status()).isEqualTo(expected);
			assertThat(after.id()).isEqualTo(problem.id());
		}
	}

	@Test
	void theTableHasNoCellTheTestDoesNotKnow() {
		int cells = 0;
		for (ProblemStatus s : ProblemStatus.values()) {
			cells += ProblemTransitions.actionsFrom(s).size();
			for (ProblemAction a : ProblemTransitions.actionsFrom(s)) {
				assertThat(CELLS).as(s + " " + a).containsKey(s.name() + " " + a.apiName());
			}
		}
		assertThat(cells).isEqualTo(CELLS.size());
	}

	// the roles are right but the place is wrong

	@Test
	void aUnitActsOnlyOnProblemsAssignedToIt() {
		Problem p = inState(ProblemStatus.DISPATCHED, ProblemAction.CLAIM);
		Actor otherUnit = new Actor(UUID.randomUUID(), "x", "x", Set.of(Role.UNIT_ADMIN), OTHER_UNIT, null, PATH);
		assertThatThrownBy(() -> p.claim(otherUnit, NOW)).isInstanceOf(ForbiddenException.class);
		assertThat(p.allows(otherUnit, ProblemAction.CLAIM, NOW)).isFalse();
	}

	@Test
	void theOfficeActsOnlyInsideItsJurisdiction() {
		Problem p = inState(ProblemStatus.REPORTED, ProblemAction.REGISTER);
		Actor elsewhere = new Actor(UUID.randomUUID(), "o", "o", Set.of(Role.OFFICE_ADMIN), null, null, "/city/other/");
		assertThatThrownBy(() -> p.register(elsewhere, null, NOW)).isInstanceOf(ForbiddenException.class);
		Actor city = new Actor(UUID.randomUUID(), "c", "c", Set.of(Role.OFFICE_ADMIN), null, null, "/city/");
		assertThat(p.register(city, null, NOW).status()).isEqualTo(ProblemStatus.REGISTERED);
	}

	// outcomes and marks

	@Test
	void failedVerificationIsReworkWithANewDeadlineAndNeedsAReason() {
		Problem p = inState(ProblemStatus.RECTIFIED, ProblemAction.VERIFY);
		Actor inspector = actorWith(Role.INSPECTOR);
		assertThatThrownBy(() -> p.verify(inspector, false, " ", FOUR_HOURS, null, NOW)).isInstanceOf(InvalidInputException.class);
		Problem rework = p.verify(inspector, false, "仍有垃圾", FOUR_HOURS, null, NOW);
		assertThat(rework.status()).isEqualTo(ProblemStatus.REWORK);
		assertThat(rework.deadline()).isEqualTo(NOW.plus(Duration.ofHours(4)));
		assertThat(rework.clockStartedAt()).isEqualTo(NOW);
		Problem closed = p.verify(inspector, true, null, FOUR_HOURS, LocalDate.of(2026, 12, 25), NOW);
		assertThat(closed.status()).isEqualTo(ProblemStatus.CLOSED);
		assertThat(closed.closedAt()).isEqualTo(NOW);
		assertThat(closed.recheckDue()).isEqualTo(LocalDate.of(2026, 12, 25));
	}

	@Test
	void rectificationNeedsAnAfterPhoto() {
		Problem p = inState(ProblemStatus.CLAIMED, ProblemAction.RECTIFY);
		assertThatThrownBy(() -> p.rectify(actorWith(Role.UNIT_STAFF), "好了", List.of(), NOW))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).field()).isEqualTo("photos"));
	}

	@Test
	void anExtensionCanBeAskedOnlyBeforeTheDeadlineAndOnlyOnce() {
		Problem p = inState(ProblemStatus.CLAIMED, ProblemAction.CLAIM);
		Actor unit = actorWith(Role.UNIT_ADMIN);
		Instant later = p.deadline().plus(Duration.ofDays(3));
		assertThatThrownBy(() -> p.requestExtension(unit, later, "等材料", p.deadline().plusSeconds(1)))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("problem.extend.afterDeadline");
		assertThatThrownBy(() -> p.requestExtension(unit, p.deadline().minusSeconds(60), "等材料", NOW))
			.isInstanceOf(InvalidInputException.class);
		Problem asked = p.requestExtension(unit, later, "等材料", NOW);
		assertThat(asked.hasPendingExtension()).isTrue();
		assertThatThrownBy(() -> asked.requestExtension(unit, later, "再等", NOW)).isInstanceOf(RuleViolationException.class);
		Problem approved = asked.approveExtension(actorWith(Role.OFFICE_ADMIN), null, NOW);
		assertThat(approved.deadline()).isEqualTo(later);
		assertThat(approved.hasPendingExtension()).isFalse();
		assertThatThrownBy(() -> approved.denyExtension(actorWith(Role.OFFICE_ADMIN), "不行", NOW))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("problem.extension.none");
	}

	@Test
	void aDisputeLeavesTheProblemWithTheUnitAndTheClockRunning() {
		Problem p = inState(ProblemStatus.CLAIMED, ProblemAction.CLAIM);
		Problem disputed = p.dispute(actorWith(Role.UNIT_ADMIN), "属于交警职责", OTHER_UNIT, NOW);
		assertThat(disputed.status()).isEqualTo(ProblemStatus.CLAIMED);
		assertThat(disputed.unitId()).isEqualTo(UNIT);
		assertThat(disputed.deadline()).isEqualTo(p.deadline());
		assertThat(disputed.disputeSuggestedUnitId()).isEqualTo(OTHER_UNIT);
		// the unit still acts while the dispute is open
		assertThat(disputed.rectify(actorWith(Role.UNIT_STAFF), null, List.of(UUID.randomUUID()), NOW).status())
			.isEqualTo(ProblemStatus.RECTIFIED);
		// the office confirms the same unit: dispute closed, nothing else changes
		Problem confirmed = disputed.arbitrate(actorWith(Role.OFFICE_ADMIN), UNIT, "维持原责任单位", FOUR_HOURS, NOW);
		assertThat(confirmed.status()).isEqualTo(ProblemStatus.CLAIMED);
		assertThat(confirmed.hasOpenDispute()).isFalse();
		assertThat(confirmed.bounces()).isZero();
		assertThatThrownBy(() -> confirmed.arbitrate(actorWith(Role.OFFICE_ADMIN), OTHER_UNIT, "x", FOUR_HOURS, NOW))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("problem.arbitrate.noDispute");
	}

	@Test
	void moreThanTwoBouncesEscalate() {
		Actor office = actorWith(Role.OFFICE_ADMIN);
		Problem p = inState(ProblemStatus.DISPATCHED, ProblemAction.DISPATCH);
		UUID[] units = { OTHER_UNIT, UNIT, OTHER_UNIT };
		for (int i = 0; i < units.length; i++) {
			p = p.dispatch(office, units[i], null, FOUR_HOURS, NOW);
			assertThat(p.bounces()).isEqualTo(i + 1);
			assertThat(p.escalated()).isEqualTo(i + 1 > 2);
		}
		// dispatching again to the same unit is no bounce
		assertThat(p.dispatch(office, OTHER_UNIT, null, FOUR_HOURS, NOW).bounces()).isEqualTo(3);
	}

	@Test
	void arbitrationToAnotherUnitIsABounceWithAFreshDeadline() {
		Problem p = inState(ProblemStatus.CLAIMED, ProblemAction.ARBITRATE);
		Instant later = NOW.plus(Duration.ofHours(30));
		Problem moved = p.arbitrate(actorWith(Role.OFFICE_ADMIN), OTHER_UNIT, "由交警负责", FOUR_HOURS, later);
		assertThat(moved.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(moved.unitId()).isEqualTo(OTHER_UNIT);
		assertThat(moved.bounces()).isEqualTo(1);
		assertThat(moved.deadline()).isEqualTo(later.plus(Duration.ofHours(4)));
		assertThat(moved.hasOpenDispute()).isFalse();
	}

	@Test
	void aFailedRecheckReopensAsARelapse() {
		Problem p = inState(ProblemStatus.CLOSED, ProblemAction.RECHECK);
		Problem relapse = p.recheck(actorWith(Role.INSPECTOR), false, "又出现乱堆放", FOUR_HOURS, NOW);
		assertThat(relapse.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(relapse.relapses()).isEqualTo(1);
		assertThat(relapse.closedAt()).isNull();
		assertThat(relapse.unitId()).isEqualTo(UNIT);
		Problem kept = p.recheck(actorWith(Role.INSPECTOR), true, null, FOUR_HOURS, NOW);
		assertThat(kept.status()).isEqualTo(ProblemStatus.CLOSED);
		assertThat(kept.recheckDue()).isNull();
	}

	@Test
	void mergeOnlyIntoAnotherOpenProblem() {
		Actor office = actorWith(Role.OFFICE_ADMIN);
		Problem p = inState(ProblemStatus.REPORTED, ProblemAction.MERGE);
		assertThatThrownBy(() -> p.mergeInto(office, p, NOW)).isInstanceOf(RuleViolationException.class);
		Problem closed = inState(ProblemStatus.CLOSED, ProblemAction.RECHECK);
		Problem closedOther = new Problem(UUID.randomUUID(), "2026-000002", closed.categoryCode(), "x", null, null, null,
				null, PATH, UNIT, ProblemSource.INSPECTION, ProblemStatus.CLOSED, null, null, null, null, null, null, false,
				0, 0, null, null, null, null, null, NOW, null, null, null, null, NOW, 0);
		assertThatThrownBy(() -> p.mergeInto(office, closedOther, NOW)).isInstanceOf(RuleViolationException.class);
		Problem target = inState(ProblemStatus.DISPATCHED, ProblemAction.CLAIM);
		Problem other = new Problem(UUID.randomUUID(), "2026-000003", target.categoryCode(), "x", null, null, null, null,
				PATH, UNIT, ProblemSource.INSPECTION, ProblemStatus.DISPATCHED, target.deadline(), NOW, null, null, null,
				null, false, 0, 0, null, null, null, null, null, NOW, null, NOW, null, null, null, 0);
		Problem merged = p.mergeInto(office, other, NOW);
		assertThat(merged.status()).isEqualTo(ProblemStatus.MERGED);
		assertThat(merged.mergedInto()).isEqualTo(other.id());
	}

	@Test
	void intakeRegistersAndDispatchesTrustedReportsOnly() {
		Problem inspected = Problem.intake(UUID.randomUUID(), "2026-000009", "A01", "垃圾", null, 30.0, 120.0, null, PATH,
				UNIT, ProblemSource.INSPECTION, FOUR_HOURS, UUID.randomUUID(), NOW);
		assertThat(inspected.status()).isEqualTo(ProblemStatus.DISPATCHED);
		assertThat(inspected.deadline()).isEqualTo(NOW.plus(Duration.ofHours(4)));
		Problem unrouted = Problem.intake(UUID.randomUUID(), "2026-000010", "A01", "垃圾", null, 30.0, 120.0, null, PATH,
				null, ProblemSource.GRID_PATROL, FOUR_HOURS, UUID.randomUUID(), NOW);
		assertThat(unrouted.status()).isEqualTo(ProblemStatus.REGISTERED);
		Problem citizen = Problem.intake(UUID.randomUUID(), "2026-000011", "A01", "垃圾", null, 30.0, 120.0, null, PATH,
				UNIT, ProblemSource.CITIZEN, FOUR_HOURS, null, NOW);
		assertThat(citizen.status()).isEqualTo(ProblemStatus.REPORTED);
		assertThat(citizen.unitId()).isNull();
		assertThat(citizen.deadline()).isNull();
	}

	@Test
	void slaLightByShareOfWorkingTimeUsed() {
		Instant deadline = NOW.plus(Duration.ofHours(10));
		assertThat(SlaLight.of(NOW, deadline, Duration.ofHours(7), Duration.ofHours(10))).isEqualTo(SlaLight.GREEN);
		assertThat(SlaLight.of(NOW, deadline, Duration.ofHours(8), Duration.ofHours(10))).isEqualTo(SlaLight.YELLOW);
		assertThat(SlaLight.of(NOW, deadline, Duration.ofHours(10), Duration.ofHours(10))).isEqualTo(SlaLight.YELLOW);
		assertThat(SlaLight.of(deadline.plusSeconds(1), deadline, Duration.ofHours(10), Duration.ofHours(10))).isEqualTo(SlaLight.RED);
	}

	// helpers

	/** A problem in this state, with the marks an action needs to be tried on its own (dispute open, extension asked). */
	static Problem inState(ProblemStatus state, ProblemAction action) {
		boolean atUnit = state.isAtUnit() || state == ProblemStatus.RECTIFIED || state == ProblemStatus.CLOSED
				|| state == ProblemStatus.PARKED || state == ProblemStatus.REPORTED_UPWARD;
		String dispute = action == ProblemAction.ARBITRATE ? "不属于本单位" : null;
		Instant extension = action == ProblemAction.APPROVE_EXTENSION || action == ProblemAction.DENY_EXTENSION
				? NOW.plus(Duration.ofDays(5)) : null;
		return new Problem(UUID.fromString("00000000-0000-0000-0000-000000000001"), "2026-000001", "A02", "杂物乱堆放",
				null, 30.0, 120.0, null, PATH, atUnit ? UNIT : null, ProblemSource.INSPECTION, state,
				atUnit ? NOW.plus(Duration.ofDays(1)) : null, atUnit ? NOW.minus(Duration.ofHours(1)) : null, dispute,
				null, extension, extension == null ? null : "材料未到", false, 0, 0, null, null, null, null, null,
				NOW.minus(Duration.ofDays(1)), null, null, null, null, null, 0);
	}

	static Actor actorWith(Role role) {
		UUID unit = Role.UNIT_ROLES.contains(role) ? UNIT : null;
		return new Actor(UUID.randomUUID(), role.name().toLowerCase(), role.name(), Set.of(role), unit, null,
				Role.UNIT_ROLES.contains(role) ? PATH + "unit/" : "/city/");
	}

	static Problem apply(Problem p, ProblemAction action, Actor by) {
		Problem target = new Problem(UUID.randomUUID(), "2026-000099", p.categoryCode(), "x", null, null, null, null,
				PATH, UNIT, ProblemSource.INSPECTION, ProblemStatus.DISPATCHED, NOW.plus(Duration.ofDays(1)), NOW, null,
				null, null, null, false, 0, 0, null, null, null, null, null, NOW, null, NOW, null, null, null, 0);
		return switch (action) {
			case REGISTER -> p.register(by, "立案", NOW);
			case DISPATCH -> p.dispatch(by, OTHER_UNIT, null, FOUR_HOURS, NOW);
			case CLAIM -> p.claim(by, NOW);
			case RECTIFY -> p.rectify(by, "已清理", List.of(UUID.randomUUID()), NOW);
			case VERIFY -> p.verify(by, true, null, FOUR_HOURS, LocalDate.of(2026, 12, 25), NOW);
			case REJECT -> p.reject(by, "不属于创文问题", NOW);
			case MERGE -> p.mergeInto(by, target, NOW);
			case DISPUTE -> p.dispute(by, "不属于本单位", null, NOW);
			case ARBITRATE -> p.arbitrate(by, OTHER_UNIT, "由另一单位负责", FOUR_HOURS, NOW);
			case EXTEND -> p.requestExtension(by, NOW.plus(Duration.ofDays(10)), "需要采购", NOW);
			case APPROVE_EXTENSION -> p.approveExtension(by, null, NOW);
			case DENY_EXTENSION -> p.denyExtension(by, "时限合理", NOW);
			case PARK -> p.park(by, NOW.plus(Duration.ofDays(90)), "纳入明年改造计划", NOW);
			case REOPEN -> p.reopen(by, "复查发现反弹", FOUR_HOURS, NOW);
			case RECHECK -> p.recheck(by, true, null, FOUR_HOURS, NOW);
			case REPORT_UPWARD -> p.reportUpward(by, "需市级协调", NOW);
		};
	}
}

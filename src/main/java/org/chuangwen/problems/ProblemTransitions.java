package org.chuangwen.problems;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chuangwen.organisation.Role;

import static org.chuangwen.problems.ProblemAction.APPROVE_EXTENSION;
import static org.chuangwen.problems.ProblemAction.ARBITRATE;
import static org.chuangwen.problems.ProblemAction.CLAIM;
import static org.chuangwen.problems.ProblemAction.DENY_EXTENSION;
import static org.chuangwen.problems.ProblemAction.DISPATCH;
import static org.chuangwen.problems.ProblemAction.DISPUTE;
import static org.chuangwen.problems.ProblemAction.EXTEND;
import static org.chuangwen.problems.ProblemAction.MERGE;
import static org.chuangwen.problems.ProblemAction.PARK;
import static org.chuangwen.problems.ProblemAction.RECHECK;
import static org.chuangwen.problems.ProblemAction.RECTIFY;
import static org.chuangwen.problems.ProblemAction.REGISTER;
import static org.chuangwen.problems.ProblemAction.REJECT;
import static org.chuangwen.problems.ProblemAction.REOPEN;
import static org.chuangwen.problems.ProblemAction.REPORT_UPWARD;
import static org.chuangwen.problems.ProblemAction.VERIFY;
import static org.chuangwen.problems.ProblemStatus.CLAIMED;
import static org.chuangwen.problems.ProblemStatus.CLOSED;
import static org.chuangwen.problems.ProblemStatus.DISPATCHED;
import static org.chuangwen.problems.ProblemStatus.MERGED;
import static org.chuangwen.problems.ProblemStatus.PARKED;
import static org.chuangwen.problems.ProblemStatus.RECTIFIED;
import static org.chuangwen.problems.ProblemStatus.REGISTERED;
import static org.chuangwen.problems.ProblemStatus.REJECTED;
import static org.chuangwen.problems.ProblemStatus.REPORTED;
import static org.chuangwen.problems.ProblemStatus.REPORTED_UPWARD;
import static org.chuangwen.problems.ProblemStatus.REWORK;

/**
 * The problem workflow as one table (DOMAIN §8): for each state and action, the roles that may take it and the state
 * it leads to. Everything not in the table is an illegal transition (422). The table says which roles; the problem
 * adds where (a unit acts only on problems assigned to it, the office and inspectors only inside their jurisdiction)
 * and the rules on marks and inputs (an extension only before the deadline, arbitration only of an open dispute…).
 *
 * <pre>
 * state            action             roles                      next
 * REPORTED         register           office                     REGISTERED
 * REPORTED         reject | merge     office                     REJECTED | MERGED
 * REGISTERED       dispatch           office                     DISPATCHED
 * REGISTERED       park               office                     PARKED
 * REGISTERED       reject | merge     office                     REJECTED | MERGED
 * DISPATCHED       claim              unit admin, unit staff     CLAIMED
 * DISPATCHED       dispatch           office                     DISPATCHED (another unit: a bounce)
 * CLAIMED, REWORK  rectify            unit admin, unit staff     RECTIFIED
 * DISPATCHED, CLAIMED, REWORK:
 *                  dispute            unit admin                 (unchanged; dispute mark, clock keeps running)
 *                  arbitrate          office                     DISPATCHED when reassigned, else unchanged
 *                  extend             unit admin                 (unchanged; extension request mark)
 *                  approveExtension   office                     (unchanged; new deadline)
 *                  denyExtension      office                     (unchanged)
 *                  reportUpward       unit admin                 REPORTED_UPWARD
 *                  park               office                     PARKED
 *                  merge              office                     MERGED
 * DISPATCHED       reject             office                     REJECTED
 * RECTIFIED        verify             inspector, office          pass: CLOSED · fail: REWORK
 * REPORTED_UPWARD  dispatch | park | reject   office             DISPATCHED | PARKED | REJECTED
 * PARKED           rectify            unit admin, unit staff     RECTIFIED
 * PARKED           dispatch           office                     DISPATCHED
 * CLOSED           recheck            inspector, office          pass: CLOSED · fail: DISPATCHED (relapse)
 * CLOSED           reopen             office                     DISPATCHED (relapse)
 * REJECTED, MERGED —                                             final
 * </pre>
 */
public final class ProblemTransitions {

	/**
	 * One cell of the table: who may act, where the action leads ({@code null}: the state does not change) and, for
	 * actions with two outcomes, where the other outcome leads (verify and recheck: fail; arbitrate: the same unit
	 * confirmed).
	 */
	public record Rule(Set<Role> roles, ProblemStatus next, ProblemStatus alternative) {

		public Rule {
			roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
		}

		/** Where the action leads from {@code from}: the main outcome, or the alternative one. */
		public ProblemStatus target(ProblemStatus from, boolean mainOutcome) {
			ProblemStatus to = mainOutcome ? next : alternative;
			return to == null ? from : to;
		}
	}

	private static final Set<Role> OFFICE = EnumSet.of(Role.OFFICE_ADMIN);

	private static final Set<Role> UNIT = EnumSet.of(Role.UNIT_ADMIN, Role.UNIT_STAFF);

	private static final Set<Role> UNIT_ADMIN = EnumSet.of(Role.UNIT_ADMIN);

	private static final Set<Role> VERIFIERS = EnumSet.of(Role.INSPECTOR, Role.OFFICE_ADMIN);

	private static final Map<ProblemStatus, Map<ProblemAction, Rule>> TABLE = new EnumMap<>(ProblemStatus.class);

	static {
		allow(REPORTED, REGISTER, OFFICE, REGISTERED);
		allow(REPORTED, REJECT, OFFICE, REJECTED);
		allow(REPORTED, MERGE, OFFICE, MERGED);

		allow(REGISTERED, DISPATCH, OFFICE, DISPATCHED);
		allow(REGISTERED, PARK, OFFICE, PARKED);
		allow(REGISTERED, REJECT, OFFICE, REJECTED);
		allow(REGISTERED, MERGE, OFFICE, MERGED);

		allow(DISPATCHED, CLAIM, UNIT, CLAIMED);
		allow(DISPATCHED, DISPATCH, OFFICE, DISPATCHED);
		allow(DISPATCHED, REJECT, OFFICE, REJECTED);
		allow(CLAIMED, RECTIFY, UNIT, RECTIFIED);
		allow(REWORK, RECTIFY, UNIT, RECTIFIED);
		for (ProblemStatus atUnit : ProblemStatus.AT_UNIT) {
			allow(atUnit, DISPUTE, UNIT_ADMIN, null);
			TABLE.get(atUnit).put(ARBITRATE, new Rule(OFFICE, DISPATCHED, null));
			allow(atUnit, EXTEND, UNIT_ADMIN, null);
			allow(atUnit, APPROVE_EXTENSION, OFFICE, null);
			allow(atUnit, DENY_EXTENSION, OFFICE, null);
			allow(atUnit, REPORT_UPWARD, UNIT_ADMIN, REPORTED_UPWARD);
			allow(atUnit, PARK, OFFICE, PARKED);
			allow(atUnit, MERGE, OFFICE, MERGED);
		}

		TABLE.computeIfAbsent(RECTIFIED, s -> new EnumMap<>(ProblemAction.class)).put(VERIFY, new Rule(VERIFIERS, CLOSED, REWORK));

		allow(REPORTED_UPWARD, DISPATCH, OFFICE, DISPATCHED);
		allow(REPORTED_UPWARD, PARK, OFFICE, PARKED);
		allow(REPORTED_UPWARD, REJECT, OFFICE, REJECTED);

		allow(PARKED, RECTIFY, UNIT, RECTIFIED);
		allow(PARKED, DISPATCH, OFFICE, DISPATCHED);

		TABLE.computeIfAbsent(CLOSED, s -> new EnumMap<>(ProblemAction.class)).put(RECHECK, new Rule(VERIFIERS, CLOSED, DISPATCHED));
		allow(CLOSED, REOPEN, OFFICE, DISPATCHED);
	}

	private ProblemTransitions() {
	}

	private static void allow(ProblemStatus from, ProblemAction action, Set<Role> roles, ProblemStatus to) {
		TABLE.computeIfAbsent(from, s -> new EnumMap<>(ProblemAction.class)).put(action, new Rule(roles, to, null));
	}

	/** The rule of this state and action, or empty when the action is illegal in this state. */
	public static Optional<Rule> rule(ProblemStatus from, ProblemAction action) {
		return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(action));
	}

	/** Whether some holder of this role may take the action from this state (where still decides: see Problem). */
	public static boolean allows(ProblemStatus from, ProblemAction action, Role role) {
		return rule(from, action).map(r -> r.roles().contains(role)).orElse(false);
	}

	/** The actions legal in this state, whoever takes them. */
	public static Set<ProblemAction> actionsFrom(ProblemStatus from) {
		Map<ProblemAction, Rule> row = TABLE.getOrDefault(from, Map.of());
		return row.isEmpty() ? EnumSet.noneOf(ProblemAction.class) : EnumSet.copyOf(row.keySet());
	}
}

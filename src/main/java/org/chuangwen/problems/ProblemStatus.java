package org.chuangwen.problems;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a problem stands (DOMAIN §8). Dispute, extension request and escalation are not states: they are marks on a
 * problem that stays with its unit while they are open ("act first, argue later": the clock keeps running).
 */
public enum ProblemStatus {

	/** 已上报: reported by a source that is not trusted to register (citizens, hotline, media); the office registers it. */
	REPORTED,
	/** 已立案: a valid problem with no unit yet; the office dispatches it. */
	REGISTERED,
	/** 已派遣: sent to the responsible unit, not yet claimed; the deadline runs. */
	DISPATCHED,
	/** 已签收: the unit has taken it on. */
	CLAIMED,
	/** 已整改: the unit says it is fixed, with after-photos; waits for verification. */
	RECTIFIED,
	/** 返工: verification failed; back at the unit with a new deadline. */
	REWORK,
	/** 已上报上级: the unit reported it as beyond its power (上报); the office decides (dispatch elsewhere, park, reject). */
	REPORTED_UPWARD,
	/** 挂账: a long-term item with a plan and a target date. */
	PARKED,
	/** 已销号: verified as fixed; re-checked later (回头看). */
	CLOSED,
	/** 不予立案: not a valid problem. */
	REJECTED,
	/** 已并单: a duplicate, merged into another problem that carries its reporters. */
	MERGED;

	/** The states in which a unit works on the problem against its deadline. */
	public static final Set<ProblemStatus> AT_UNIT = EnumSet.of(DISPATCHED, CLAIMED, REWORK);

	/** The states that end the loop (CLOSED may be reopened after a failed re-check). */
	public static final Set<ProblemStatus> FINISHED = EnumSet.of(CLOSED, REJECTED, MERGED);

	public boolean isOpen() {
		return !FINISHED.contains(this);
	}

	/** Whether the deadline runs against the unit in this state (overdue is possible only here). */
	public boolean isAtUnit() {
		return AT_UNIT.contains(this);
	}

	public String messageKey() {
		return "problem.status." + name();
	}
}

package org.chuangwen.problems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Role;
import org.chuangwen.problems.ProblemTransitions.Rule;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.RuleViolationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A problem (问题): a defect found at a place, routed to the unit that must fix it by a deadline, and followed until
 * it is verified and closed (DOMAIN §8). Its state changes only through the guarded verbs below; each checks the
 * {@link ProblemTransitions table} (state × action → roles → next state), where the actor stands (a unit only on
 * problems assigned to it, the office and inspectors only inside their jurisdiction), and the rules on marks and
 * inputs, and returns the problem as it is after the change.
 * <p>
 * Marks that do not change the state: an open <b>dispute</b> (the unit stays assigned, the clock keeps running until
 * the office arbitrates), a pending <b>extension request</b>, and <b>escalated</b> (set when the problem has been
 * reassigned between units more than twice).
 *
 * @param jurisdictionPath the path of the problem's jurisdiction node: whose office and inspectors cover it
 * @param clockStartedAt when the current deadline's clock started (dispatch, rework, reassignment, reopening)
 * @param bounces how many times the problem was moved from one unit to another
 * @param relapses how many times it was reopened after closing (反弹)
 * @param lastNote the latest note or reason given with a transition (the timeline keeps them all)
 * @param recheckDue when a closed problem is to be re-checked (回头看)
 */
public record Problem(UUID id, String number, String categoryCode, String description, UUID pointId, Double lat,
		Double lng, UUID jurisdictionId, String jurisdictionPath, UUID unitId, ProblemSource source,
		ProblemStatus status, Instant deadline, Instant clockStartedAt, String disputeReason, UUID disputeSuggestedUnitId,
		Instant extensionUntil, String extensionReason, boolean escalated, int bounces, int relapses, Instant parkedUntil,
		String parkPlan, UUID mergedInto, String lastNote, LocalDate recheckDue, Instant createdAt, UUID createdBy,
		Instant dispatchedAt, Instant claimedAt, Instant rectifiedAt, Instant closedAt, int version) {

	/** Longest description. */
	public static final int MAX_DESCRIPTION = 2000;

	/** Longest note or reason. */
	public static final int MAX_NOTE = 1000;

	/** A problem reassigned between units more than this many times is escalated. */
	public static final int BOUNCES_BEFORE_ESCALATION = 2;

	/** Overdue (逾期): at its unit with the deadline passed. */
	public boolean isOverdue(Instant now) {
		return status.isAtUnit() && deadline != null && now.isAfter(deadline);
	}

	public boolean hasOpenDispute() {
		return disputeReason != null;
	}

	public boolean hasPendingExtension() {
		return extensionUntil != null;
	}

	/** Whether the actor belongs to the unit the problem is assigned to. */
	public boolean isAssignedTo(Actor actor) {
		return actor != null && unitId != null && unitId.equals(actor.unitId()) && actor.hasAny(Role.UNIT_ADMIN, Role.UNIT_STAFF);
	}

	/** Whether the actor covers the problem's jurisdiction (office, inspectors, leaders, grid workers). */
	public boolean isCoveredBy(Actor actor) {
		return actor != null && actor.covers(jurisdictionPath);
	}

	/**
	 * Whether the action is open to this actor now (for showing buttons; the verbs check again, with the inputs).
	 */
	public boolean allows(Actor actor, ProblemAction action, Instant now) {
		var rule = ProblemTransitions.rule(status, action);
		if (rule.isEmpty() || !mayAct(actor, rule.get())) {
			return false;
		}
		return switch (action) {
			case DISPUTE -> !hasOpenDispute();
			case ARBITRATE -> hasOpenDispute();
			case EXTEND -> !hasPendingExtension() && (deadline == null || !now.isAfter(deadline));
			case APPROVE_EXTENSION, DENY_EXTENSION -> hasPendingExtension();
			default -> true;
		};
	}

	/**
	 * A new problem as intake records it. A report from a trusted source (the campaign's own people) is registered at
	 * once, and dispatched when routing found a unit (its deadline from the category's policy); any other report waits
	 * for the office as REPORTED. The unit is set only on dispatch: a unit never sees a problem not yet sent to it.
	 */
	static Problem intake(UUID id, String number, String categoryCode, String description, UUID pointId, Double lat,
			Double lng, UUID jurisdictionId, String jurisdictionPath, UUID routedUnit, ProblemSource source,
			DeadlinePolicy policy, UUID reporter, Instant now) {
		ProblemStatus status = !source.isTrusted() ? ProblemStatus.REPORTED
				: routedUnit == null ? ProblemStatus.REGISTERED : ProblemStatus.DISPATCHED;
		boolean dispatched = status == ProblemStatus.DISPATCHED;
		return new Problem(id, number, categoryCode, description, pointId, lat, lng, jurisdictionId, jurisdictionPath,
				dispatched ? routedUnit : null, source, status, dispatched ? policy.deadlineFrom(now) : null, dispatched ? now : null, null,
				null, null, null, false, 0, 0, null, null, null, null, null, now, reporter, dispatched ? now : null, null,
				null, null, 0);
	}

	// the verbs

	/** 立案: the office accepts a reported problem as valid. */
	public Problem register(Actor by, String note, Instant now) {
		Rule rule = guard(by, ProblemAction.REGISTER);
		return copy().status(rule.target(status, true)).lastNote(optionalText("note", note)).build();
	}

	/**
	 * 派遣: sends the problem to a unit with a deadline (the given one, else the category's from now). Moving it from
	 * one unit to another is a bounce; more than {@value #BOUNCES_BEFORE_ESCALATION} bounces escalate it.
	 */
	public Problem dispatch(Actor by, UUID toUnit, Instant explicitDeadline, DeadlinePolicy policy, Instant now) {
		Rule rule = guard(by, ProblemAction.DISPATCH);
		if (toUnit == null) {
			throw new InvalidInputException("unitId", "problem.dispatch.unitRequired");
		}
		if (explicitDeadline != null && !explicitDeadline.isAfter(now)) {
			throw new InvalidInputException("deadline", "problem.deadline.past");
		}
		Instant due = explicitDeadline != null ? explicitDeadline : policy.deadlineFrom(now);
		int moved = unitId != null && !unitId.equals(toUnit) ? bounces + 1 : bounces;
		return copy().status(rule.target(status, true))
			.unitId(toUnit)
			.deadline(due)
			.clockStartedAt(now)
			.dispatchedAt(now)
			.claimedAt(null)
			.bounces(moved)
			.escalated(escalated || moved > BOUNCES_BEFORE_ESCALATION)
			.clearDispute()
			.clearExtension()
			.parked(null, null)
			.build();
	}

	/** 签收 */
	public Problem claim(Actor by, Instant now) {
		Rule rule = guard(by, ProblemAction.CLAIM);
		return copy().status(rule.target(status, true)).claimedAt(now).build();
	}

	/** 整改完成: at least one after-photo (blob ids) is required; the note is optional. */
	public Problem rectify(Actor by, String note, List<UUID> afterPhotos, Instant now) {
		Rule rule = guard(by, ProblemAction.RECTIFY);
		if (afterPhotos == null || afterPhotos.isEmpty()) {
			throw new InvalidInputException("photos", "problem.rectify.photosRequired");
		}
		return copy().status(rule.target(status, true))
			.rectifiedAt(now)
			.lastNote(optionalText("note", note))
			.clearDispute()
			.clearExtension()
			.build();
	}

	/**
	 * 核查: pass closes the problem with a re-check date; fail (a reason is required) sends it back to the unit as
	 * rework with a new deadline.
	 */
	public Problem verify(Actor by, boolean pass, String note, DeadlinePolicy policy, LocalDate recheckOn, Instant now) {
		Rule rule = guard(by, ProblemAction.VERIFY);
		if (pass) {
			return copy().status(rule.target(status, true))
				.closedAt(now)
				.recheckDue(recheckOn)
				.lastNote(optionalText("note", note))
				.build();
		}
		String reason = requiredText("note", note);
		return copy().status(rule.target(status, false))
			.deadline(policy.deadlineFrom(now))
			.clockStartedAt(now)
			.rectifiedAt(null)
			.lastNote(reason)
			.build();
	}

	/** 不予立案, with a reason. */
	public Problem reject(Actor by, String reason, Instant now) {
		Rule rule = guard(by, ProblemAction.REJECT);
		return copy().status(rule.target(status, true)).lastNote(requiredText("reason", reason)).clearDispute().clearExtension().build();
	}

	/** 并单 into another open problem (never into itself, a finished one or one merged away). */
	public Problem mergeInto(Actor by, Problem target, Instant now) {
		Rule rule = guard(by, ProblemAction.MERGE);
		if (target == null) {
			throw new InvalidInputException("intoId", "problem.merge.targetRequired");
		}
		if (target.id().equals(id)) {
			throw new RuleViolationException("problem.merge.self");
		}
		if (!target.status().isOpen()) {
			throw new RuleViolationException("problem.merge.targetFinished", target.number());
		}
		return copy().status(rule.target(status, true)).mergedInto(target.id()).lastNote(target.number()).clearDispute().clearExtension().build();
	}

	/**
	 * 职责争议: the unit disputes responsibility (optionally naming the unit it thinks responsible). It stays assigned
	 * and its clock keeps running until the office arbitrates; one open dispute at a time.
	 */
	public Problem dispute(Actor by, String reason, UUID suggestedUnitId, Instant now) {
		Rule rule = guard(by, ProblemAction.DISPUTE);
		String text = requiredText("reason", reason);
		if (hasOpenDispute()) {
			throw new RuleViolationException("problem.dispute.pending");
		}
		return copy().status(rule.target(status, true)).dispute(text, suggestedUnitId).build();
	}

	/**
	 * 仲裁: the office decides the unit of a disputed problem. The same unit: the dispute is closed and nothing else
	 * changes. Another unit: a bounce; the problem is dispatched to it with a new deadline.
	 */
	public Problem arbitrate(Actor by, UUID decidedUnit, String note, DeadlinePolicy policy, Instant now) {
		Rule rule = guard(by, ProblemAction.ARBITRATE);
		if (!hasOpenDispute()) {
			throw new RuleViolationException("problem.arbitrate.noDispute");
		}
		if (decidedUnit == null) {
			throw new InvalidInputException("unitId", "problem.dispatch.unitRequired");
		}
		String text = requiredText("note", note);
		if (decidedUnit.equals(unitId)) {
			return copy().status(rule.target(status, false)).clearDispute().lastNote(text).build();
		}
		int moved = bounces + 1;
		return copy().status(rule.target(status, true))
			.unitId(decidedUnit)
			.deadline(policy.deadlineFrom(now))
			.clockStartedAt(now)
			.dispatchedAt(now)
			.claimedAt(null)
			.bounces(moved)
			.escalated(escalated || moved > BOUNCES_BEFORE_ESCALATION)
			.clearDispute()
			.clearExtension()
			.lastNote(text)
			.build();
	}

	/** 申请延期: the unit asks for a later deadline, with a reason, before the current deadline has passed. */
	public Problem requestExtension(Actor by, Instant until, String reason, Instant now) {
		Rule rule = guard(by, ProblemAction.EXTEND);
		String text = requiredText("reason", reason);
		if (until == null) {
			throw new InvalidInputException("until", "error.field.required");
		}
		if (deadline != null && now.isAfter(deadline)) {
			throw new RuleViolationException("problem.extend.afterDeadline");
		}
		if (hasPendingExtension()) {
			throw new RuleViolationException("problem.extend.pending");
		}
		if (deadline != null && !until.isAfter(deadline)) {
			throw new InvalidInputException("until", "problem.extend.notLater");
		}
		return copy().status(rule.target(status, true)).extension(until, text).build();
	}

	/** 批准延期: the requested date becomes the deadline. */
	public Problem approveExtension(Actor by, String note, Instant now) {
		Rule rule = guard(by, ProblemAction.APPROVE_EXTENSION);
		if (!hasPendingExtension()) {
			throw new RuleViolationException("problem.extension.none");
		}
		return copy().status(rule.target(status, true)).deadline(extensionUntil).clearExtension().lastNote(optionalText("note", note)).build();
	}

	/** 驳回延期, with a reason: the deadline stays. */
	public Problem denyExtension(Actor by, String reason, Instant now) {
		Rule rule = guard(by, ProblemAction.DENY_EXTENSION);
		if (!hasPendingExtension()) {
			throw new RuleViolationException("problem.extension.none");
		}
		return copy().status(rule.target(status, true)).clearExtension().lastNote(requiredText("reason", reason)).build();
	}

	/** 挂账: a long-term item with a plan and a target date (which becomes its deadline). */
	public Problem park(Actor by, Instant until, String plan, Instant now) {
		Rule rule = guard(by, ProblemAction.PARK);
		String text = requiredText("plan", plan);
		if (until == null) {
			throw new InvalidInputException("until", "error.field.required");
		}
		if (!until.isAfter(now)) {
			throw new InvalidInputException("until", "problem.deadline.past");
		}
		return copy().status(rule.target(status, true))
			.parked(until, text)
			.deadline(until)
			.clearDispute()
			.clearExtension()
			.lastNote(text)
			.build();
	}

	/** 重新打开 a closed problem, with a reason: a relapse (反弹); back to its unit with a new deadline. */
	public Problem reopen(Actor by, String reason, DeadlinePolicy policy, Instant now) {
		Rule rule = guard(by, ProblemAction.REOPEN);
		return relapse(rule.target(status, true), requiredText("reason", reason), policy, now);
	}

	/** 回头看: pass keeps the problem closed (the re-check is done); fail (a reason is required) reopens it as a relapse. */
	public Problem recheck(Actor by, boolean pass, String note, DeadlinePolicy policy, Instant now) {
		Rule rule = guard(by, ProblemAction.RECHECK);
		if (pass) {
			return copy().status(rule.target(status, true)).recheckDue(null).lastNote(optionalText("note", note)).build();
		}
		return relapse(rule.target(status, false), requiredText("note", note), policy, now);
	}

	private Problem relapse(ProblemStatus next, String reason, DeadlinePolicy policy, Instant now) {
		return copy().status(next)
			.relapses(relapses + 1)
			.deadline(policy.deadlineFrom(now))
			.clockStartedAt(now)
			.dispatchedAt(now)
			.claimedAt(null)
			.rectifiedAt(null)
			.closedAt(null)
			.recheckDue(null)
			.lastNote(reason)
			.build();
	}

	/** 上报: beyond the unit's power; the office decides what happens next. */
	public Problem reportUpward(Actor by, String reason, Instant now) {
		Rule rule = guard(by, ProblemAction.REPORT_UPWARD);
		return copy().status(rule.target(status, true)).lastNote(requiredText("reason", reason)).clearDispute().clearExtension().build();
	}

	// guards

	/**
	 * The rule for this action from the current state, if the actor may take it here: 422 when the state does not
	 * allow the action at all, 403 when it does but not for this actor (role, unit or jurisdiction).
	 */
	private Rule guard(Actor by, ProblemAction action) {
		Rule rule = ProblemTransitions.rule(status, action)
			.orElseThrow(() -> new RuleViolationException("problem.transition.illegal",
					new DefaultMessageSourceResolvable(new String[] { action.messageKey() }, action.apiName()),
					new DefaultMessageSourceResolvable(new String[] { status.messageKey() }, status.name())));
		if (!mayAct(by, rule)) {
			throw new ForbiddenException("problem.forbidden",
					new DefaultMessageSourceResolvable(new String[] { action.messageKey() }, action.apiName()));
		}
		return rule;
	}

	/** A unit role acts on problems assigned to its unit; every other role inside its jurisdiction. */
	private boolean mayAct(Actor by, Rule rule) {
		if (by == null) {
			return false;
		}
		for (Role role : rule.roles()) {
			if (!by.has(role)) {
				continue;
			}
			boolean here = Role.UNIT_ROLES.contains(role) ? unitId != null && unitId.equals(by.unitId()) : isCoveredBy(by);
			if (here) {
				return true;
			}
		}
		return false;
	}

	static String requiredText(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "problem.reason.required");
		}
		return optionalText(field, text);
	}

	static String optionalText(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > MAX_NOTE) {
			throw new InvalidInputException(field, "error.field.tooLong", MAX_NOTE);
		}
		return trimmed;
	}

	Builder copy() {
		return new Builder(this);
	}

	/** A changed copy; only the verbs (and intake) use it. */
	static final class Builder {

		private final Problem p;

		private UUID unitId;

		private ProblemStatus status;

		private Instant deadline;

		private Instant clockStartedAt;

		private String disputeReason;

		private UUID disputeSuggestedUnitId;

		private Instant extensionUntil;

		private String extensionReason;

		private boolean escalated;

		private int bounces;

		private int relapses;

		private Instant parkedUntil;

		private String parkPlan;

		private UUID mergedInto;

		private String lastNote;

		private LocalDate recheckDue;

		private Instant dispatchedAt;

		private Instant claimedAt;

		private Instant rectifiedAt;

		private Instant closedAt;

		Builder(Problem p) {
			this.p = p;
			unitId = p.unitId;
			status = p.status;
			deadline = p.deadline;
			clockStartedAt = p.clockStartedAt;
			disputeReason = p.disputeReason;
			disputeSuggestedUnitId = p.disputeSuggestedUnitId;
			extensionUntil = p.extensionUntil;
			extensionReason = p.extensionReason;
			escalated = p.escalated;
			bounces = p.bounces;
			relapses = p.relapses;
			parkedUntil = p.parkedUntil;
			parkPlan = p.parkPlan;
			mergedInto = p.mergedInto;
			lastNote = p.lastNote;
			recheckDue = p.recheckDue;
			dispatchedAt = p.dispatchedAt;
			claimedAt = p.claimedAt;
			rectifiedAt = p.rectifiedAt;
			closedAt = p.closedAt;
		}

		Builder unitId(UUID v) { unitId = v; return this; }
		Builder status(ProblemStatus v) { status = v; return this; }
		Builder deadline(Instant v) { deadline = v; return this; }
		Builder clockStartedAt(Instant v) { clockStartedAt = v; return this; }
		Builder dispute(String reason, UUID suggested) { disputeReason = reason; disputeSuggestedUnitId = suggested; return this; }
		Builder clearDispute() { return dispute(null, null); }
		Builder extension(Instant until, String reason) { extensionUntil = until; extensionReason = reason; return this; }
		Builder clearExtension() { return extension(null, null); }
		Builder escalated(boolean v) { escalated = v; return this; }
		Builder bounces(int v) { bounces = v; return this; }
		Builder relapses(int v) { relapses = v; return this; }
		Builder parked(Instant until, String plan) { parkedUntil = until; parkPlan = plan; return this; }
		Builder mergedInto(UUID v) { mergedInto = v; return this; }
		Builder lastNote(String v) { lastNote = v; return this; }
		Builder recheckDue(LocalDate v) { recheckDue = v; return this; }
		Builder dispatchedAt(Instant v) { dispatchedAt = v; return this; }
		Builder claimedAt(Instant v) { claimedAt = v; return this; }
		Builder rectifiedAt(Instant v) { rectifiedAt = v; return this; }
		Builder closedAt(Instant v) { closedAt = v; return this; }

		Problem build() {
			return new Problem(p.id, p.number, p.categoryCode, p.description, p.pointId, p.lat, p.lng, p.jurisdictionId,
					p.jurisdictionPath, unitId, p.source, status, deadline, clockStartedAt, disputeReason,
					disputeSuggestedUnitId, extensionUntil, extensionReason, escalated, bounces, relapses, parkedUntil,
					parkPlan, mergedInto, lastNote, recheckDue, p.createdAt, p.createdBy, dispatchedAt, claimedAt,
					rectifiedAt, closedAt, p.version);
		}
	}
}

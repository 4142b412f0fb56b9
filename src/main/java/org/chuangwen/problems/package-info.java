/**
 * Problems and rectification (DOMAIN §8): the problem taxonomy with default deadlines, intake (routing point → unit,
 * location → grid → unit, category → department; duplicate detection and merging that keeps every reporter), the
 * closed loop reported → registered → dispatched → claimed → rectified → verified/closed with its side paths (rework,
 * reject, merge, dispute and arbitration, extension, park, report upward, escalation after repeated bounces, re-check
 * and relapse), deadlines in working time with the SLA light, and a timeline of every transition.
 * <p>
 * The workflow rules live in {@link org.chuangwen.problems.ProblemTransitions} (who may do what from which state) and
 * {@link org.chuangwen.problems.Problem} (the guarded verbs). Other modules read problems through
 * {@link org.chuangwen.problems.ProblemDirectory} and listen to the past-tense events at this package's root.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problems",
		allowedDependencies = { "shared", "audit", "organisation", "criteria", "notifications", "blobs", "points" })
package org.chuangwen.problems;

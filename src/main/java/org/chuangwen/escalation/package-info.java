/**
 * The escalation ladder (督办, DOMAIN §8.1) for overdue problems: an overdue problem gets a copy notice (抄告单) to its
 * unit and the unit's main leader; still not fixed by that notice's deadline, a rectification order (整改通知书); still
 * not fixed, an admonition (约谈) with the unit's main leader, for which the unit uploads a written explanation.
 * <ul>
 * <li>{@link org.chuangwen.escalation.EscalationSweep}: the cluster-safe job that climbs the ladder (claims with
 * {@code FOR UPDATE SKIP LOCKED}, one notice per step per problem and cycle by a unique key). Closing a problem stops
 * its ladder; a problem reopened or relapsed (回头看 failed) that becomes overdue again climbs it again in a new cycle,
 * from the copy notice.</li>
 * <li>{@link org.chuangwen.escalation.NoticeDirectory}: the notices a caller may see (a unit its own, the office and
 * leaders those of their jurisdiction), also per problem for the problem's page ({@code /notices/for-problem/{id}}, an
 * htmx fragment: the problems module sits on a lower floor and cannot call this one).</li>
 * <li>{@link org.chuangwen.escalation.EscalationManagement}: a notice issued by hand by the campaign office, the
 * admonition's explanation.</li>
 * </ul>
 * Notices are numbered per year and kind without gaps (创文抄〔2026〕第017号), have a new deadline in working days and are
 * delivered as in-app notifications. Pages: {@code /notices}, {@code /notices/{id}}, {@code /notices/{id}/print}
 * (A4). API: {@code GET /api/v1/notices}, {@code GET /api/v1/notices/{id}},
 * {@code POST /api/v1/notices/{id}/explanation}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation",
		allowedDependencies = { "shared", "audit", "organisation", "points", "problems", "notifications", "blobs" })
package org.chuangwen.escalation;

package org.chuangwen.problems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.audit.AuditActor;

/**
 * A report from outside the campaign (a third-party app through Open311, later the citizens' page): no signed-in
 * account, a source that is not trusted (the problem waits in REPORTED for the office), an optional point or a
 * position, answers to the category's extra questions by question code.
 *
 * @param description may be blank: the category's name is then the description
 * @param withinPath the jurisdiction path the position must lie in (e.g. the API key's office), or {@code null}
 * @param reporterName how the reporter is listed for the office (an app's name, never shown to the handling unit)
 * @param by who the audit trail records as making the change
 */
public record OutsideReport(ProblemSource source, String categoryCode, String description, UUID pointId, Double lat,
		Double lng, String withinPath, String reporterName, Map<String, List<String>> answers, AuditActor by) {

	public OutsideReport {
		answers = answers == null ? Map.of() : Map.copyOf(answers);
	}
}

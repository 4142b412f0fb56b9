package org.chuangwen.inspections;

import java.util.List;

/** A round as its pages show it: the round, its teams, the points the viewer may see, and the shortfalls. */
public record RoundDetail(InspectionRound round, List<TeamMember> team, List<SampledPoint> points,
		List<Shortfall> shortfalls, String frameworkName, String samplingRuleName) {

	public RoundDetail {
		team = List.copyOf(team);
		points = List.copyOf(points);
		shortfalls = List.copyOf(shortfalls);
	}
}

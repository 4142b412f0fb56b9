package org.chuangwen.escalation;

import org.chuangwen.problems.ProblemClosed;
import org.chuangwen.problems.ProblemRejected;
import org.chuangwen.problems.ProblemRelapsed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stops a problem's ladder as soon as the problems module reports it closed, rejected or merged (after that
 * transaction committed; the event publication registry keeps the event until this has run). The sweep checks the
 * same at each problem's next look, so a missed event only delays the stop. A relapse (reopened, or a failed re-check)
 * also ends the cycle it may still be on (when its closing was not seen yet), so that once overdue again the problem
 * climbs the ladder afresh from the copy notice, in a new cycle.
 */
@Component
class ProblemEvents {

	private final LadderStops stops;

	ProblemEvents(LadderStops stops) {
		this.stops = stops;
	}

	@ApplicationModuleListener
	void on(ProblemClosed event) {
		stops.stop(event.problemId(), "CLOSED", event.closedAt());
	}

	@ApplicationModuleListener
	void on(ProblemRejected event) {
		stops.stop(event.problemId(), event.mergedInto() == null ? "REJECTED" : "MERGED", event.at());
	}

	@ApplicationModuleListener
	void on(ProblemRelapsed event) {
		stops.stop(event.problemId(), "REOPENED", event.at());
	}
}

package org.chuangwen.demo;

import java.time.Clock;

import org.chuangwen.escalation.EscalationSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's escalation ladder: one sweep when the demo is loaded, after its problems (order 60), so the overdue
 * ones already carry copy notices (抄告单) and the units see them on /notices. Nothing is issued when no demo problem
 * is overdue.
 */
@Component
class EscalationDemo implements DemoStep {

	private static final Logger log = LoggerFactory.getLogger(EscalationDemo.class);

	private final EscalationSweep sweep;

	private final Clock clock;

	EscalationDemo(EscalationSweep sweep, Clock clock) {
		this.sweep = sweep;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void load(DemoContext context) {
		EscalationSweep.Outcome outcome = sweep.sweep(clock.instant());
		log.info("Demo escalation: {} notices issued", outcome.notices());
	}
}

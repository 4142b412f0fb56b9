package org.chuangwen.tasks;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drafts the reports that are due, every few minutes on every instance ({@code chuangwen.reports.drafting.every},
 * PT5M). Safe to run anywhere at once: a unit's report for a day is inserted with {@code ON CONFLICT DO NOTHING} on
 * (unit, report day), and only the transaction whose insert went in audits it and hands its deadline to the ladder.
 */
@Component
class WeeklyReportJob {

	private static final Logger log = LoggerFactory.getLogger(WeeklyReportJob.class);

	private final WeeklyReportManagement management;

	private final Clock clock;

	WeeklyReportJob(WeeklyReportManagement management, Clock clock) {
		this.management = management;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${chuangwen.reports.drafting.every:PT5M}", initialDelayString = "PT30S")
	void scheduled() {
		try {
			int drafted = management.draftDue(clock.instant());
			if (drafted > 0) {
				log.info("Drafted {} unit reports", drafted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Report drafting failed; the next run tries again", ex);
		}
	}
}

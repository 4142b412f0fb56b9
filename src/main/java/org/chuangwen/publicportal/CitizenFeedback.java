package org.chuangwen.publicportal;

import java.util.Set;

import org.chuangwen.notifications.NotificationCentre;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.problems.ProblemTransitioned;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a citizen who left a mobile number when their report is settled: registered (受理), closed (办结, with the
 * invitation to rate), not accepted, parked with a plan, or merged into another report. Runs after the transition
 * commits, in its own transaction; each state is told once (the event may be delivered again after a crash).
 */
@Component
class CitizenFeedback {

	static final Set<ProblemStatus> TOLD = Set.of(ProblemStatus.REGISTERED, ProblemStatus.DISPATCHED,
			ProblemStatus.CLOSED, ProblemStatus.REJECTED, ProblemStatus.PARKED, ProblemStatus.MERGED);

	private final CitizenReportRepository repository;

	private final NotificationCentre notifications;

	private final MessageSource messages;

	private final String publicUrl;

	CitizenFeedback(CitizenReportRepository repository, NotificationCentre notifications, MessageSource messages,
			@Value("${chuangwen.public.url:}") String publicUrl) {
		this.repository = repository;
		this.notifications = notifications;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(ProblemTransitioned event) {
		if (!TOLD.contains(event.to())) {
			return;
		}
		// registration is followed by the dispatch in the same breath; one message for "accepted" is enough
		String told = event.to() == ProblemStatus.DISPATCHED ? ProblemStatus.REGISTERED.name() : event.to().name();
		repository.byProblem(event.problemId()).ifPresent(report -> {
			if (report.contactMobile() == null || told.equals(report.notifiedStatus())
					|| (ProblemStatus.REGISTERED.name().equals(told) && report.notifiedStatus() != null)) {
				return;
			}
			if (!repository.markNotified(event.problemId(), told)) {
				return;
			}
			String link = publicUrl + "/public/track/" + report.trackingCode();
			String body = messages.getMessage("public.sms." + told, new Object[] { report.trackingCode(), link },
					java.util.Locale.SIMPLIFIED_CHINESE);
			notifications.textToMobile(report.contactName() == null ? "市民" : report.contactName(),
					report.contactMobile(), body);
		});
	}
}

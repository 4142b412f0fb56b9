package org.chuangwen.escalation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stops a problem's ladder once it was closed, rejected or merged: no further step is issued, the problem is marked
 * stopped on its pending notices, and a notice whose every problem is settled becomes resolved (or superseded when
 * one of them had gone on to the next step).
 */
@Component
class LadderStops {

	private final NoticeRepository repository;

	private final AuditTrail audit;

	LadderStops(NoticeRepository repository, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
	}

	/** Answers whether the problem was on the ladder and is stopped now (false when it was not, or already was). */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean stop(UUID problemId, String reason, Instant at) {
		Instant now = at.truncatedTo(ChronoUnit.MICROS);
		if (repository.stop(problemId, reason, now).isEmpty()) {
			return false;
		}
		List<UUID> notices = new ArrayList<>();
		for (NoticeKind kind : NoticeKind.values()) {
			notices.addAll(repository.markOutcome(List.of(problemId), kind, "STOPPED"));
		}
		for (NoticeRepository.Settled s : repository.settle(notices, now)) {
			audit.record("notice.settled", "notice", s.id(), Map.of("state", s.before().name()),
					Map.of("state", s.state().name(), "number", s.number()), reason);
		}
		return true;
	}
}

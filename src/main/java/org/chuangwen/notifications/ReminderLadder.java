package org.chuangwen.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.chuangwen.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadlines the ladder watches. Modules call {@link #track} when a deadline is set or moved and {@link #settle}
 * when it is met (or no longer applies), inside the transaction that makes that change, so the ladder never
 * reminds anyone of something already done. Moving a deadline starts its ladder again.
 */
@Service
public class ReminderLadder {

	private final JdbcClient jdbc;

	private final Clock clock;

	ReminderLadder(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void track(TrackedDeadline deadline) {
		new Validation().required("subjectType", deadline.subjectType())
			.required("subjectId", deadline.subjectId())
			.required("title", deadline.title())
			.maxLength("title", deadline.title(), 300)
			.required("unitId", deadline.unitId())
			.required("dueAt", deadline.dueAt())
			.throwIfInvalid();
		ReminderLeadTimes lead = deadline.leadTimes();
		jdbc.sql("""
				insert into tracked_deadline (subject_type, subject_id, title, unit_id, due_at, responsible_leader_id,
				                              settled_at, tracked_at, generation, liaison_lead_minutes, head_lead_minutes,
				                              leader_lead_minutes)
				values (:type, :id, :title, :unit, :due, :leader, null, :now, 1, :liaisonLead, :headLead, :leaderLead)
				on conflict (subject_type, subject_id) do update
				set title = excluded.title, unit_id = excluded.unit_id, responsible_leader_id = excluded.responsible_leader_id,
				    liaison_lead_minutes = excluded.liaison_lead_minutes, head_lead_minutes = excluded.head_lead_minutes,
				    leader_lead_minutes = excluded.leader_lead_minutes,
				    settled_at = null, tracked_at = excluded.tracked_at,
				    generation = case when tracked_deadline.due_at = excluded.due_at and tracked_deadline.settled_at is null
				                      then tracked_deadline.generation else tracked_deadline.generation + 1 end,
				    due_at = excluded.due_at
				""")
			.param("type", deadline.subjectType())
			.param("id", deadline.subjectId())
			.param("title", deadline.title())
			.param("unit", deadline.unitId())
			.param("due", deadline.dueAt().atOffset(ZoneOffset.UTC))
			.param("leader", deadline.responsibleLeaderId())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("liaisonLead", lead == null ? null : lead.liaison().toMinutes())
			.param("headLead", lead == null ? null : lead.head().toMinutes())
			.param("leaderLead", lead == null ? null : lead.leader().toMinutes())
			.update();
	}

	/** The deadline was met or no longer applies: no more reminders, and it leaves the accountability list. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void settle(String subjectType, String subjectId) {
		jdbc.sql("""
				update tracked_deadline set settled_at = :now
				where subject_type = :type and subject_id = :id and settled_at is null
				""")
			.param("type", subjectType)
			.param("id", subjectId)
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

	/** When the subject falls due, if it is tracked and not settled. */
	@Transactional(readOnly = true)
	public Optional<Instant> openDeadline(String subjectType, String subjectId) {
		return jdbc.sql("select due_at from tracked_deadline where subject_type = :type and subject_id = :id and settled_at is null")
			.param("type", subjectType)
			.param("id", subjectId)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.optional();
	}
}

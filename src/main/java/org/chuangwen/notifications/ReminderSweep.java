package org.chuangwen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Climbs the reminder ladder for every open tracked deadline. Runs every minute on every instance, and is safe to:
 * <ul>
 * <li>deadlines are claimed in batches with {@code FOR UPDATE SKIP LOCKED}, so two instances work on different
 * deadlines at the same time;</li>
 * <li>a step is taken by inserting its row into {@code reminder_sent} (primary key subject, generation, step) with
 * {@code ON CONFLICT DO NOTHING} in the same transaction as its notifications: only the transaction whose insert
 * went in notifies, so each step fires exactly once, across instances and restarts;</li>
 * <li>a step whose time passed while no instance ran fires once on the next run; every step that is due and not yet
 * taken fires (the liaison, the head and the leader are different people and each should know);</li>
 * <li>a moved deadline has a new generation, so its ladder starts again; a settled deadline is never selected.</li>
 * </ul>
 * A step without anybody to tell (no liaison, no head, no leader recorded) is taken all the same, marked
 * {@code recipient_missing}, and its notification goes to the unit's UNIT_ADMIN accounts so it is not lost.
 */
@Service
public class ReminderSweep {

	private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

	static final int BATCH = 100;

	private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

	private record Open(String subjectType, String subjectId, String title, UUID unitId, Instant dueAt,
			UUID leaderId, int generation, ReminderLeadTimes leadTimes) {
	}

	private record Cursor(Instant dueAt, String subjectType, String subjectId) {
	}

	private record BatchResult(int selected, int fired, Cursor last) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ReminderSettings settings;

	private final OrganisationDirectory organisation;

	private final Recipients recipients;

	private final NotificationCentre centre;

	private final OutboundDelivery outbound;

	private final MessageSource messages;

	private final Clock clock;

	ReminderSweep(JdbcClient jdbc, TransactionTemplate transactions, ReminderSettings settings,
			OrganisationDirectory organisation, Recipients recipients, NotificationCentre centre,
			OutboundDelivery outbound, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
		this.organisation = organisation;
		this.recipients = recipients;
		this.centre = centre;
		this.outbound = outbound;
		this.messages = messages;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${chuangwen.notifications.sweep.every:PT1M}", initialDelayString = "PT15S")
	void scheduled() {
		try {
			sweep(clock.instant());
		}
		catch (RuntimeException ex) {
			log.warn("Reminder sweep failed; the next run picks up where it stopped", ex);
		}
	}

	/** Takes every ladder step due at {@code now}; answers how many steps fired. */
	public int sweep(Instant now) {
		Instant horizon = now.plus(Duration.ofDays(Math.max(settings.horizonDays(), ReminderLeadTimes.MAX.toDays())));
		Cursor after = new Cursor(BEGINNING, "", "");
		int fired = 0;
		while (true) {
			Cursor from = after;
			BatchResult result = transactions.execute(tx -> sweepBatch(now, horizon, from));
			fired += result.fired();
			if (result.selected() < BATCH) {
				return fired;
			}
			after = result.last();
		}
	}

	private BatchResult sweepBatch(Instant now, Instant horizon, Cursor after) {
		List<Open> open = jdbc.sql("""
				select d.subject_type, d.subject_id, d.title, d.unit_id, d.due_at, d.responsible_leader_id, d.generation,
				       d.liaison_lead_minutes, d.head_lead_minutes, d.leader_lead_minutes
				from tracked_deadline d
				where d.settled_at is null and d.due_at <= :horizon
				  and (d.due_at, d.subject_type, d.subject_id) > (:afterDue, :afterType, :afterId)
				  and not exists (select 1 from reminder_sent s
				                  where s.subject_type = d.subject_type and s.subject_id = d.subject_id
				                    and s.generation = d.generation and s.step = 'OVERDUE')
				order by d.due_at, d.subject_type, d.subject_id
				limit :batch
				for update of d skip locked
				""")
			.param("horizon", horizon.atOffset(ZoneOffset.UTC))
			.param("afterDue", after.dueAt().atOffset(ZoneOffset.UTC))
			.param("afterType", after.subjectType())
			.param("afterId", after.subjectId())
			.param("batch", BATCH)
			.query((rs, n) -> new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
					rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, UUID.class), rs.getInt(7),
					leadTimes(rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class))))
			.list();
		int fired = 0;
		Map<UUID, ReminderOffsets> offsetsByNode = new HashMap<>();
		for (Open d : open) {
			Optional<Unit> unit = organisation.unit(d.unitId());
			ReminderOffsets offsets = offsetsByNode.computeIfAbsent(unit.map(Unit::jurisdictionId).orElse(null),
					settings::offsetsFor);
			Set<ReminderStep> taken = taken(d);
			for (ReminderStep step : ReminderStep.values()) {
				boolean due = d.leadTimes() != null ? isDue(step, d.leadTimes(), d.dueAt(), now)
						: isDue(step, offsets, d.dueAt(), now);
				if (!taken.contains(step) && due && fire(d, unit, step, now)) {
					fired++;
				}
			}
		}
		Cursor last = open.isEmpty() ? after
				: new Cursor(open.get(open.size() - 1).dueAt(), open.get(open.size() - 1).subjectType(),
						open.get(open.size() - 1).subjectId());
		return new BatchResult(open.size(), fired, last);
	}

	static boolean isDue(ReminderStep step, ReminderOffsets offsets, Instant dueAt, Instant now) {
		return step == ReminderStep.OVERDUE ? now.isAfter(dueAt) : !now.isBefore(offsets.firesAt(step, dueAt));
	}

	/** A deadline's own lead times, when it was tracked with them (a weekly report due hours after its draft). */
	static boolean isDue(ReminderStep step, ReminderLeadTimes leadTimes, Instant dueAt, Instant now) {
		return step == ReminderStep.OVERDUE ? now.isAfter(dueAt) : !now.isBefore(leadTimes.firesAt(step, dueAt));
	}

	private static ReminderLeadTimes leadTimes(Integer liaison, Integer head, Integer leader) {
		if (liaison == null || head == null || leader == null) {
			return null;
		}
		return new ReminderLeadTimes(Duration.ofMinutes(liaison), Duration.ofMinutes(head), Duration.ofMinutes(leader));
	}

	private Set<ReminderStep> taken(Open d) {
		Set<ReminderStep> steps = EnumSet.noneOf(ReminderStep.class);
		jdbc.sql("""
				select step from reminder_sent where subject_type = :type and subject_id = :id and generation = :generation
				""")
			.param("type", d.subjectType())
			.param("id", d.subjectId())
			.param("generation", d.generation())
			.query(String.class)
			.list()
			.forEach(s -> steps.add(ReminderStep.valueOf(s)));
		return steps;
	}

	/** Takes one step: records it (once, whoever is first) and notifies. Answers whether this call took it. */
	private boolean fire(Open d, Optional<Unit> unit, ReminderStep step, Instant now) {
		List<Person> people = people(d, unit, step);
		int inserted = jdbc.sql("""
				insert into reminder_sent (subject_type, subject_id, generation, step, due_at, fired_at,
				                           recipient_person_id, recipient_missing)
				values (:type, :id, :generation, :step, :due, :now, :person, :missing)
				on conflict do nothing
				""")
			.param("type", d.subjectType())
			.param("id", d.subjectId())
			.param("generation", d.generation())
			.param("step", step.name())
			.param("due", d.dueAt().atOffset(ZoneOffset.UTC))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("person", people.isEmpty() ? null : people.get(0).id())
			.param("missing", people.isEmpty())
			.update();
		if (inserted == 0) {
			return false;
		}
		String unitName = unit.map(Unit::name).orElse(null);
		NotificationCentre.NewNotification notification = new NotificationCentre.NewNotification(step.name(),
				d.subjectType(), d.subjectId(), d.title(), unitName, d.dueAt(), link(d));
		String body = messages.getMessage("notifications.kind." + step.name(),
				new Object[] { d.title(), unitName == null ? "" : unitName, dueText(d.dueAt()) }, Locale.SIMPLIFIED_CHINESE);
		Set<UUID> accounts = new LinkedHashSet<>();
		for (Person person : people) {
			List<UUID> own = recipients.accountsOfPerson(person.id());
			List<UUID> reached = own.isEmpty()
					? recipients.unitAdmins(person.unitId() != null ? person.unitId() : d.unitId()) : own;
			UUID first = null;
			for (UUID account : reached) {
				if (accounts.add(account)) {
					UUID id = centre.post(account, notification, now);
					first = first == null ? id : first;
				}
			}
			outbound.enqueue(first, person.id(), person.name(), person.mobile(), body, now);
		}
		if (people.isEmpty()) {
			log.warn("Reminder {} for {} {} has nobody to go to (unit {}): recorded, sent to the unit's admins", step,
					d.subjectType(), d.subjectId(), d.unitId());
			for (UUID account : recipients.unitAdmins(d.unitId())) {
				if (accounts.add(account)) {
					centre.post(account, notification, now);
				}
			}
		}
		jdbc.sql("""
				update reminder_sent set notified_accounts = :count
				where subject_type = :type and subject_id = :id and generation = :generation and step = :step
				""")
			.param("count", accounts.size())
			.param("type", d.subjectType())
			.param("id", d.subjectId())
			.param("generation", d.generation())
			.param("step", step.name())
			.update();
		return true;
	}

	private List<Person> people(Open d, Optional<Unit> unit, ReminderStep step) {
		List<UUID> ids = new ArrayList<>();
		switch (step) {
			case LIAISON -> unit.map(Unit::liaisonId).ifPresent(ids::add);
			case HEAD -> unit.map(Unit::mainLeaderId).ifPresent(ids::add);
			case LEADER -> {
				if (d.leaderId() != null) {
					ids.add(d.leaderId());
				}
			}
			case OVERDUE -> {
				unit.map(Unit::liaisonId).ifPresent(ids::add);
				unit.map(Unit::mainLeaderId).filter(id -> !ids.contains(id)).ifPresent(ids::add);
			}
		}
		return ids.stream().map(organisation::person).flatMap(Optional::stream).filter(Person::active).toList();
	}

	private String dueText(Instant dueAt) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(dueAt.atZone(zone()));
	}

	private ZoneId zone() {
		return clock.getZone();
	}

	/** Where the subject lives: tasks at /tasks/{id}; other kinds as their modules publish pages. */
	static String link(String subjectType, String subjectId) {
		return switch (subjectType) {
			case "task" -> "/tasks/" + subjectId;
			case "problem" -> "/problems/" + subjectId;
			case "WEEKLY_REPORT" -> "/reports/" + subjectId;
			default -> null;
		};
	}

	private static String link(Open d) {
		return link(d.subjectType(), d.subjectId());
	}
}

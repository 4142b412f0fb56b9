package org.chuangwen.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory.UnitSummary;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The countdown to the assessment (倒计时, DOMAIN §5): each campaign's assessment date, set by its campaign office
 * (audited), a daily schedule of what must be done, and — for the office and leader home pages — the days left and,
 * per day, what is still open: tracked deadlines of the caller's units falling due before the assessment, and the
 * schedule items of that day.
 */
@Service
public class Countdown {

	/** A campaign with its assessment date (null when not set) and whether the caller may set it. */
	public record CampaignDate(Campaign campaign, LocalDate assessmentDate, int version, boolean mayEdit,
			List<ScheduleItem> schedule) {
	}

	public record ScheduleItem(UUID id, LocalDate day, String description) {
	}

	/** An open deadline on a day of the countdown. */
	public record DueItem(String title, String unitName, Instant dueAt, String link) {
	}

	/** One day of the countdown with what falls due on it. */
	public record Day(LocalDate date, long daysBeforeAssessment, List<DueItem> deadlines, List<String> schedule) {
	}

	/** The home-page panel: the nearest assessment visible to the caller. */
	public record Panel(UUID campaignId, String campaignName, LocalDate assessmentDate, long daysLeft, long overdue,
			long openBeforeAssessment, List<Day> days, int moreDays) {
	}

	/** How many days (with something open) the panel lists; the rest are counted. */
	static final int PANEL_DAYS = 7;

	private final JdbcClient jdbc;

	private final CriteriaDirectory criteria;

	private final Accountability accountability;

	private final AuditTrail audit;

	private final Clock clock;

	Countdown(JdbcClient jdbc, CriteriaDirectory criteria, Accountability accountability, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.criteria = criteria;
		this.accountability = accountability;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whole days from {@code today} to the assessment: 0 on the day itself, negative once it is past. */
	public static long daysUntil(LocalDate today, LocalDate assessment) {
		return ChronoUnit.DAYS.between(today, assessment);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** The campaigns the caller reads, with their assessment dates and schedules. */
	@Transactional(readOnly = true)
	public List<CampaignDate> campaignDates(Actor actor) {
		List<CampaignDate> result = new ArrayList<>();
		for (Campaign c : criteria.campaigns(actor, PageRequest.of(0, PageRequest.MAX_SIZE)).items()) {
			result.add(campaignDate(actor, c));
		}
		return result;
	}

	private CampaignDate campaignDate(Actor actor, Campaign c) {
		record Row(LocalDate date, int version) {
		}
		Optional<Row> row = jdbc.sql("select assessment_date, version from assessment_schedule where campaign_id = :id")
			.param("id", c.id())
			.query((rs, n) -> new Row(rs.getObject(1, LocalDate.class), rs.getInt(2)))
			.optional();
		List<ScheduleItem> items = jdbc.sql("""
				select id, day, description from assessment_schedule_item where campaign_id = :id order by day, description
				""")
			.param("id", c.id())
			.query((rs, n) -> new ScheduleItem(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getString(3)))
			.list();
		return new CampaignDate(c, row.map(Row::date).orElse(null), row.map(Row::version).orElse(-1),
				(actor == null || actor.isOfficeAdmin()) && criteria.mayEdit(actor, c), items);
	}

	/**
	 * Sets a campaign's assessment date (not in the past). {@code version} is the one the form showed, -1 when no date
	 * was set; a concurrent change is refused with 409. Audited.
	 */
	@Transactional
	public void setAssessmentDate(Actor actor, UUID campaignId, LocalDate date, int version) {
		CampaignDate current = editable(actor, campaignId);
		new Validation().required("assessmentDate", date)
			.check(date == null || !date.isBefore(today()), "assessmentDate", "notifications.assessment.past")
			.throwIfInvalid();
		int changed = version < 0 ? jdbc.sql("""
				insert into assessment_schedule (campaign_id, assessment_date) values (:id, :date)
				on conflict (campaign_id) do nothing
				""").param("id", campaignId).param("date", date).update()
				: jdbc.sql("""
						update assessment_schedule set assessment_date = :date, version = version + 1
						where campaign_id = :id and version = :version
						""").param("id", campaignId).param("date", date).param("version", version).update();
		if (changed == 0) {
			throw ConflictException.staleVersion("assessmentSchedule");
		}
		audit.record("assessment.date.set", "campaign", campaignId,
				current.assessmentDate() == null ? null : Map.of("assessmentDate", current.assessmentDate().toString()),
				Map.of("assessmentDate", date.toString()), null);
	}

	/** Adds an item to the daily schedule, on a day between today and the assessment. Audited. */
	@Transactional
	public UUID addScheduleItem(Actor actor, UUID campaignId, LocalDate day, String description) {
		CampaignDate current = editable(actor, campaignId);
		new Validation().check(current.assessmentDate() != null, "day", "notifications.schedule.noDate")
			.required("day", day)
			.required("description", description)
			.maxLength("description", description, 300)
			.check(day == null || !day.isBefore(today()), "day", "notifications.assessment.past")
			.check(day == null || current.assessmentDate() == null || !day.isAfter(current.assessmentDate()), "day",
					"notifications.schedule.afterAssessment")
			.throwIfInvalid();
		UUID id = Ids.newId(clock);
		jdbc.sql("""
				insert into assessment_schedule_item (id, campaign_id, day, description) values (:id, :campaign, :day, :text)
				""")
			.param("id", id)
			.param("campaign", campaignId)
			.param("day", day)
			.param("text", description.strip())
			.update();
		audit.record("assessment.schedule.add", "campaign", campaignId, null,
				Map.of("day", day.toString(), "description", description.strip()), null);
		return id;
	}

	@Transactional
	public void removeScheduleItem(Actor actor, UUID campaignId, UUID itemId) {
		CampaignDate current = editable(actor, campaignId);
		ScheduleItem item = current.schedule()
			.stream()
			.filter(i -> i.id().equals(itemId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("scheduleItem", itemId));
		jdbc.sql("delete from assessment_schedule_item where id = :id").param("id", itemId).update();
		audit.record("assessment.schedule.remove", "campaign", campaignId,
				Map.of("day", item.day().toString(), "description", item.description()), null, null);
	}

	private CampaignDate editable(Actor actor, UUID campaignId) {
		Campaign campaign = criteria.campaign(actor, campaignId);
		CampaignDate current = campaignDate(actor, campaign);
		if (!current.mayEdit()) {
			throw new ForbiddenException();
		}
		return current;
	}

	/** The history of a campaign's assessment date and schedule. */
	@Transactional(readOnly = true)
	public List<org.chuangwen.audit.AuditEvent> history(Actor actor, UUID campaignId) {
		criteria.campaign(actor, campaignId);
		return audit.historyOf("campaign", campaignId, 50)
			.stream()
			.filter(e -> e.action().startsWith("assessment."))
			.toList();
	}

	/** The panel for the caller's home page: the nearest assessment still ahead, or nothing if none is set. */
	@Transactional(readOnly = true)
	public Optional<Panel> panel(Actor actor) {
		LocalDate today = today();
		Optional<CampaignDate> next = campaignDates(actor).stream()
			.filter(c -> c.assessmentDate() != null && !c.assessmentDate().isBefore(today))
			.min(Comparator.comparing(CampaignDate::assessmentDate));
		if (next.isEmpty()) {
			return Optional.empty();
		}
		CampaignDate c = next.get();
		Map<UUID, UnitSummary> units = accountability.unitsInScope(actor, null);
		UUID[] ids = units.keySet().toArray(UUID[]::new);
		Instant now = clock.instant();
		Instant end = c.assessmentDate().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		TreeMap<LocalDate, List<DueItem>> byDay = new TreeMap<>();
		jdbc.sql("""
				select subject_type, subject_id, title, unit_id, due_at from tracked_deadline
				where settled_at is null and due_at >= :now and due_at < :end and unit_id = any(:units)
				order by due_at, title
				limit 2000
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("end", end.atOffset(ZoneOffset.UTC))
			.param("units", ids)
			.query((rs, n) -> {
				Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
				UnitSummary unit = units.get(rs.getObject("unit_id", UUID.class));
				return new DueItem(rs.getString("title"), unit == null ? null : unit.unit().name(), due,
						ReminderSweep.link(rs.getString("subject_type"), rs.getString("subject_id")));
			})
			.list()
			.forEach(item -> byDay.computeIfAbsent(LocalDate.ofInstant(item.dueAt(), clock.getZone()),
					d -> new ArrayList<>()).add(item));
		long open = byDay.values().stream().mapToLong(List::size).sum();
		TreeMap<LocalDate, List<String>> schedule = new TreeMap<>();
		c.schedule()
			.stream()
			.filter(i -> !i.day().isBefore(today))
			.forEach(i -> schedule.computeIfAbsent(i.day(), d -> new ArrayList<>()).add(i.description()));
		java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(byDay.keySet());
		dates.addAll(schedule.keySet());
		List<Day> days = dates.stream()
			.limit(PANEL_DAYS)
			.map(d -> new Day(d, daysUntil(d, c.assessmentDate()), byDay.getOrDefault(d, List.of()),
					schedule.getOrDefault(d, List.of())))
			.toList();
		long overdue = jdbc.sql("""
				select count(*) from tracked_deadline where settled_at is null and due_at < :now and unit_id = any(:units)
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("units", ids)
			.query(Long.class)
			.single();
		return Optional.of(new Panel(c.campaign().id(), c.campaign().name(), c.assessmentDate(),
				daysUntil(today, c.assessmentDate()), overdue, open, days, Math.max(0, dates.size() - PANEL_DAYS)));
	}
}

package org.chuangwen.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The city's working-time calendar (DOMAIN §8 "Deadlines in working hours/days"): the one place every deadline and SLA
 * percentage is computed. The arithmetic is {@link WorkingTime}'s; this bean feeds it the configuration and the marked
 * days of the {@code calendar_day} table.
 * <p>
 * Configuration ({@code chuangwen.calendar.*}):
 * <ul>
 * <li>{@code zone}: the city's time zone, default {@code chuangwen.time-zone} (Asia/Shanghai)</li>
 * <li>{@code working-hours}: the working periods of a day, default {@code 08:30-12:00,13:30-17:30} (7.5 h per day, the
 * usual hours of a Chinese government office)</li>
 * <li>{@code refresh}: how long a loaded calendar is trusted, default 5 minutes. An edit through this bean invalidates
 * this instance's copy when its transaction commits; other instances of a cluster see it within this time.</li>
 * </ul>
 * Marked days are edited only through {@link #mark} and {@link #unmark}, inside the caller's transaction, which records
 * the change in the audit trail (the system module's {@code CalendarAdministration} does).
 */
@Service
public class WorkingCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	/** The years a marked day may lie in. */
	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	public static final int MAX_NAME = 50;

	private record Snapshot(WorkingTime time, long loadedAt, long generation) {
	}

	/** What an edit changed: the day before (absent when it was unmarked) and after (absent when unmarked now). */
	public record Change(Optional<CalendarDay> before, Optional<CalendarDay> after) {
	}

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final List<WorkingTime.Period> periods;

	private final long refreshNanos;

	private final Object loading = new Object();

	private volatile Snapshot snapshot;

	private volatile long generation;

	WorkingCalendar(JdbcClient jdbc,
			@Value("${chuangwen.calendar.zone:${chuangwen.time-zone:Asia/Shanghai}}") String zone,
			@Value("${chuangwen.calendar.working-hours:08:30-12:00,13:30-17:30}") String workingHours,
			@Value("${chuangwen.calendar.refresh:PT5M}") Duration refresh) {
		this.jdbc = jdbc;
		try {
			this.zone = ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new IllegalStateException("chuangwen.calendar.zone '" + zone + "' is not a time zone", ex);
		}
		try {
			this.periods = WorkingTime.parsePeriods(workingHours);
			new WorkingTime(this.zone, periods, Map.of()); // checks order and overlaps at start
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("chuangwen.calendar.working-hours: " + ex.getMessage(), ex);
		}
		this.refreshNanos = refresh.toNanos();
	}

	public ZoneId zone() {
		return zone;
	}

	public List<WorkingTime.Period> periods() {
		return periods;
	}

	/** The working time of one working day. */
	public Duration dayLength() {
		return current().dayLength();
	}

	public boolean isWorkingDay(LocalDate day) {
		return current().isWorkingDay(day);
	}

	public boolean isWorkingTime(Instant instant) {
		return current().isWorkingTime(instant);
	}

	/** The instant at which {@code hours} working hours have elapsed after {@code start}. */
	public Instant addWorkingHours(Instant start, long hours) {
		return current().addWorkingHours(start, hours);
	}

	/** {@code days} × one working day of working time after {@code start}. */
	public Instant addWorkingDays(Instant start, int days) {
		return current().addWorkingDays(start, days);
	}

	public Instant addWorking(Instant start, Duration amount) {
		return current().addWorking(start, amount);
	}

	/** Working time elapsed in {@code [a, b)}; negative when {@code b} is before {@code a}. */
	public Duration workingDurationBetween(Instant a, Instant b) {
		return current().workingDurationBetween(a, b);
	}

	/** The share of a deadline's working time used at {@code now}; see {@link WorkingTime#elapsedShare}. */
	public double elapsedShare(Instant start, Instant deadline, Instant now) {
		return current().elapsedShare(start, deadline, now);
	}

	/** The rules in force now, for callers that compute many deadlines at once (one consistent view). */
	public WorkingTime current() {
		Snapshot s = snapshot;
		if (s != null && s.generation() == generation && System.nanoTime() - s.loadedAt() < refreshNanos) {
			return s.time();
		}
		synchronized (loading) {
			s = snapshot;
			long wanted = generation;
			if (s != null && s.generation() == wanted && System.nanoTime() - s.loadedAt() < refreshNanos) {
				return s.time();
			}
			Map<LocalDate, CalendarDay.Kind> marked = new HashMap<>();
			jdbc.sql("select day, kind from calendar_day")
				.query(rs -> {
					marked.put(rs.getObject(1, LocalDate.class), CalendarDay.Kind.valueOf(rs.getString(2)));
				});
			WorkingTime time = new WorkingTime(zone, periods, marked);
			snapshot = new Snapshot(time, System.nanoTime(), wanted);
			log.debug("working calendar loaded: {} marked days", marked.size());
			return time;
		}
	}

	/** The marked days of a year, in order, read from the database (not the cache). */
	@Transactional(readOnly = true)
	public List<CalendarDay> daysOf(int year) {
		return jdbc.sql("select * from calendar_day where day between :from and :to order by day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query(WorkingCalendar::calendarDay)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<CalendarDay> day(LocalDate day) {
		return jdbc.sql("select * from calendar_day where day = :day").param("day", day).query(WorkingCalendar::calendarDay).optional();
	}

	/**
	 * Marks a day as a holiday or an adjusted working day with a name (新建 or 修改). {@code expectedVersion} is the
	 * version the editor saw; {@code null} sets the day whatever it was. Refuses invalid input (400: no kind, no name, a
	 * name over 50 characters, a year outside 2000–2100, an adjusted working day that is not a Saturday or Sunday) and a
	 * stale version (409). Runs in the caller's transaction, which must audit the change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change mark(LocalDate day, CalendarDay.Kind kind, String name, Integer expectedVersion) {
		String cleanName = name == null ? null : name.strip();
		new Validation().required("day", day)
			.required("kind", kind)
			.required("name", cleanName)
			.maxLength("name", cleanName, MAX_NAME)
			.check(day == null || (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR), "day",
					"calendar.day.yearRange", FIRST_YEAR, LAST_YEAR)
			.check(day == null || kind != CalendarDay.Kind.WORKDAY || new CalendarDay(day, kind, "", 0).isWeekend(),
					"kind", "calendar.workday.notWeekend")
			.throwIfInvalid();
		Optional<CalendarDay> before = lockedDay(day);
		if (expectedVersion != null && before.map(d -> d.version() != expectedVersion).orElse(true)) {
			throw ConflictException.staleVersion("calendarDay");
		}
		CalendarDay after;
		if (before.isEmpty()) {
			int inserted = jdbc.sql("""
					insert into calendar_day (day, kind, name) values (:day, :kind, :name)
					on conflict (day) do nothing
					""")
				.param("day", day)
				.param("kind", kind.name())
				.param("name", cleanName)
				.update();
			if (inserted == 0) {
				throw ConflictException.staleVersion("calendarDay"); // set by someone else meanwhile
			}
			after = new CalendarDay(day, kind, cleanName, 0);
		}
		else {
			jdbc.sql("update calendar_day set kind = :kind, name = :name, version = version + 1 where day = :day")
				.param("day", day)
				.param("kind", kind.name())
				.param("name", cleanName)
				.update();
			after = new CalendarDay(day, kind, cleanName, before.get().version() + 1);
		}
		invalidateOnCommit();
		return new Change(before, Optional.of(after));
	}

	/**
	 * Unmarks a day: it follows the week again. 404 when it was not marked, 409 when {@code expectedVersion} (if given)
	 * is stale. Runs in the caller's transaction, which must audit the change.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change unmark(LocalDate day, Integer expectedVersion) {
		CalendarDay before = lockedDay(day).orElseThrow(() -> new NotFoundException("calendarDay", day));
		if (expectedVersion != null && before.version() != expectedVersion) {
			throw ConflictException.staleVersion("calendarDay");
		}
		jdbc.sql("delete from calendar_day where day = :day").param("day", day).update();
		invalidateOnCommit();
		return new Change(Optional.of(before), Optional.empty());
	}

	/** Forgets the loaded calendar; the next question reloads it. */
	public void invalidate() {
		synchronized (loading) {
			generation++;
			snapshot = null;
		}
	}

	private Optional<CalendarDay> lockedDay(LocalDate day) {
		return jdbc.sql("select * from calendar_day where day = :day for update")
			.param("day", day)
			.query(WorkingCalendar::calendarDay)
			.optional();
	}

	private void invalidateOnCommit() {
		invalidate();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					invalidate();
				}
			});
		}
	}

	private static CalendarDay calendarDay(ResultSet rs, int row) throws SQLException {
		return new CalendarDay(rs.getObject("day", LocalDate.class), CalendarDay.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getInt("version"));
	}
}

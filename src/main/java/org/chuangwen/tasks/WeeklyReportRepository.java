package org.chuangwen.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.at;
import static org.chuangwen.shared.SqlValues.instant;


/** The report tables (V36) and the drafting query over the unit's tasks. */
@Repository
class WeeklyReportRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batchJdbc;

	WeeklyReportRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	/**
	 * The tasks a report on this period names, as the data stands: done in the period (submitted or accepted in it, and
	 * not returned since), and not done though due by the end of the report day ({@code dueBy}: the unit's open tasks,
	 * overdue ones flagged). Read at the period's end for a past period: a task done before the end is not unfinished.
	 */
	List<WeeklyReportItem> draftItems(UUID unitId, ReportPeriod period, Instant dueBy, Instant now) {
		Instant overdueBefore = now.isBefore(period.end()) ? now : period.end();
		List<WeeklyReportItem> items = new ArrayList<>();
		jdbc.sql("""
				select id, title, standard_code, deadline, status,
				       status in ('SUBMITTED', 'ACCEPTED')
				         and ((submitted_at >= :start and submitted_at < :end) or (accepted_at >= :start and accepted_at < :end))
				         as done
				from task
				where unit_id = :unit and issued_at < :end
				  and ((status in ('SUBMITTED', 'ACCEPTED')
				        and ((submitted_at >= :start and submitted_at < :end) or (accepted_at >= :start and accepted_at < :end)))
				    or (deadline < :dueBy and status <> 'CANCELLED'
				        and not ((status = 'ACCEPTED' and (submitted_at < :end or accepted_at < :end))
				              or (status = 'SUBMITTED' and submitted_at < :end))))
				order by done desc, deadline, id
				""")
			.param("unit", unitId)
			.param("start", at(period.start()))
			.param("end", at(period.end()))
			.param("dueBy", at(dueBy))
			.query((rs, n) -> {
				Instant deadline = rs.getObject("deadline", OffsetDateTime.class).toInstant();
				boolean done = rs.getBoolean("done");
				return new WeeklyReportItem(rs.getObject("id", UUID.class), done, rs.getString("title"),
						rs.getString("standard_code"), deadline, TaskStatus.valueOf(rs.getString("status")),
						!done && deadline.isBefore(overdueBefore), "", n);
			})
			.list()
			.forEach(items::add);
		return items;
	}

	/** Inserts the report unless the unit has one for that day already; answers whether this call inserted it. */
	boolean insertIfAbsent(WeeklyReport r) {
		int inserted = jdbc.sql("""
				insert into weekly_report (id, unit_id, unit_code, unit_name, jurisdiction_path, kind, period_date,
				                           period_start, period_end, status, summary, plans, suggestions, done_count,
				                           undone_count, overdue_count, drafted_at, version)
				values (:id, :unit, :unitCode, :unitName, :path, :kind, :date, :start, :end, :status, :summary, :plans,
				        :suggestions, :done, :undone, :overdue, :draftedAt, 0)
				on conflict (unit_id, period_date) do nothing
				""")
			.param("id", r.id())
			.param("unit", r.unitId())
			.param("unitCode", r.unitCode())
			.param("unitName", r.unitName())
			.param("path", r.jurisdictionPath())
			.param("kind", r.kind().name())
			.param("date", r.periodDate())
			.param("start", at(r.periodStart()))
			.param("end", at(r.periodEnd()))
			.param("status", r.status().name())
			.param("summary", r.summary())
			.param("plans", r.plans())
			.param("suggestions", r.suggestions())
			.param("done", r.doneCount())
			.param("undone", r.undoneCount())
			.param("overdue", r.overdueCount())
			.param("draftedAt", at(r.draftedAt()))
			.update();
		if (inserted == 1) {
			insertItems(r.id(), r.items());
		}
		return inserted == 1;
	}

	private void insertItems(UUID reportId, List<WeeklyReportItem> items) {
		if (items.isEmpty()) {
			return;
		}
		SqlParameterSource[] batch = items.stream()
			.map(i -> new MapSqlParameterSource().addValue("report", reportId)
				.addValue("task", i.taskId())
				.addValue("kind", i.done() ? "DONE" : "UNDONE")
				.addValue("title", i.title())
				.addValue("standard", i.standardCode())
				.addValue("deadline", at(i.deadline()))
				.addValue("status", i.taskStatus().name())
				.addValue("overdue", i.overdue())
				.addValue("reason", i.reason() == null ? "" : i.reason())
				.addValue("position", i.position()))
			.toArray(SqlParameterSource[]::new);
		batchJdbc.batchUpdate("""
				insert into weekly_report_item (report_id, task_id, kind, title, standard_code, deadline, task_status,
				                                overdue, reason, position)
				values (:report, :task, :kind, :title, :standard, :deadline, :status, :overdue, :reason, :position)
				""", batch);
	}

	/**
	 * Writes a change if nobody changed the report since {@code expectedVersion} (false when somebody did); with it the
	 * items (all of them when drafted again, otherwise the reasons).
	 */
	boolean update(WeeklyReport r, int expectedVersion, boolean itemsChanged) {
		int updated = jdbc.sql("""
				update weekly_report set status = :status, summary = :summary, plans = :plans, suggestions = :suggestions,
				       done_count = :done, undone_count = :undone, overdue_count = :overdue, submitted_at = :submittedAt,
				       submitted_by = :submittedBy, late = :late, return_reason = :returnReason, returned_at = :returnedAt,
				       submissions = :submissions, version = version + 1
				where id = :id and version = :version
				""")
			.param("status", r.status().name())
			.param("summary", r.summary())
			.param("plans", r.plans())
			.param("suggestions", r.suggestions())
			.param("done", r.doneCount())
			.param("undone", r.undoneCount())
			.param("overdue", r.overdueCount())
			.param("submittedAt", at(r.submittedAt()))
			.param("submittedBy", r.submittedBy())
			.param("late", r.late())
			.param("returnReason", r.returnReason())
			.param("returnedAt", at(r.returnedAt()))
			.param("submissions", r.submissions())
			.param("id", r.id())
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		if (itemsChanged) {
			jdbc.sql("delete from weekly_report_item where report_id = :id").param("id", r.id()).update();
			insertItems(r.id(), r.items());
		}
		else if (!r.undoneItems().isEmpty()) {
			batchJdbc.batchUpdate("update weekly_report_item set reason = :reason where report_id = :report and task_id = :task",
					r.undoneItems()
						.stream()
						.map(i -> new MapSqlParameterSource().addValue("report", r.id())
							.addValue("task", i.taskId())
							.addValue("reason", i.reason() == null ? "" : i.reason()))
						.toArray(SqlParameterSource[]::new));
		}
		return true;
	}

	Optional<WeeklyReport> find(UUID id) {
		return jdbc.sql("select * from weekly_report where id = :id")
			.param("id", id)
			.query(WeeklyReportRepository::header)
			.optional()
			.map(r -> withItems(r, items(r.id())));
	}

	Optional<WeeklyReport> find(UUID unitId, LocalDate day) {
		return jdbc.sql("select * from weekly_report where unit_id = :unit and period_date = :day")
			.param("unit", unitId)
			.param("day", day)
			.query(WeeklyReportRepository::header)
			.optional()
			.map(r -> withItems(r, items(r.id())));
	}

	/** The units with a report for that day already (of the given units), in one query. */
	Set<UUID> unitsWithReport(LocalDate day, List<UUID> unitIds) {
		if (unitIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select unit_id from weekly_report where period_date = :day and unit_id = any(:units)")
			.param("day", day)
			.param("units", unitIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list());
	}

	/** The reports of one report day within the scope, without their items, by unit name. */
	List<WeeklyReport> reportsOn(LocalDate day, OrganisationScope scope) {
		org.chuangwen.shared.SqlWhere where = TaskRepository.scoped(scope).and("period_date = :day", "day", day);
		return where.bind(jdbc.sql("select * from weekly_report" + where.sql() + " order by unit_name, unit_code"))
			.query(WeeklyReportRepository::header)
			.list();
	}

	/** The items of many reports, by report id, in one query. */
	Map<UUID, List<WeeklyReportItem>> itemsOf(List<UUID> reportIds) {
		Map<UUID, List<WeeklyReportItem>> result = new HashMap<>();
		if (reportIds.isEmpty()) {
			return result;
		}
		jdbc.sql("select * from weekly_report_item where report_id = any(:ids) order by report_id, position")
			.param("ids", reportIds.toArray(UUID[]::new))
			.query(rs -> {
				result.computeIfAbsent(rs.getObject("report_id", UUID.class), k -> new ArrayList<>()).add(item(rs));
			});
		return result;
	}

	/** A unit's reports, newest first, paged. */
	List<WeeklyReport> ofUnit(UUID unitId, PageRequest page) {
		return jdbc.sql("select * from weekly_report where unit_id = :unit order by period_date desc limit :limit offset :offset")
			.param("unit", unitId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(WeeklyReportRepository::header)
			.list();
	}

	long countOfUnit(UUID unitId) {
		return jdbc.sql("select count(*) from weekly_report where unit_id = :unit").param("unit", unitId).query(Long.class).single();
	}

	/** The report days with reports in the scope, newest first (for choosing a period). */
	List<LocalDate> reportDays(OrganisationScope scope, int limit) {
		org.chuangwen.shared.SqlWhere where = TaskRepository.scoped(scope);
		return where.bind(jdbc.sql("select distinct period_date from weekly_report" + where.sql()
				+ " order by period_date desc limit :limit"))
			.param("limit", limit)
			.query(LocalDate.class)
			.list();
	}

	// daily-report mode

	Map<UUID, LocalDate> dailyFrom() {
		Map<UUID, LocalDate> result = new HashMap<>();
		jdbc.sql("select jurisdiction_id, daily_from from report_schedule")
			.query(rs -> {
				result.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
			});
		return result;
	}

	record Schedule(LocalDate dailyFrom, int version) {
	}

	Optional<Schedule> schedule(UUID jurisdictionId) {
		return jdbc.sql("select daily_from, version from report_schedule where jurisdiction_id = :id")
			.param("id", jurisdictionId)
			.query((rs, n) -> new Schedule(rs.getObject(1, LocalDate.class), rs.getInt(2)))
			.optional();
	}

	boolean insertSchedule(UUID jurisdictionId, LocalDate dailyFrom) {
		return jdbc.sql("""
				insert into report_schedule (jurisdiction_id, daily_from) values (:id, :from)
				on conflict (jurisdiction_id) do nothing
				""").param("id", jurisdictionId).param("from", dailyFrom).update() == 1;
	}

	boolean updateSchedule(UUID jurisdictionId, LocalDate dailyFrom, int version) {
		return jdbc.sql("""
				update report_schedule set daily_from = :from, version = version + 1
				where jurisdiction_id = :id and version = :version
				""").param("id", jurisdictionId).param("from", dailyFrom).param("version", version).update() == 1;
	}

	boolean deleteSchedule(UUID jurisdictionId, int version) {
		return jdbc.sql("delete from report_schedule where jurisdiction_id = :id and version = :version")
			.param("id", jurisdictionId)
			.param("version", version)
			.update() == 1;
	}

	// mapping

	private List<WeeklyReportItem> items(UUID reportId) {
		return jdbc.sql("select * from weekly_report_item where report_id = :id order by position")
			.param("id", reportId)
			.query((rs, n) -> item(rs))
			.list();
	}

	/** The report as written by {@link #update}: its version one up. */
	static WeeklyReport written(WeeklyReport r) {
		return new WeeklyReport(r.id(), r.unitId(), r.unitCode(), r.unitName(), r.jurisdictionPath(), r.kind(),
				r.periodDate(), r.periodStart(), r.periodEnd(), r.status(), r.summary(), r.plans(), r.suggestions(),
				r.doneCount(), r.undoneCount(), r.overdueCount(), r.draftedAt(), r.submittedAt(), r.submittedBy(), r.late(),
				r.returnReason(), r.returnedAt(), r.submissions(), r.version() + 1, r.items());
	}

	static WeeklyReport withItems(WeeklyReport r, List<WeeklyReportItem> items) {
		return new WeeklyReport(r.id(), r.unitId(), r.unitCode(), r.unitName(), r.jurisdictionPath(), r.kind(),
				r.periodDate(), r.periodStart(), r.periodEnd(), r.status(), r.summary(), r.plans(), r.suggestions(),
				r.doneCount(), r.undoneCount(), r.overdueCount(), r.draftedAt(), r.submittedAt(), r.submittedBy(), r.late(),
				r.returnReason(), r.returnedAt(), r.submissions(), r.version(), items);
	}

	private static WeeklyReportItem item(ResultSet rs) throws SQLException {
		return new WeeklyReportItem(rs.getObject("task_id", UUID.class), "DONE".equals(rs.getString("kind")),
				rs.getString("title"), rs.getString("standard_code"), instant(rs, "deadline"),
				TaskStatus.valueOf(rs.getString("task_status")), rs.getBoolean("overdue"), rs.getString("reason"),
				rs.getInt("position"));
	}


	static WeeklyReport header(ResultSet rs, int row) throws SQLException {
		return new WeeklyReport(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("jurisdiction_path"),
				ReportKind.valueOf(rs.getString("kind")), rs.getObject("period_date", LocalDate.class),
				instant(rs, "period_start"), instant(rs, "period_end"), ReportStatus.valueOf(rs.getString("status")),
				rs.getString("summary"), rs.getString("plans"), rs.getString("suggestions"), rs.getInt("done_count"),
				rs.getInt("undone_count"), rs.getInt("overdue_count"), instant(rs, "drafted_at"),
				instant(rs, "submitted_at"), rs.getObject("submitted_by", UUID.class), rs.getBoolean("late"),
				rs.getString("return_reason"), instant(rs, "returned_at"), rs.getInt("submissions"), rs.getInt("version"),
				List.of());
	}
}

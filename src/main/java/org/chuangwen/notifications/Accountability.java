package org.chuangwen.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationDirectory.UnitSummary;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accountability list (问责清单): tracked deadlines that have passed and are not settled, in the caller's
 * jurisdiction, with the unit, its head and liaison, the responsible leader and how many days overdue (a started day
 * counts). An entry leaves the list when its deadline is settled (or moved into the future). Read by the campaign
 * office and by leaders; unit accounts are refused.
 */
@Service
public class Accountability {

	/** One overdue deadline. */
	public record Entry(String subjectType, String subjectId, String title, UUID unitId, String unitName,
			Instant dueAt, long daysOverdue, String unitHeadName, String liaisonName, String leaderName, String link) {
	}

	public static final int EXPORT_LIMIT = 20_000;

	private final JdbcClient jdbc;

	private final OrganisationDirectory organisation;

	private final Clock clock;

	Accountability(JdbcClient jdbc, OrganisationDirectory organisation, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** Overdue deadlines in the caller's scope, longest overdue first; optionally of one unit. */
	@Transactional(readOnly = true)
	public Page<Entry> overdue(Actor actor, UUID unitId, PageRequest page) {
		Map<UUID, UnitSummary> units = unitsInScope(actor, unitId);
		Instant now = clock.instant();
		UUID[] ids = units.keySet().toArray(UUID[]::new);
		long total = jdbc.sql("""
				select count(*) from tracked_deadline where settled_at is null and due_at < :now and unit_id = any(:units)
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("units", ids)
			.query(Long.class)
			.single();
		List<Entry> items = query(units, now, ids, page.size(), page.offset());
		return Page.of(items, page, total);
	}

	@Transactional(readOnly = true)
	public List<Entry> overdueForExport(Actor actor) {
		Map<UUID, UnitSummary> units = unitsInScope(actor, null);
		return query(units, clock.instant(), units.keySet().toArray(UUID[]::new), EXPORT_LIMIT, 0);
	}

	/** The list as an Excel workbook (one sheet, one row per overdue deadline). */
	@Transactional(readOnly = true)
	public byte[] export(Actor actor, Function<String, String> label) {
		List<Entry> entries = overdueForExport(actor);
		DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(label.apply("notifications.accountability"));
			String[] headers = { "notifications.field.unit", "notifications.field.title", "notifications.field.dueAt",
					"notifications.field.daysOverdue", "notifications.field.unitHead", "notifications.field.liaison",
					"notifications.field.leader", "notifications.field.subject" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(label.apply(headers[i]));
			}
			int r = 1;
			for (Entry e : entries) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(nullToEmpty(e.unitName()));
				row.createCell(1).setCellValue(e.title());
				row.createCell(2).setCellValue(format.format(e.dueAt()));
				row.createCell(3).setCellValue(e.daysOverdue());
				row.createCell(4).setCellValue(nullToEmpty(e.unitHeadName()));
				row.createCell(5).setCellValue(nullToEmpty(e.liaisonName()));
				row.createCell(6).setCellValue(nullToEmpty(e.leaderName()));
				row.createCell(7).setCellValue(e.subjectType() + ":" + e.subjectId());
			}
			for (int i = 0; i < headers.length; i++) {
				sheet.setColumnWidth(i, i == 1 ? 60 * 256 : 18 * 256);
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The units whose deadlines the caller may see: the office's or leader's subtree (unit accounts: refused). */
	Map<UUID, UnitSummary> unitsInScope(Actor actor, UUID unitId) {
		if (actor == null || actor.isUnitBound() || !actor.hasAny(Role.OFFICE_ADMIN, Role.LEADER)) {
			throw new ForbiddenException();
		}
		if (unitId != null) {
			UnitSummary one = organisation.unitSummaryFor(actor, unitId);
			return Map.of(one.unit().id(), one);
		}
		return organisation.unitsForExport(actor, UnitFilter.none())
			.stream()
			.collect(Collectors.toMap(u -> u.unit().id(), u -> u, (a, b) -> a));
	}

	private List<Entry> query(Map<UUID, UnitSummary> units, Instant now, UUID[] ids, int limit, long offset) {
		Map<UUID, String> leaders = new java.util.HashMap<>();
		return jdbc.sql("""
				select subject_type, subject_id, title, unit_id, due_at, responsible_leader_id
				from tracked_deadline where settled_at is null and due_at < :now and unit_id = any(:units)
				order by due_at, subject_type, subject_id
				limit :limit offset :offset
				""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("units", ids)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				UUID unit = rs.getObject("unit_id", UUID.class);
				Instant due = rs.getObject("due_at", OffsetDateTime.class).toInstant();
				UUID leader = rs.getObject("responsible_leader_id", UUID.class);
				UnitSummary summary = units.get(unit);
				return new Entry(rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("title"), unit,
						summary == null ? null : summary.unit().name(), due, daysOverdue(due, now),
						summary == null ? null : summary.mainLeaderName(), summary == null ? null : summary.liaisonName(),
						leader == null ? null : leaders.computeIfAbsent(leader, this::personName),
						ReminderSweep.link(rs.getString("subject_type"), rs.getString("subject_id")));
			})
			.list();
	}

	private String personName(UUID id) {
		return organisation.person(id).map(Person::name).orElse(null);
	}

	/** Days overdue, a started day counting as one: 2 hours late is 1 day, 25 hours late is 2. */
	public static long daysOverdue(Instant dueAt, Instant now) {
		long seconds = Duration.between(dueAt, now).getSeconds();
		return seconds <= 0 ? 0 : (seconds + 86_399) / 86_400;
	}

	private static String nullToEmpty(String s) {
		return Optional.ofNullable(s).orElse("");
	}
}

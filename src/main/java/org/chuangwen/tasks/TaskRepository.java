package org.chuangwen.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.shared.SqlWhere;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.escapeLike;
import static org.chuangwen.shared.SqlValues.at;
import static org.chuangwen.shared.SqlValues.instant;

/** The task tables. Every list query is bounded by the caller's scope and served by an index (see V26). */
@Repository
class TaskRepository {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batchJdbc;

	TaskRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	void insertAll(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		if (tasks.size() == 1) {
			insert(tasks.get(0));
			return;
		}
		SqlParameterSource[] batch = tasks.stream().map(TaskRepository::parameters).toArray(SqlParameterSource[]::new);
		for (int from = 0; from < batch.length; from += 500) {
			batchJdbc.batchUpdate(INSERT, Arrays.copyOfRange(batch, from, Math.min(batch.length, from + 500)));
		}
	}

	private static SqlParameterSource parameters(Task t) {
		return new MapSqlParameterSource().addValue("id", t.id())
			.addValue("item", t.itemId())
			.addValue("framework", t.frameworkId())
			.addValue("standard", t.standardId())
			.addValue("standardCode", t.standardCode())
			.addValue("criterionCode", t.criterionCode())
			.addValue("criterionName", t.criterionName())
			.addValue("title", t.title())
			.addValue("lead", t.leadUnitId())
			.addValue("leadCode", t.leadUnitCode())
			.addValue("unit", t.unitId())
			.addValue("unitCode", t.unitCode())
			.addValue("unitName", t.unitName())
			.addValue("responsibleCodes", t.responsibleUnitCodes())
			.addValue("supportingCodes", t.supportingUnitCodes())
			.addValue("path", t.jurisdictionPath())
			.addValue("leader", t.responsibleLeaderId())
			.addValue("leaderName", t.responsibleLeaderName())
			.addValue("deadline", at(t.deadline()))
			.addValue("deliverables", t.deliverables())
			.addValue("weight", t.weight())
			.addValue("status", t.status().name())
			.addValue("note", t.lastNote())
			.addValue("reason", t.returnReason())
			.addValue("submissions", t.submissions())
			.addValue("issuedAt", at(t.issuedAt()))
			.addValue("issuedBy", t.issuedBy())
			.addValue("claimedAt", at(t.claimedAt()))
			.addValue("submittedAt", at(t.submittedAt()))
			.addValue("acceptedAt", at(t.acceptedAt()));
	}

	private static final String INSERT = """
			insert into task (id, item_id, framework_id, standard_id, standard_code, criterion_code, criterion_name,
			                  title, lead_unit_id, lead_unit_code, unit_id, unit_code, unit_name, responsible_unit_codes,
			                  supporting_unit_codes, jurisdiction_path, responsible_leader_id, responsible_leader_name,
			                  deadline, deliverables, weight, status, last_note, return_reason, submissions, issued_at,
			                  issued_by, claimed_at, submitted_at, accepted_at, version)
			values (:id, :item, :framework, :standard, :standardCode, :criterionCode, :criterionName, :title, :lead,
			        :leadCode, :unit, :unitCode, :unitName, :responsibleCodes, :supportingCodes, :path, :leader,
			        :leaderName, :deadline, :deliverables, :weight, :status, :note, :reason, :submissions, :issuedAt,
			        :issuedBy, :claimedAt, :submittedAt, :acceptedAt, 0)
			""";

	void insert(Task t) {
		jdbc.sql("""
				insert into task (id, item_id, framework_id, standard_id, standard_code, criterion_code, criterion_name,
				                  title, lead_unit_id, lead_unit_code, unit_id, unit_code, unit_name, responsible_unit_codes,
				                  supporting_unit_codes, jurisdiction_path, responsible_leader_id, responsible_leader_name,
				                  deadline, deliverables, weight, status, last_note, return_reason, submissions, issued_at,
				                  issued_by, claimed_at, submitted_at, accepted_at, version)
				values (:id, :item, :framework, :standard, :standardCode, :criterionCode, :criterionName, :title, :lead,
				        :leadCode, :unit, :unitCode, :unitName, :responsibleCodes, :supportingCodes, :path, :leader,
				        :leaderName, :deadline, :deliverables, :weight, :status, :note, :reason, :submissions, :issuedAt,
				        :issuedBy, :claimedAt, :submittedAt, :acceptedAt, 0)
				""")
			.param("id", t.id())
			.param("item", t.itemId())
			.param("framework", t.frameworkId())
			.param("standard", t.standardId())
			.param("standardCode", t.standardCode())
			.param("criterionCode", t.criterionCode())
			.param("criterionName", t.criterionName())
			.param("title", t.title())
			.param("lead", t.leadUnitId())
			.param("leadCode", t.leadUnitCode())
			.param("unit", t.unitId())
			.param("unitCode", t.unitCode())
			.param("unitName", t.unitName())
			.param("responsibleCodes", t.responsibleUnitCodes())
			.param("supportingCodes", t.supportingUnitCodes())
			.param("path", t.jurisdictionPath())
			.param("leader", t.responsibleLeaderId())
			.param("leaderName", t.responsibleLeaderName())
			.param("deadline", at(t.deadline()))
			.param("deliverables", t.deliverables())
			.param("weight", t.weight())
			.param("status", t.status().name())
			.param("note", t.lastNote())
			.param("reason", t.returnReason())
			.param("submissions", t.submissions())
			.param("issuedAt", at(t.issuedAt()))
			.param("issuedBy", t.issuedBy())
			.param("claimedAt", at(t.claimedAt()))
			.param("submittedAt", at(t.submittedAt()))
			.param("acceptedAt", at(t.acceptedAt()))
			.update();
	}

	/** Writes a transition if nobody changed the task since {@code expectedVersion}; false when somebody did. */
	boolean update(Task t, int expectedVersion) {
		return jdbc.sql("""
				update task set status = :status, deadline = :deadline, last_note = :note, return_reason = :reason,
				                submissions = :submissions,
				                claimed_at = :claimedAt, submitted_at = :submittedAt, accepted_at = :acceptedAt,
				                version = version + 1
				where id = :id and version = :version
				""")
			.param("status", t.status().name())
			.param("deadline", at(t.deadline()))
			.param("note", t.lastNote())
			.param("reason", t.returnReason())
			.param("submissions", t.submissions())
			.param("claimedAt", at(t.claimedAt()))
			.param("submittedAt", at(t.submittedAt()))
			.param("acceptedAt", at(t.acceptedAt()))
			.param("id", t.id())
			.param("version", expectedVersion)
			.update() == 1;
	}

	Optional<Task> find(UUID id) {
		return jdbc.sql("select * from task where id = :id").param("id", id).query(TaskRepository::task).optional();
	}

	List<Task> page(SqlWhere where, PageRequest page) {
		return where.bind(jdbc.sql("select * from task" + where.sql() + " order by deadline, id limit :limit offset :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(TaskRepository::task)
			.list();
	}

	long count(SqlWhere where) {
		return where.bind(jdbc.sql("select count(*) from task" + where.sql())).query(Long.class).single();
	}

	/** Tasks for an export, gathered by breakdown item (first by deadline), at most {@code limit}. */
	List<Task> forExport(SqlWhere where, int limit) {
		return where.bind(jdbc.sql("select * from task" + where.sql() + " order by deadline, item_id, unit_code limit :limit"))
			.param("limit", limit)
			.query(TaskRepository::task)
			.list();
	}

	/**
	 * Counts per group: {@code unit} (responsible unit), {@code criterion} (level-Ⅲ content item) or {@code status}.
	 * One pass over the tasks in scope, grouped in the database.
	 */
	/** One page of group counts and the number of groups in all. */
	record Counts(List<TaskCount> items, long groups) {
	}

	Counts counts(String groupBy, SqlWhere where, Instant now, PageRequest page) {
		long[] groups = { 0 };
		String key = switch (groupBy) {
			case "unit" -> "unit_id::text, min(unit_code), min(unit_name)";
			case "criterion" -> "coalesce(criterion_code, ''), min(criterion_code), min(coalesce(criterion_name, ''))";
			default -> "status, status, status";
		};
		String group = switch (groupBy) {
			case "unit" -> "unit_id";
			case "criterion" -> "coalesce(criterion_code, '')";
			default -> "status";
		};
		String order = switch (groupBy) {
			case "unit" -> "3, 2";
			case "criterion" -> "2 nulls last";
			default -> "1";
		};
		List<TaskCount> items = where.bind(jdbc.sql("select " + key + """
				, count(*) as total,
				  count(*) filter (where status = 'ISSUED') as issued,
				  count(*) filter (where status = 'CLAIMED') as claimed,
				  count(*) filter (where status = 'IN_PROGRESS') as in_progress,
				  count(*) filter (where status = 'SUBMITTED') as submitted,
				  count(*) filter (where status = 'ACCEPTED') as accepted,
				  count(*) filter (where status = 'RETURNED') as returned,
				  count(*) filter (where status = 'CANCELLED') as cancelled,
				  count(*) filter (where status not in ('ACCEPTED', 'CANCELLED') and deadline < :now) as overdue,
				  count(*) over () as groups
				from task""" + where.sql() + " group by " + group + " order by " + order + " limit :limit offset :offset"))
			.param("now", at(now))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				groups[0] = rs.getLong("groups");
				return new TaskCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong("total"),
						rs.getLong("issued"), rs.getLong("claimed"), rs.getLong("in_progress"), rs.getLong("submitted"),
						rs.getLong("accepted"), rs.getLong("returned"), rs.getLong("cancelled"), rs.getLong("overdue"));
			})
			.list();
		return new Counts(items, groups[0]);
	}

	long countGroups(String groupBy, SqlWhere where) {
		String group = switch (groupBy) {
			case "unit" -> "unit_id";
			case "criterion" -> "coalesce(criterion_code, '')";
			default -> "status";
		};
		return where.bind(jdbc.sql("select count(distinct " + group + ") from task" + where.sql())).query(Long.class).single();
	}

	void addDeliverable(Deliverable d) {
		jdbc.sql("""
				insert into task_deliverable (task_id, blob_id, submission, filename, content_type, size, added_by, added_at)
				values (:task, :blob, :submission, :filename, :type, :size, :by, :at)
				on conflict (task_id, blob_id) do nothing
				""")
			.param("task", d.taskId())
			.param("blob", d.blobId())
			.param("submission", d.submission())
			.param("filename", d.filename())
			.param("type", d.contentType())
			.param("size", d.size())
			.param("by", d.addedBy())
			.param("at", at(d.addedAt()))
			.update();
	}

	List<Deliverable> deliverables(UUID taskId) {
		return jdbc.sql("select * from task_deliverable where task_id = :task order by submission desc, added_at, filename")
			.param("task", taskId)
			.query((rs, n) -> new Deliverable(rs.getObject("task_id", UUID.class), rs.getObject("blob_id", UUID.class),
					rs.getInt("submission"), rs.getString("filename"), rs.getString("content_type"), rs.getLong("size"),
					rs.getObject("added_by", UUID.class), instant(rs, "added_at")))
			.list();
	}

	/** The scope condition: a unit-bound caller sees its unit's tasks, others the tasks inside their jurisdiction. */
	static SqlWhere scoped(OrganisationScope scope) {
		SqlWhere where = new SqlWhere();
		if (scope.isUnitBound()) {
			where.and("unit_id = :scopeUnit", "scopeUnit", scope.unitId());
		}
		else if (!scope.isEverything()) {
			where.and("jurisdiction_path like :scopePath", "scopePath", escapeLike(scope.path()) + "%");
		}
		return where;
	}

	static SqlWhere filtered(OrganisationScope scope, TaskFilter filter, Instant now) {
		SqlWhere where = scoped(scope);
		if (filter.status() != null) {
			where.and("status = :status", "status", filter.status().name());
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			where.and("status not in ('ACCEPTED', 'CANCELLED') and deadline < :now", "now", at(now));
		}
		if (filter.unitId() != null) {
			where.and("unit_id = :unit", "unit", filter.unitId());
		}
		if (TaskFilter.KEY_TASKS.equals(filter.criterionCode())) {
			where.and("criterion_code is null", null, null);
		}
		else if (filter.criterionCode() != null && !filter.criterionCode().isBlank()) {
			where.and("coalesce(criterion_code, '') = :criterion", "criterion", filter.criterionCode().trim());
		}
		if (filter.standardCode() != null && !filter.standardCode().isBlank()) {
			where.and("standard_code = :standardCode", "standardCode", filter.standardCode().trim());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.and("(title like :q or standard_code like :q)", "q", "%" + escapeLike(filter.q().trim()) + "%");
		}
		return where;
	}




	static Task task(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getObject("id", UUID.class), rs.getObject("item_id", UUID.class),
				rs.getObject("framework_id", UUID.class), rs.getObject("standard_id", UUID.class),
				rs.getString("standard_code"), rs.getString("criterion_code"), rs.getString("criterion_name"),
				rs.getString("title"), rs.getObject("lead_unit_id", UUID.class), rs.getString("lead_unit_code"),
				rs.getObject("unit_id", UUID.class), rs.getString("unit_code"), rs.getString("unit_name"),
				rs.getString("responsible_unit_codes"), rs.getString("supporting_unit_codes"),
				rs.getString("jurisdiction_path"), rs.getObject("responsible_leader_id", UUID.class),
				rs.getString("responsible_leader_name"), instant(rs, "deadline"), rs.getString("deliverables"),
				rs.getBigDecimal("weight"), TaskStatus.valueOf(rs.getString("status")), rs.getString("last_note"),
				rs.getString("return_reason"), rs.getInt("submissions"), instant(rs, "issued_at"),
				rs.getObject("issued_by", UUID.class), instant(rs, "claimed_at"), instant(rs, "submitted_at"),
				instant(rs, "accepted_at"), rs.getInt("version"));
	}
}

package org.chuangwen.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder ladder's offsets. A campaign office (OFFICE_ADMIN) sets them for its own jurisdiction node; a deadline
 * uses the setting of the nearest node above its unit, otherwise the default ({@code chuangwen.notifications.offsets},
 * 7/5/3 days).
 */
@Service
public class ReminderSettings {

	/** The offsets in force at the caller's node, and whether they are the node's own or inherited. */
	public record Effective(ReminderOffsets offsets, boolean own, int version) {
	}

	private final JdbcClient jdbc;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	private final ReminderOffsets defaults;

	ReminderSettings(JdbcClient jdbc, OrganisationDirectory organisation, AuditTrail audit,
			@Value("${chuangwen.notifications.offsets.liaison-days:7}") int liaisonDays,
			@Value("${chuangwen.notifications.offsets.head-days:5}") int headDays,
			@Value("${chuangwen.notifications.offsets.leader-days:3}") int leaderDays) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.audit = audit;
		this.defaults = new ReminderOffsets(liaisonDays, headDays, leaderDays);
	}

	public ReminderOffsets defaults() {
		return defaults;
	}

	/** The offsets for deadlines of units on this node: the nearest setting up the tree, or the default. */
	@Transactional(readOnly = true)
	public ReminderOffsets offsetsFor(UUID jurisdictionId) {
		if (jurisdictionId == null) {
			return defaults;
		}
		Optional<Jurisdiction> node = organisation.jurisdiction(jurisdictionId);
		if (node.isEmpty()) {
			return defaults;
		}
		List<UUID> lineage = node.get().lineage();
		Map<UUID, ReminderOffsets> found = all();
		for (int i = lineage.size() - 1; i >= 0; i--) {
			ReminderOffsets offsets = found.get(lineage.get(i));
			if (offsets != null) {
				return offsets;
			}
		}
		return defaults;
	}

	/** Every node's own setting (a handful of rows: one per campaign office that changed them). */
	@Transactional(readOnly = true)
	public Map<UUID, ReminderOffsets> all() {
		Map<UUID, ReminderOffsets> result = new java.util.HashMap<>();
		jdbc.sql("select jurisdiction_id, liaison_days, head_days, leader_days from reminder_settings")
			.query(rs -> {
				result.put(rs.getObject(1, UUID.class), new ReminderOffsets(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
			});
		return result;
	}

	/** The largest liaison offset anywhere: how far ahead the sweep has to look. */
	@Transactional(readOnly = true)
	public int horizonDays() {
		int max = jdbc.sql("select coalesce(max(liaison_days), 0) from reminder_settings").query(Integer.class).single();
		return Math.max(defaults.liaisonDays(), max);
	}

	@Transactional(readOnly = true)
	public Effective effectiveFor(Actor actor) {
		requireOffice(actor);
		Optional<Integer> version = jdbc.sql("select version from reminder_settings where jurisdiction_id = :id")
			.param("id", actor.jurisdictionId())
			.query(Integer.class)
			.optional();
		return new Effective(offsetsFor(actor.jurisdictionId()), version.isPresent(), version.orElse(-1));
	}

	/**
	 * Sets the offsets at the caller's node (audited). {@code version} is the one the form showed (-1 when the node had
	 * no setting of its own); a concurrent change is refused with 409.
	 */
	@Transactional
	public void change(Actor actor, ReminderOffsets offsets, int version) {
		requireOffice(actor);
		Effective before = effectiveFor(actor);
		int changed;
		if (version < 0) {
			changed = jdbc.sql("""
					insert into reminder_settings (jurisdiction_id, liaison_days, head_days, leader_days)
					values (:id, :liaison, :head, :leader)
					on conflict (jurisdiction_id) do nothing
					""")
				.param("id", actor.jurisdictionId())
				.param("liaison", offsets.liaisonDays())
				.param("head", offsets.headDays())
				.param("leader", offsets.leaderDays())
				.update();
		}
		else {
			changed = jdbc.sql("""
					update reminder_settings
					set liaison_days = :liaison, head_days = :head, leader_days = :leader, version = version + 1
					where jurisdiction_id = :id and version = :version
					""")
				.param("id", actor.jurisdictionId())
				.param("liaison", offsets.liaisonDays())
				.param("head", offsets.headDays())
				.param("leader", offsets.leaderDays())
				.param("version", version)
				.update();
		}
		if (changed == 0) {
			throw ConflictException.staleVersion("reminderSettings");
		}
		audit.record("reminder.offsets.change", "reminderSettings", actor.jurisdictionId(), before.offsets(), offsets,
				null);
	}

	/** The audited changes of the offsets at the caller's node, newest first. */
	@Transactional(readOnly = true)
	public List<org.chuangwen.audit.AuditEvent> history(Actor actor) {
		requireOffice(actor);
		return audit.historyOf("reminderSettings", actor.jurisdictionId(), 50);
	}

	private static void requireOffice(Actor actor) {
		if (actor == null || !actor.isOfficeAdmin() || actor.jurisdictionId() == null) {
			throw new ForbiddenException();
		}
	}
}

package org.chuangwen.notifications;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who reads a reminder in the app. A person with a linked user account gets it there; a person without one (most
 * liaisons and unit heads are not users) has it delivered to the UNIT_ADMIN accounts of their unit, who act for the
 * unit. The organisation module publishes no query for "the accounts of a person" or "the unit admins of a unit",
 * so these two read-only queries read {@code user_account} and {@code user_role} directly (to be moved into
 * organisation's public API).
 */
@Component
class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enabled accounts linked to this person. */
	List<UUID> accountsOfPerson(UUID personId) {
		return jdbc.sql("select id from user_account where person_id = :person and enabled order by username")
			.param("person", personId)
			.query(UUID.class)
			.list();
	}

	/** The enabled UNIT_ADMIN accounts bound to this unit. */
	List<UUID> unitAdmins(UUID unitId) {
		return jdbc.sql("""
				select a.id from user_account a join user_role r on r.user_id = a.id and r.role = 'UNIT_ADMIN'
				where a.unit_id = :unit and a.enabled
				order by a.username
				""")
			.param("unit", unitId)
			.query(UUID.class)
			.list();
	}
}

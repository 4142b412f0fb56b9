package org.chuangwen.points;

import org.chuangwen.organisation.OrganisationManagement.UnitRenamed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the unit code and name copied onto points (so lists, the map and exports need no joins into organisation) in
 * step with the organisation: a renamed unit is renamed on every point it answers for. Runs after the rename commits,
 * through the event publication registry, so a crash in between is retried. The point's version is not raised: the
 * point itself did not change, and an office editing it meanwhile must not get a 409 for somebody else's rename.
 */
@Component
class PointUnitNames {

	private static final Logger log = LoggerFactory.getLogger(PointUnitNames.class);

	private final JdbcClient jdbc;

	PointUnitNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(UnitRenamed event) {
		int points = jdbc.sql("""
				update point set unit_name = :name, unit_code = :code
				where unit_id = :unit and (unit_name <> :name or unit_code <> :code)
				""")
			.param("name", event.name())
			.param("code", event.code())
			.param("unit", event.unitId())
			.update();
		log.info("Unit {} renamed: {} point(s) updated", event.code(), points);
	}
}

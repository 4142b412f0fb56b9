package org.chuangwen.tasks;

import org.chuangwen.organisation.OrganisationManagement.UnitRenamed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the unit names and codes copied onto tasks and reports (so lists need no joins into organisation) in step with
 * the organisation: a renamed unit is renamed on its tasks (as responsible and as lead unit, also in the code lists of
 * the breakdown item) and its reports. Runs after the rename commits, through the event publication registry, so a
 * crash in between is retried.
 */
@Component
class UnitNames {

	private static final Logger log = LoggerFactory.getLogger(UnitNames.class);

	private final JdbcClient jdbc;

	UnitNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(UnitRenamed event) {
		int tasks = jdbc.sql("update task set unit_name = :name, unit_code = :code where unit_id = :unit")
			.param("name", event.name())
			.param("code", event.code())
			.param("unit", event.unitId())
			.update();
		jdbc.sql("update task set lead_unit_code = :code where lead_unit_id = :unit")
			.param("code", event.code())
			.param("unit", event.unitId())
			.update();
		if (!event.oldCode().equals(event.code())) {
			// the item's code lists: replace the old code where it stands as a whole entry of the comma-separated list
			for (String column : new String[] { "responsible_unit_codes", "supporting_unit_codes" }) {
				jdbc.sql("update task set " + column + " = array_to_string(array_replace(string_to_array(" + column
						+ ", ','), :old, :code), ',') where :old = any(string_to_array(" + column + ", ','))")
					.param("old", event.oldCode())
					.param("code", event.code())
					.update();
			}
		}
		int reports = jdbc.sql("update weekly_report set unit_name = :name, unit_code = :code where unit_id = :unit")
			.param("name", event.name())
			.param("code", event.code())
			.param("unit", event.unitId())
			.update();
		log.info("Unit {} renamed: {} task(s) and {} report(s) updated", event.code(), tasks, reports);
	}
}

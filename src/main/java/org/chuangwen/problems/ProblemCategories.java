package org.chuangwen.problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.Unit;
import org.chuangwen.organisation.UnitType;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem taxonomy: read by everybody who reports or handles problems; its default deadlines and unit types
 * edited by the campaign office at the top of the jurisdiction tree; the unit that handles a category in a
 * jurisdiction (the "category → department" routing fallback) set by the office of that jurisdiction.
 */
@Service
@Transactional(readOnly = true)
public class ProblemCategories {

	/** A major class with its minor classes, for lists and selects. */
	public record Group(ProblemCategory major, List<ProblemCategory> minors) {
	}

	private final CategoryRepository repository;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	ProblemCategories(CategoryRepository repository, OrganisationDirectory organisation, AuditTrail audit) {
		this.repository = repository;
		this.organisation = organisation;
		this.audit = audit;
	}

	public List<ProblemCategory> all() {
		return repository.all();
	}

	/** The taxonomy as major classes with their (active) minor classes. */
	public List<Group> tree() {
		Map<String, ProblemCategory> majors = new LinkedHashMap<>();
		Map<String, List<ProblemCategory>> minors = new LinkedHashMap<>();
		for (ProblemCategory c : repository.all()) {
			if (c.isMajor()) {
				majors.put(c.code(), c);
				minors.put(c.code(), new java.util.ArrayList<>());
			}
		}
		for (ProblemCategory c : repository.all()) {
			if (!c.isMajor() && c.active() && minors.containsKey(c.parentCode())) {
				minors.get(c.parentCode()).add(c);
			}
		}
		return majors.values().stream().map(m -> new Group(m, List.copyOf(minors.get(m.code())))).toList();
	}

	public Optional<ProblemCategory> find(String code) {
		return code == null ? Optional.empty() : repository.find(code.trim().toUpperCase(java.util.Locale.ROOT));
	}

	/** A minor class a problem may be reported in; 400 for an unknown, inactive or major class. */
	public ProblemCategory reportable(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("categoryCode", "problem.category.required");
		}
		return find(code).filter(c -> !c.isMajor() && c.active())
			.orElseThrow(() -> new InvalidInputException("categoryCode", "problem.category.unknown", code));
	}

	/** The unit that handles the category at the node, or the nearest node above it that names one. */
	public Optional<UUID> handlingUnitFor(String categoryCode, Jurisdiction node) {
		if (node == null) {
			return Optional.empty();
		}
		List<UUID> lineage = node.lineage();
		Map<UUID, UUID> units = repository.handlingUnits(categoryCode, lineage);
		for (int i = lineage.size() - 1; i >= 0; i--) {
			UUID unit = units.get(lineage.get(i));
			if (unit != null) {
				return Optional.of(unit);
			}
		}
		return Optional.empty();
	}

	/** The handling units set on the caller's own jurisdiction node, by category code. */
	public Map<String, UUID> handlingUnitsOf(Actor actor) {
		return actor == null || actor.jurisdictionId() == null ? Map.of() : repository.handlingUnitsOn(actor.jurisdictionId());
	}

	/** Whether the actor edits default deadlines and unit types: a campaign office at the top of the tree. */
	public boolean editsDefaults(Actor actor) {
		return actor != null && actor.has(Role.OFFICE_ADMIN) && actor.jurisdictionPath() != null
				&& actor.jurisdictionPath().chars().filter(ch -> ch == '/').count() == 2;
	}

	@Transactional
	public ProblemCategory updateDefaults(Actor actor, String code, Integer deadlineValue, DeadlineUnit unit,
			UnitType unitType, Integer expectedVersion) {
		if (!editsDefaults(actor)) {
			throw new ForbiddenException("problem.category.forbidden");
		}
		ProblemCategory current = find(code).orElseThrow(() -> new NotFoundException("problemCategory", code));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw ConflictException.staleVersion("problemCategory");
		}
		ProblemCategory next = current.withDefaults(deadlineValue, unit, unitType);
		if (!repository.update(next)) {
			throw ConflictException.staleVersion("problemCategory");
		}
		audit.record("problemCategory.updated", "problemCategory", code, defaults(current), defaults(next), null);
		return find(code).orElseThrow();
	}

	/**
	 * Names (or, with {@code null}, clears) the unit that handles a category in the caller's own jurisdiction. Only a
	 * campaign office; the unit must be one it sees.
	 */
	@Transactional
	public void setHandlingUnit(Actor actor, String code, UUID unitId) {
		if (actor == null || !actor.has(Role.OFFICE_ADMIN) || actor.jurisdictionId() == null) {
			throw new ForbiddenException("problem.category.forbidden");
		}
		ProblemCategory category = reportable(code);
		Unit unit = unitId == null ? null : organisation.unitFor(actor, unitId);
		UUID before = repository.handlingUnitsOn(actor.jurisdictionId()).get(category.code());
		repository.setHandlingUnit(category.code(), actor.jurisdictionId(), unitId);
		audit.record("problemCategory.handlingUnit", "problemCategory", category.code(),
				before == null ? null : Map.of("unitId", before.toString()),
				unit == null ? null : Map.of("unitId", unit.id().toString(), "unit", unit.name(), "jurisdictionId",
						actor.jurisdictionId().toString()), null);
	}

	/** Sets a handling unit on any node, for the system itself (the demo city). */
	@Transactional
	public void setHandlingUnitBySystem(String code, UUID jurisdictionId, UUID unitId) {
		repository.setHandlingUnit(reportable(code).code(), jurisdictionId, unitId);
		audit.record("problemCategory.handlingUnit", "problemCategory", code, null,
				Map.of("unitId", unitId.toString(), "jurisdictionId", jurisdictionId.toString()), null);
	}

	private static Map<String, Object> defaults(ProblemCategory c) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("deadlineValue", c.deadlineValue());
		state.put("deadlineUnit", c.deadlineUnit() == null ? null : c.deadlineUnit().name());
		state.put("defaultUnitType", c.defaultUnitType() == null ? null : c.defaultUnitType().name());
		state.put("version", c.version());
		return state;
	}
}

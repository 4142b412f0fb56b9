package org.chuangwen.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationDirectory.PersonFilter;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.InvalidInputException.FieldError;
import org.chuangwen.shared.PageRequest;

/**
 * Checks one breakdown line against the organisation and the framework and resolves its codes, collecting every
 * problem of the line (so an import can list them all). One resolver serves one request: units, standards and
 * leaders looked up once are remembered, so a 2,000-line sheet costs one lookup per distinct code.
 */
final class BreakdownResolver {

	static final int MAX_TITLE = 200;

	static final int MAX_DELIVERABLES = 2000;

	static final BigDecimal MAX_WEIGHT = new BigDecimal("1000");

	/** A unit with its jurisdiction's path. */
	record PlacedUnit(Unit unit, String path) {
	}

	/** A line that passed every check, ready to become one task per responsible unit. */
	record ResolvedItem(NewBreakdownItem item, Standard standard, Criterion criterion, PlacedUnit lead,
			List<PlacedUnit> responsible, List<PlacedUnit> supporting, Person leader, java.time.Instant deadline) {
	}

	private final Actor actor;

	private final OrganisationDirectory organisation;

	private final CriteriaDirectory criteria;

	private final Clock clock;

	private final Map<String, Optional<PlacedUnit>> units = new HashMap<>();

	private final Map<String, List<Person>> leaders = new HashMap<>();

	private final Map<UUID, CriterionTree> trees = new HashMap<>();

	BreakdownResolver(Actor actor, OrganisationDirectory organisation, CriteriaDirectory criteria, Clock clock) {
		this.actor = actor;
		this.organisation = organisation;
		this.criteria = criteria;
		this.clock = clock;
	}

	/** The resolved line, or the problems found in it (then the result is empty and {@code problems} filled). */
	Optional<ResolvedItem> resolve(NewBreakdownItem item, List<FieldError> problems) {
		int before = problems.size();
		String title = trim(item.title());
		if (title == null) {
			problems.add(new FieldError("title", "error.field.required"));
		}
		else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
			problems.add(new FieldError("title", "error.field.tooLong", MAX_TITLE));
		}
		Standard standard = null;
		Criterion criterion = null;
		String standardCode = trim(item.standardCode());
		if (standardCode != null) {
			if (item.frameworkId() == null) {
				problems.add(new FieldError("standardCode", "task.framework.required"));
			}
			else {
				CriterionTree tree = tree(item.frameworkId());
				standard = tree.standardByCode(standardCode).orElse(null);
				if (standard == null) {
					problems.add(new FieldError("standardCode", "task.standard.unknown", standardCode));
				}
				else {
					criterion = tree.criterion(standard.criterionId()).orElse(null);
				}
			}
		}
		PlacedUnit lead = null;
		String leadCode = trim(item.leadUnitCode());
		if (leadCode == null) {
			problems.add(new FieldError("leadUnitCode", "error.field.required"));
		}
		else {
			lead = unit(leadCode).orElse(null);
			if (lead == null) {
				problems.add(new FieldError("leadUnitCode", "task.unit.unknown", leadCode));
			}
		}
		List<PlacedUnit> responsible = units("responsibleUnitCodes", item.responsibleUnitCodes(), true, problems);
		List<PlacedUnit> supporting = units("supportingUnitCodes", item.supportingUnitCodes(), false, problems);
		for (PlacedUnit unit : responsible) {
			if (!actor.covers(unit.path())) {
				problems.add(new FieldError("responsibleUnitCodes", "task.unit.outsideScope", unit.unit().code()));
			}
		}
		Person leader = null;
		String leaderRef = trim(item.leader());
		if (leaderRef != null) {
			List<Person> matches = leaders(leaderRef);
			if (matches.isEmpty()) {
				problems.add(new FieldError("leader", "task.leader.unknown", leaderRef));
			}
			else if (matches.size() > 1) {
				problems.add(new FieldError("leader", "task.leader.ambiguous", leaderRef));
			}
			else {
				leader = matches.get(0);
			}
		}
		java.time.Instant deadline = null;
		if (item.deadline() == null) {
			if (!mentions(problems, before, "deadline")) {
				problems.add(new FieldError("deadline", "error.field.required"));
			}
		}
		else if (item.deadline().isBefore(LocalDate.now(clock))) {
			problems.add(new FieldError("deadline", "task.deadline.past", item.deadline().toString()));
		}
		else {
			deadline = endOf(item.deadline(), clock);
		}
		if (item.deliverables() != null && item.deliverables().codePointCount(0, item.deliverables().length()) > MAX_DELIVERABLES) {
			problems.add(new FieldError("deliverables", "error.field.tooLong", MAX_DELIVERABLES));
		}
		if (item.weight() == null) {
			if (!mentions(problems, before, "weight")) {
				problems.add(new FieldError("weight", "error.field.required"));
			}
		}
		else if (item.weight().signum() < 0 || item.weight().compareTo(MAX_WEIGHT) > 0 || item.weight().scale() > 2) {
			problems.add(new FieldError("weight", "task.weight.range", MAX_WEIGHT));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new ResolvedItem(item, standard, criterion, lead, responsible, supporting, leader, deadline));
	}

	private static boolean mentions(List<FieldError> problems, int from, String field) {
		return problems.subList(0, problems.size()).stream().anyMatch(p -> p.field().equals(field));
	}

	/** The end of a day in the city's time zone: a task due "on 2026-12-31" may be submitted all that day. */
	static java.time.Instant endOf(LocalDate day, Clock clock) {
		return day.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant();
	}

	CriterionTree tree(UUID frameworkId) {
		return trees.computeIfAbsent(frameworkId, id -> {
			criteria.framework(actor, id); // 404 when the actor may not read it
			return criteria.tree(id);
		});
	}

	private List<PlacedUnit> units(String field, List<String> codes, boolean required, List<FieldError> problems) {
		List<PlacedUnit> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String raw : codes) {
			String code = trim(raw);
			if (code == null) {
				continue;
			}
			if (!seen.add(code)) {
				problems.add(new FieldError(field, "task.unit.duplicate", code));
				continue;
			}
			Optional<PlacedUnit> unit = unit(code);
			if (unit.isEmpty()) {
				problems.add(new FieldError(field, "task.unit.unknown", code));
			}
			else {
				found.add(unit.get());
			}
		}
		if (required && seen.isEmpty()) {
			problems.add(new FieldError(field, "error.field.required"));
		}
		return found;
	}

	private Optional<PlacedUnit> unit(String code) {
		return units.computeIfAbsent(code, c -> organisation.unitByCode(c).filter(Unit::active).map(unit -> {
			String path = organisation.jurisdiction(unit.jurisdictionId()).map(Jurisdiction::path).orElse("");
			return new PlacedUnit(unit, path);
		}));
	}

	private List<Person> leaders(String ref) {
		return leaders.computeIfAbsent(ref, r -> {
			boolean mobile = r.matches("\\d{11}");
			return organisation.people(actor, new PersonFilter(r, null), new PageRequest(0, 50))
				.items()
				.stream()
				.map(OrganisationDirectory.PersonSummary::person)
				.filter(Person::active)
				.filter(p -> mobile ? r.equals(p.mobile()) : r.equals(p.name()))
				.toList();
		});
	}

	static String trim(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}
}

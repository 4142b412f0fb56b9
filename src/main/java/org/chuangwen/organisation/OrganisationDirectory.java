package org.chuangwen.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on the organisation. The methods that take an {@link Actor} answer only what that caller may see (see
 * {@link OrganisationScope}); an object outside the scope is not found. The methods by id or code without an actor are
 * for other modules, which apply their own access rules.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

	/** A node of the tree with its parent's name, its number of children and of units in its subtree. */
	public record JurisdictionEntry(Jurisdiction jurisdiction, String parentName, long children, long units) {
	}

	/** A unit with the names a list shows next to it. */
	public record UnitSummary(Unit unit, String jurisdictionCode, String jurisdictionName, String parentName,
			String mainLeaderName, String liaisonName) {
	}

	/** A person with the unit they belong to. */
	public record PersonSummary(Person person, String unitCode, String unitName) {
	}

	/** A command post with its commander, lead unit and number of member units. */
	public record CommandPostSummary(UUID id, String code, String name, UUID jurisdictionId, String jurisdictionName,
			UUID commanderId, String commanderName, UUID leadUnitId, String leadUnitName, long members, int version) {
	}

	/** An entry of the responsibility map with the names of who holds it. */
	public record ResponsibilitySummary(Responsibility responsibility, String jurisdictionCode, String jurisdictionName,
			String areaLeaderName, String blockUnitName, String doorPersonName) {
	}

	/** Unit list filters; {@code jurisdictionId} means the node's whole subtree. All optional. */
	public record UnitFilter(String q, UnitType type, UUID jurisdictionId, Boolean active, String jurisdictionPath) {

		public UnitFilter(String q, UnitType type, UUID jurisdictionId, Boolean active) {
			this(q, type, jurisdictionId, active, null);
		}

		public static UnitFilter none() {
			return new UnitFilter(null, null, null, null);
		}

		UnitFilter withPath(String path) {
			return new UnitFilter(q, type, jurisdictionId, active, path);
		}
	}

	/** People list filters, all optional: a name substring or mobile prefix, a unit. */
	public record PersonFilter(String q, UUID unitId) {
	}

	/** Responsibility map filters, all optional; {@code jurisdictionId} means the node's whole subtree. */
	public record ResponsibilityFilter(String q, ResponsibilityKind kind, UUID jurisdictionId, String jurisdictionPath) {

		public ResponsibilityFilter(String q, ResponsibilityKind kind, UUID jurisdictionId) {
			this(q, kind, jurisdictionId, null);
		}

		ResponsibilityFilter withPath(String path) {
			return new ResponsibilityFilter(q, kind, jurisdictionId, path);
		}
	}

	/** At most this many rows go into one Excel export. */
	public static final int EXPORT_LIMIT = 20_000;

	private final OrganisationRepository repository;

	private final OrganisationQueries queries;

	OrganisationDirectory(OrganisationRepository repository, OrganisationQueries queries) {
		this.repository = repository;
		this.queries = queries;
	}

	// for other modules, by id or code

	public Optional<Jurisdiction> jurisdiction(UUID id) {
		return repository.jurisdiction(id);
	}

	public Optional<Jurisdiction> jurisdictionByCode(String code) {
		return repository.jurisdictionByCode(code);
	}

	public Optional<Unit> unit(UUID id) {
		return repository.unit(id);
	}

	public Optional<Unit> unitByCode(String code) {
		return repository.unitByCode(code);
	}

	public Optional<Person> person(UUID id) {
		return repository.person(id);
	}

	public Optional<CommandPost> commandPost(UUID id) {
		return repository.commandPost(id);
	}

	public boolean isEmpty() {
		return repository.countJurisdictions() == 0;
	}

	// scoped queries for pages and the API

	public OrganisationScope scopeOf(Actor actor) {
		return OrganisationScope.of(actor).requireReader();
	}

	public List<JurisdictionEntry> jurisdictionChildren(Actor actor, UUID parentId) {
		OrganisationScope scope = scopeOf(actor);
		if (parentId != null) {
			jurisdictionFor(actor, parentId);
		}
		return queries.jurisdictionChildren(scope, parentId);
	}

	public Page<JurisdictionEntry> searchJurisdictions(Actor actor, String q, JurisdictionLevel level, PageRequest page) {
		return queries.searchJurisdictions(scopeOf(actor), q, level, page);
	}

	public Page<Jurisdiction> jurisdictions(Actor actor, UUID parentId, PageRequest page) {
		OrganisationScope scope = scopeOf(actor);
		if (parentId != null) {
			jurisdictionFor(actor, parentId);
		}
		return queries.jurisdictions(scope, parentId, page);
	}

	public Jurisdiction jurisdictionFor(Actor actor, UUID id) {
		OrganisationScope scope = scopeOf(actor);
		return repository.jurisdiction(id)
			.filter(j -> scope.seesJurisdiction(j.path()))
			.orElseThrow(() -> new NotFoundException("jurisdiction", id));
	}

	/** The nodes from the top of the caller's scope down to this node (for breadcrumbs). */
	public List<Jurisdiction> lineageFor(Actor actor, Jurisdiction node) {
		OrganisationScope scope = scopeOf(actor);
		return queries.lineage(node).stream().filter(j -> scope.seesJurisdiction(j.path())).toList();
	}

	public List<Jurisdiction> jurisdictionOptions(Actor actor, boolean withGrids) {
		return queries.jurisdictionOptions(scopeOf(actor), withGrids);
	}

	public Page<UnitSummary> units(Actor actor, UnitFilter filter, PageRequest page) {
		return queries.units(scopeOf(actor), resolve(actor, filter), page);
	}

	public List<UnitSummary> unitsForExport(Actor actor, UnitFilter filter) {
		return queries.allUnits(scopeOf(actor), resolve(actor, filter), EXPORT_LIMIT);
	}

	private UnitFilter resolve(Actor actor, UnitFilter filter) {
		return filter.jurisdictionId() == null ? filter : filter.withPath(jurisdictionFor(actor, filter.jurisdictionId()).path());
	}

	public Unit unitFor(Actor actor, UUID id) {
		OrganisationScope scope = scopeOf(actor);
		return repository.unit(id)
			.filter(u -> scope.seesUnit(u.id(), pathOf(u.jurisdictionId())))
			.orElseThrow(() -> new NotFoundException("unit", id));
	}

	public UnitSummary unitSummaryFor(Actor actor, UUID id) {
		return summary(unitFor(actor, id));
	}

	private UnitSummary summary(Unit unit) {
		Jurisdiction j = repository.jurisdiction(unit.jurisdictionId()).orElseThrow();
		String parentName = unit.parentId() == null ? null : repository.unit(unit.parentId()).map(Unit::name).orElse(null);
		String leader = unit.mainLeaderId() == null ? null : repository.person(unit.mainLeaderId()).map(Person::name).orElse(null);
		String liaison = unit.liaisonId() == null ? null : repository.person(unit.liaisonId()).map(Person::name).orElse(null);
		return new UnitSummary(unit, j.code(), j.name(), parentName, leader, liaison);
	}

	public Page<UnitSummary> subordinateUnits(Actor actor, UUID unitId, PageRequest page) {
		unitFor(actor, unitId);
		return queries.subordinateUnits(unitId, page);
	}

	public List<Unit> unitOptions(Actor actor) {
		return queries.unitOptions(scopeOf(actor));
	}

	public List<Person> peopleOf(Actor actor, UUID unitId) {
		unitFor(actor, unitId);
		return queries.peopleOf(unitId);
	}

	/**
	 * The people a picker offers: those of the chosen unit, those registered on the chosen node without a unit
	 * (shopkeepers), and the person currently chosen, so that editing never silently drops a holder.
	 */
	public List<Person> candidatePeople(Actor actor, UUID unitId, UUID jurisdictionId, UUID currentId) {
		OrganisationScope scope = scopeOf(actor);
		List<Person> people = new java.util.ArrayList<>();
		if (unitId != null) {
			people.addAll(peopleOf(actor, unitId));
		}
		if (jurisdictionId != null && repository.jurisdiction(jurisdictionId).filter(j -> scope.seesJurisdiction(j.path())).isPresent()) {
			people.addAll(queries.peopleWithoutUnitOn(jurisdictionId).stream().filter(p -> seesPerson(scope, p)).toList());
		}
		if (currentId != null && people.stream().noneMatch(p -> p.id().equals(currentId))) {
			repository.person(currentId).filter(p -> seesPerson(scope, p)).ifPresent(p -> people.add(0, p));
		}
		return people.stream().distinct().toList();
	}

	public Page<PersonSummary> people(Actor actor, PersonFilter filter, PageRequest page) {
		return queries.people(scopeOf(actor), filter, page);
	}

	public List<PersonSummary> peopleForExport(Actor actor, PersonFilter filter) {
		return queries.allPeople(scopeOf(actor), filter, EXPORT_LIMIT);
	}

	public Person personFor(Actor actor, UUID id) {
		OrganisationScope scope = scopeOf(actor);
		return repository.person(id).filter(p -> seesPerson(scope, p)).orElseThrow(() -> new NotFoundException("person", id));
	}

	boolean seesPerson(OrganisationScope scope, Person p) {
		if (scope.isUnitBound()) {
			return scope.unitId().equals(p.unitId());
		}
		if (p.unitId() != null) {
			return repository.unit(p.unitId()).map(u -> scope.seesJurisdiction(pathOf(u.jurisdictionId()))).orElse(false);
		}
		return p.jurisdictionId() != null && scope.seesJurisdiction(pathOf(p.jurisdictionId()));
	}

	public Page<CommandPostSummary> commandPosts(Actor actor, String q, PageRequest page) {
		return queries.commandPosts(scopeOf(actor), q, page);
	}

	public CommandPost commandPostFor(Actor actor, UUID id) {
		OrganisationScope scope = scopeOf(actor);
		return repository.commandPost(id).filter(c -> seesCommandPost(scope, c)).orElseThrow(() -> new NotFoundException("commandPost", id));
	}

	boolean seesCommandPost(OrganisationScope scope, CommandPost c) {
		if (scope.isUnitBound()) {
			return scope.unitId().equals(c.leadUnitId()) || c.memberUnitIds().contains(scope.unitId());
		}
		return scope.seesJurisdiction(pathOf(c.jurisdictionId()));
	}

	/** The command posts a unit leads or belongs to, by code, unscoped: for other modules (inspections' snapshots). */
	public List<CommandPostSummary> commandPostsOfUnit(UUID unitId) {
		return queries.commandPostsOfUnit(unitId);
	}

	public List<CommandPostSummary> commandPostsOf(Actor actor, UUID unitId) {
		unitFor(actor, unitId);
		return queries.commandPostsOfUnit(unitId);
	}

	public Page<ResponsibilitySummary> responsibilities(Actor actor, ResponsibilityFilter filter, PageRequest page) {
		OrganisationScope scope = scopeOf(actor);
		ResponsibilityFilter resolved = filter.jurisdictionId() == null ? filter
				: filter.withPath(jurisdictionFor(actor, filter.jurisdictionId()).path());
		return queries.responsibilities(scope, resolved, page);
	}

	public Responsibility responsibilityFor(Actor actor, UUID id) {
		OrganisationScope scope = scopeOf(actor);
		return repository.responsibility(id)
			.filter(r -> seesResponsibility(scope, r))
			.orElseThrow(() -> new NotFoundException("responsibility", id));
	}

	boolean seesResponsibility(OrganisationScope scope, Responsibility r) {
		if (scope.isUnitBound()) {
			UUID unit = scope.unitId();
			return unit.equals(r.blockUnitId()) || unitOfPerson(r.areaLeaderId()).filter(unit::equals).isPresent()
					|| unitOfPerson(r.doorPersonId()).filter(unit::equals).isPresent();
		}
		return scope.seesJurisdiction(pathOf(r.jurisdictionId()));
	}

	private Optional<UUID> unitOfPerson(UUID personId) {
		return personId == null ? Optional.empty() : repository.person(personId).map(Person::unitId);
	}

	public List<ResponsibilitySummary> responsibilitiesOf(Actor actor, UUID unitId) {
		unitFor(actor, unitId);
		return queries.responsibilitiesOfUnit(unitId, 200);
	}

	public List<ResponsibilitySummary> responsibilitiesOn(Actor actor, UUID jurisdictionId) {
		jurisdictionFor(actor, jurisdictionId);
		return queries.responsibilitiesOn(jurisdictionId);
	}

	String pathOf(UUID jurisdictionId) {
		return jurisdictionId == null ? null : repository.jurisdiction(jurisdictionId).map(Jurisdiction::path).orElse(null);
	}
}

package org.chuangwen.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on the organisation: jurisdictions, units, people, command posts and the responsibility map. Every command
 * checks the caller's scope ({@link OrganisationScope}: what lies outside it is not found, what the caller may read but
 * not change is forbidden), validates the whole input at once, refuses a stale version (optimistic locking on the
 * {@code version} columns), and records the change with its before and after in the audit trail, in the same
 * transaction. A {@code null} actor means the system itself (the demo city, start-up work).
 */
@Service
public class OrganisationManagement {

	/** A new jurisdiction node. */
	public record NewJurisdiction(UUID parentId, JurisdictionLevel level, String code, String name, int sortOrder) {
	}

	/** New values of a jurisdiction node's own fields, against the version the caller saw. */
	public record JurisdictionChange(String code, String name, int sortOrder, int version) {
	}

	/** A new unit. */
	public record NewUnit(String code, String name, UnitType type, UUID jurisdictionId, UUID parentId, String phone,
			String address) {
	}

	/**
	 * New values of a unit (moving it means a new jurisdiction or parent unit), against the version the caller saw.
	 * The main leader and liaison, when given, must be people of the unit.
	 */
	public record UnitChange(String code, String name, UnitType type, UUID jurisdictionId, UUID parentId, String phone,
			String address, UUID mainLeaderId, UUID liaisonId, int version) {
	}

	/** A new person. */
	public record NewPerson(String name, UUID unitId, String position, String mobile, UUID jurisdictionId) {
	}

	/** New values of a person, against the version the caller saw. */
	public record PersonChange(String name, UUID unitId, String position, String mobile, UUID jurisdictionId,
			boolean active, int version) {
	}

	/** A new command post; the lead unit becomes a member too. */
	public record NewCommandPost(String code, String name, UUID jurisdictionId, UUID commanderId, UUID leadUnitId,
			String description, List<UUID> memberUnitIds) {
	}

	/** New values of a command post's own fields, against the version the caller saw. */
	public record CommandPostChange(String code, String name, UUID jurisdictionId, UUID commanderId, UUID leadUnitId,
			String description, int version) {
	}

	/** A new entry of the responsibility map. */
	public record NewResponsibility(UUID jurisdictionId, ResponsibilityKind kind, String subjectName, String subjectRef,
			UUID areaLeaderId, UUID blockUnitId, UUID doorPersonId, Set<FrontageDuty> frontageDuties) {
	}

	/** New values of an entry of the responsibility map, against the version the caller saw. */
	public record ResponsibilityChange(UUID jurisdictionId, ResponsibilityKind kind, String subjectName, String subjectRef,
			UUID areaLeaderId, UUID blockUnitId, UUID doorPersonId, Set<FrontageDuty> frontageDuties, int version) {
	}

	static final int MAX_NAME = 100;

	static final int MAX_PERSON_NAME = 50;

	static final int MAX_CODE = 50;

	static final int MAX_POSITION = 50;

	static final int MAX_PHONE = 30;

	static final int MAX_ADDRESS = 200;

	static final int MAX_DESCRIPTION = 500;

	static final String CODE_PATTERN = "[A-Za-z0-9_.-]+";

	static final String MOBILE_PATTERN = "1[3-9][0-9]{9}";

	private final OrganisationRepository repository;

	private final OrganisationDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	/**
	 * A unit's code or name changed. Modules that keep a unit's name next to their own records (tasks, reports) update
	 * their copies.
	 */
	public record UnitRenamed(UUID unitId, String oldCode, String code, String name) {
	}

	private final org.springframework.context.ApplicationEventPublisher events;

	OrganisationManagement(OrganisationRepository repository, OrganisationDirectory directory, AuditTrail audit, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	// jurisdictions

	@Transactional
	public Jurisdiction createJurisdiction(Actor by, NewJurisdiction command) {
		OrganisationScope scope = OrganisationScope.of(by);
		Validation v = new Validation();
		checkCode(v, command.code());
		checkName(v, "name", command.name(), MAX_NAME);
		v.required("level", command.level());
		Jurisdiction parent = null;
		if (command.parentId() != null) {
			parent = visibleJurisdiction(scope, command.parentId());
			v.check(parent != null, "parentId", "jurisdiction.parent.unknown");
		}
		else if (!scope.isEverything()) {
			v.reject("parentId", "error.field.required");
		}
		if (parent != null && command.level() != null) {
			v.check(parent.level().mayHaveChild(command.level()), "level", "jurisdiction.level.invalidChild");
		}
		if (present(command.code()) && repository.jurisdictionCodeTaken(command.code().trim())) {
			v.reject("code", "organisation.code.taken");
		}
		v.throwIfInvalid();
		if (parent != null) {
			scope.requireMaintains(parent.path());
		}
		UUID id = Ids.newId(clock);
		Jurisdiction created = new Jurisdiction(id, command.parentId(), command.level(), command.code().trim(),
				command.name().trim(), Jurisdiction.childPath(parent == null ? null : parent.path(), id), command.sortOrder(), 0);
		repository.insert(created);
		audit.record("jurisdiction.created", "jurisdiction", id, null, created, null);
		return created;
	}

	@Transactional
	public Jurisdiction updateJurisdiction(Actor by, UUID id, JurisdictionChange change) {
		OrganisationScope scope = OrganisationScope.of(by);
		Jurisdiction current = requireJurisdiction(scope, id);
		Validation v = new Validation();
		checkCode(v, change.code());
		checkName(v, "name", change.name(), MAX_NAME);
		if (present(change.code()) && repository.jurisdictionCodeTakenByOther(change.code().trim(), id)) {
			v.reject("code", "organisation.code.taken");
		}
		v.throwIfInvalid();
		scope.requireMaintains(current.path());
		Jurisdiction changed = new Jurisdiction(id, current.parentId(), current.level(), change.code().trim(),
				change.name().trim(), current.path(), change.sortOrder(), current.version() + 1);
		if (!repository.update(changed, change.version())) {
			throw ConflictException.staleVersion("jurisdiction");
		}
		audit.record("jurisdiction.updated", "jurisdiction", id, current, changed, null);
		return changed;
	}

	/**
	 * Moves a node with its whole subtree under a new parent of the right level. A node cannot move under itself or
	 * its own descendant; the paths of the subtree are rewritten in one statement. The caller must maintain both the
	 * old and the new place.
	 */
	@Transactional
	public Jurisdiction moveJurisdiction(Actor by, UUID id, UUID newParentId, int version) {
		OrganisationScope scope = OrganisationScope.of(by);
		Jurisdiction current = requireJurisdiction(scope, id);
		if (newParentId == null) {
			throw new InvalidInputException("parentId", "error.field.required");
		}
		Jurisdiction parent = visibleJurisdiction(scope, newParentId);
		if (parent == null) {
			throw new InvalidInputException("parentId", "jurisdiction.parent.unknown");
		}
		Jurisdiction.PathRewrite rewrite = current.moveUnder(parent);
		scope.requireMaintains(current.path());
		scope.requireMaintains(parent.path());
		if (newParentId.equals(current.parentId())) {
			return current;
		}
		if (!repository.reparent(id, newParentId, version)) {
			throw ConflictException.staleVersion("jurisdiction");
		}
		int moved = repository.rewritePaths(rewrite);
		Jurisdiction after = repository.jurisdiction(id).orElseThrow();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("parentId", current.parentId());
		before.put("path", current.path());
		Map<String, Object> afterState = Map.of("parentId", newParentId, "path", after.path(), "nodesMoved", moved);
		audit.record("jurisdiction.moved", "jurisdiction", id, before, afterState, null);
		return after;
	}

	// units

	@Transactional
	public Unit createUnit(Actor by, NewUnit command) {
		OrganisationScope scope = OrganisationScope.of(by);
		Validation v = new Validation();
		checkCode(v, command.code());
		checkName(v, "name", command.name(), MAX_NAME);
		v.required("type", command.type()).maxLength("phone", command.phone(), MAX_PHONE).maxLength("address", command.address(), MAX_ADDRESS);
		Jurisdiction jurisdiction = checkJurisdiction(v, scope, command.jurisdictionId());
		if (command.parentId() != null && visibleUnit(scope, command.parentId()) == null) {
			v.reject("parentId", "unit.parent.unknown");
		}
		if (present(command.code()) && repository.unitCodeTaken(command.code().trim())) {
			v.reject("code", "organisation.code.taken");
		}
		v.throwIfInvalid();
		scope.requireMaintains(jurisdiction.path());
		Unit created = new Unit(Ids.newId(clock), command.code().trim(), command.name().trim(), command.type(),
				command.jurisdictionId(), command.parentId(), null, null, blankToNull(command.phone()),
				blankToNull(command.address()), true, 0);
		repository.insert(created);
		audit.record("unit.created", "unit", created.id(), null, created, null);
		return created;
	}

	/**
	 * Changes a unit: its names and contacts, its leaders, and where it hangs (jurisdiction, parent unit). A unit
	 * cannot move under itself or one of its own subordinate units. The caller must maintain both the old and the new
	 * jurisdiction.
	 */
	@Transactional
	public Unit updateUnit(Actor by, UUID id, UnitChange change) {
		OrganisationScope scope = OrganisationScope.of(by);
		Unit current = requireUnit(scope, id);
		Validation v = new Validation();
		checkCode(v, change.code());
		checkName(v, "name", change.name(), MAX_NAME);
		v.required("type", change.type()).maxLength("phone", change.phone(), MAX_PHONE).maxLength("address", change.address(), MAX_ADDRESS);
		Jurisdiction jurisdiction = checkJurisdiction(v, scope, change.jurisdictionId());
		if (change.parentId() != null && visibleUnit(scope, change.parentId()) == null) {
			v.reject("parentId", "unit.parent.unknown");
		}
		if (present(change.code()) && repository.unitCodeTakenByOther(change.code().trim(), id)) {
			v.reject("code", "organisation.code.taken");
		}
		checkMember(v, "mainLeaderId", change.mainLeaderId(), id);
		checkMember(v, "liaisonId", change.liaisonId(), id);
		v.throwIfInvalid();
		if (change.parentId() != null) {
			current.mayMoveUnder(change.parentId(), repository.unitLineage(change.parentId()));
		}
		requireMaintains(scope, current.jurisdictionId());
		scope.requireMaintains(jurisdiction.path());
		Unit changed = new Unit(id, change.code().trim(), change.name().trim(), change.type(), change.jurisdictionId(),
				change.parentId(), change.mainLeaderId(), change.liaisonId(), blankToNull(change.phone()),
				blankToNull(change.address()), current.active(), current.version() + 1);
		if (!repository.update(changed, change.version())) {
			throw ConflictException.staleVersion("unit");
		}
		audit.record("unit.updated", "unit", id, current, changed, null);
		if (!current.name().equals(changed.name()) || !current.code().equals(changed.code())) {
			events.publishEvent(new UnitRenamed(id, current.code(), changed.code(), changed.name()));
		}
		return changed;
	}

	/**
	 * Takes a unit out of service (it keeps its history) or back into service. A unit that still holds a block of the
	 * responsibility map or leads a command post cannot be taken out of service: problems would be routed to nobody.
	 */
	@Transactional
	public Unit setUnitActive(Actor by, UUID id, boolean active, int version, String reason) {
		OrganisationScope scope = OrganisationScope.of(by);
		Unit current = requireUnit(scope, id);
		requireMaintains(scope, current.jurisdictionId());
		if (current.active() == active) {
			if (current.version() != version) {
				throw ConflictException.staleVersion("unit");
			}
			return current;
		}
		if (!active) {
			long[] holdings = repository.holdings(id);
			if (holdings[0] > 0 || holdings[1] > 0) {
				throw new InvalidInputException("active", "unit.deactivate.stillHolds", holdings[0], holdings[1]);
			}
		}
		Unit changed = new Unit(id, current.code(), current.name(), current.type(), current.jurisdictionId(),
				current.parentId(), current.mainLeaderId(), current.liaisonId(), current.phone(), current.address(), active,
				current.version() + 1);
		if (!repository.update(changed, version)) {
			throw ConflictException.staleVersion("unit");
		}
		audit.record(active ? "unit.reactivated" : "unit.deactivated", "unit", id, Map.of("active", current.active()),
				Map.of("active", active), blankToNull(reason));
		return changed;
	}

	/** Names a unit's main leader (一把手) and liaison (联络员); both must be people of that unit. */
	@Transactional
	public void setUnitLeaders(Actor by, UUID unitId, UUID mainLeaderId, UUID liaisonId) {
		OrganisationScope scope = OrganisationScope.of(by);
		Unit unit = requireUnit(scope, unitId);
		Validation v = new Validation();
		checkMember(v, "mainLeaderId", mainLeaderId, unitId);
		checkMember(v, "liaisonId", liaisonId, unitId);
		v.throwIfInvalid();
		requireMaintains(scope, unit.jurisdictionId());
		repository.setUnitLeaders(unitId, mainLeaderId, liaisonId);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("mainLeaderId", unit.mainLeaderId());
		before.put("liaisonId", unit.liaisonId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("mainLeaderId", mainLeaderId);
		after.put("liaisonId", liaisonId);
		audit.record("unit.leadersChanged", "unit", unitId, before, after, null);
	}

	// people

	@Transactional
	public Person createPerson(Actor by, NewPerson command) {
		OrganisationScope scope = OrganisationScope.of(by);
		Validation v = new Validation();
		Unit unit = checkPerson(v, scope, command.name(), command.unitId(), command.position(), command.mobile(),
				command.jurisdictionId(), null);
		v.throwIfInvalid();
		requireMaintainsPeople(scope, unit, command.jurisdictionId());
		Person created = new Person(Ids.newId(clock), command.name().trim(), command.unitId(), blankToNull(command.position()),
				blankToNull(command.mobile()), command.jurisdictionId(), true, 0);
		repository.insert(created);
		audit.record("person.created", "person", created.id(), null, created, null);
		return created;
	}

	/**
	 * Changes a person. The campaign office changes people within its jurisdiction; a unit admin changes the people of
	 * its own unit (and cannot move them to another unit). A unit's main leader or liaison cannot leave the unit or be
	 * taken out of service while named as such.
	 */
	@Transactional
	public Person updatePerson(Actor by, UUID id, PersonChange change) {
		OrganisationScope scope = OrganisationScope.of(by);
		Person current = repository.person(id).filter(p -> directory.seesPerson(scope, p))
			.orElseThrow(() -> new NotFoundException("person", id));
		Unit currentUnit = current.unitId() == null ? null : repository.unit(current.unitId()).orElse(null);
		requireMaintainsPeople(scope, currentUnit, current.jurisdictionId());
		Validation v = new Validation();
		Unit unit = checkPerson(v, scope, change.name(), change.unitId(), change.position(), change.mobile(),
				change.jurisdictionId(), id);
		boolean leavesUnit = current.unitId() != null && (!current.unitId().equals(change.unitId()) || !change.active());
		if (leavesUnit && currentUnit != null && (id.equals(currentUnit.mainLeaderId()) || id.equals(currentUnit.liaisonId()))) {
			v.reject(change.active() ? "unitId" : "active", "person.leadsUnit");
		}
		v.throwIfInvalid();
		requireMaintainsPeople(scope, unit, change.jurisdictionId());
		Person changed = new Person(id, change.name().trim(), change.unitId(), blankToNull(change.position()),
				blankToNull(change.mobile()), change.jurisdictionId(), change.active(), current.version() + 1);
		if (!repository.update(changed, change.version())) {
			throw ConflictException.staleVersion("person");
		}
		audit.record("person.updated", "person", id, current, changed, null);
		return changed;
	}

	private Unit checkPerson(Validation v, OrganisationScope scope, String name, UUID unitId, String position, String mobile,
			UUID jurisdictionId, UUID personId) {
		checkName(v, "name", name, MAX_PERSON_NAME);
		v.maxLength("position", position, MAX_POSITION).pattern("mobile", mobile, MOBILE_PATTERN, "person.mobile.pattern");
		v.check(unitId != null || jurisdictionId != null, "unitId", "person.placeRequired");
		Unit unit = unitId == null ? null : visibleUnit(scope, unitId);
		if (unitId != null && unit == null) {
			v.reject("unitId", "unit.unknown");
		}
		if (jurisdictionId != null && visibleJurisdiction(scope, jurisdictionId) == null) {
			v.reject("jurisdictionId", "jurisdiction.unknown");
		}
		if (present(mobile)) {
			boolean taken = personId == null ? repository.mobileTaken(mobile.trim())
					: repository.mobileTakenByOther(mobile.trim(), personId);
			v.check(!taken, "mobile", "person.mobile.taken");
		}
		return unit;
	}

	private void requireMaintainsPeople(OrganisationScope scope, Unit unit, UUID jurisdictionId) {
		if (scope.isEverything()) {
			return;
		}
		String path = unit != null ? directory.pathOf(unit.jurisdictionId()) : directory.pathOf(jurisdictionId);
		if (!scope.maintainsPeopleOf(unit == null ? null : unit.id(), path)) {
			throw new ForbiddenException();
		}
	}

	// command posts

	@Transactional
	public CommandPost createCommandPost(Actor by, NewCommandPost command) {
		OrganisationScope scope = OrganisationScope.of(by);
		Validation v = new Validation();
		Jurisdiction jurisdiction = checkCommandPost(v, scope, command.code(), command.name(), command.jurisdictionId(),
				command.commanderId(), command.leadUnitId(), command.description(), null);
		for (UUID member : command.memberUnitIds()) {
			if (visibleUnit(scope, member) == null) {
				v.reject("memberUnitIds", "unit.unknown");
				break;
			}
		}
		v.throwIfInvalid();
		scope.requireMaintains(jurisdiction.path());
		Set<UUID> members = new LinkedHashSet<>();
		members.add(command.leadUnitId());
		members.addAll(command.memberUnitIds());
		CommandPost created = new CommandPost(Ids.newId(clock), command.code().trim(), command.name().trim(),
				command.jurisdictionId(), command.commanderId(), command.leadUnitId(), blankToNull(command.description()),
				List.copyOf(members), 0);
		repository.insert(created);
		audit.record("commandPost.created", "commandPost", created.id(), null, created, null);
		return created;
	}

	@Transactional
	public CommandPost updateCommandPost(Actor by, UUID id, CommandPostChange change) {
		OrganisationScope scope = OrganisationScope.of(by);
		CommandPost current = requireCommandPost(scope, id);
		Validation v = new Validation();
		Jurisdiction jurisdiction = checkCommandPost(v, scope, change.code(), change.name(), change.jurisdictionId(),
				change.commanderId(), change.leadUnitId(), change.description(), id);
		v.throwIfInvalid();
		requireMaintains(scope, current.jurisdictionId());
		scope.requireMaintains(jurisdiction.path());
		List<UUID> members = new ArrayList<>(current.memberUnitIds());
		if (!members.contains(change.leadUnitId())) {
			members.add(change.leadUnitId());
		}
		CommandPost changed = new CommandPost(id, change.code().trim(), change.name().trim(), change.jurisdictionId(),
				change.commanderId(), change.leadUnitId(), blankToNull(change.description()), members, current.version() + 1);
		if (!repository.update(changed, change.version())) {
			throw ConflictException.staleVersion("commandPost");
		}
		repository.addMember(id, change.leadUnitId());
		audit.record("commandPost.updated", "commandPost", id, current, changed, null);
		return changed;
	}

	@Transactional
	public void addCommandPostMember(Actor by, UUID commandPostId, UUID unitId) {
		OrganisationScope scope = OrganisationScope.of(by);
		CommandPost post = requireCommandPost(scope, commandPostId);
		if (unitId == null || visibleUnit(scope, unitId) == null) {
			throw new InvalidInputException("unitId", "unit.unknown");
		}
		requireMaintains(scope, post.jurisdictionId());
		if (repository.addMember(commandPostId, unitId)) {
			repository.touch(post);
			audit.record("commandPost.memberAdded", "commandPost", commandPostId, null, Map.of("unitId", unitId), null);
		}
	}

	/** Removes a member unit; the lead unit stays a member as long as it leads. */
	@Transactional
	public void removeCommandPostMember(Actor by, UUID commandPostId, UUID unitId) {
		OrganisationScope scope = OrganisationScope.of(by);
		CommandPost post = requireCommandPost(scope, commandPostId);
		requireMaintains(scope, post.jurisdictionId());
		if (unitId != null && unitId.equals(post.leadUnitId())) {
			throw new InvalidInputException("unitId", "commandPost.member.leadUnit");
		}
		if (unitId != null && repository.removeMember(commandPostId, unitId)) {
			repository.touch(post);
			audit.record("commandPost.memberRemoved", "commandPost", commandPostId, Map.of("unitId", unitId), null, null);
		}
	}

	private Jurisdiction checkCommandPost(Validation v, OrganisationScope scope, String code, String name,
			UUID jurisdictionId, UUID commanderId, UUID leadUnitId, String description, UUID exceptId) {
		checkCode(v, code);
		checkName(v, "name", name, MAX_NAME);
		v.maxLength("description", description, MAX_DESCRIPTION);
		Jurisdiction jurisdiction = checkJurisdiction(v, scope, jurisdictionId);
		v.required("leadUnitId", leadUnitId);
		if (leadUnitId != null && visibleUnit(scope, leadUnitId) == null) {
			v.reject("leadUnitId", "unit.unknown");
		}
		if (commanderId != null && visiblePerson(scope, commanderId) == null) {
			v.reject("commanderId", "person.unknown");
		}
		if (present(code) && repository.commandPostCodeTaken(code.trim(), exceptId)) {
			v.reject("code", "organisation.code.taken");
		}
		return jurisdiction;
	}

	// responsibility map

	@Transactional
	public Responsibility createResponsibility(Actor by, NewResponsibility command) {
		OrganisationScope scope = OrganisationScope.of(by);
		Set<FrontageDuty> duties = duties(command.frontageDuties());
		Jurisdiction jurisdiction = checkResponsibility(scope, command.jurisdictionId(), command.kind(), command.subjectName(),
				command.subjectRef(), command.areaLeaderId(), command.blockUnitId(), command.doorPersonId(), duties, null);
		scope.requireMaintains(jurisdiction.path());
		Responsibility created = new Responsibility(Ids.newId(clock), command.jurisdictionId(), command.kind(),
				command.subjectName().trim(), blankToNull(command.subjectRef()), command.areaLeaderId(),
				command.blockUnitId(), command.doorPersonId(), duties, 0);
		repository.insert(created);
		audit.record("responsibility.created", "responsibility", created.id(), null, created, null);
		return created;
	}

	@Transactional
	public Responsibility updateResponsibility(Actor by, UUID id, ResponsibilityChange change) {
		OrganisationScope scope = OrganisationScope.of(by);
		Responsibility current = requireResponsibility(scope, id);
		Set<FrontageDuty> duties = duties(change.frontageDuties());
		Jurisdiction jurisdiction = checkResponsibility(scope, change.jurisdictionId(), change.kind(), change.subjectName(),
				change.subjectRef(), change.areaLeaderId(), change.blockUnitId(), change.doorPersonId(), duties, id);
		requireMaintains(scope, current.jurisdictionId());
		scope.requireMaintains(jurisdiction.path());
		Responsibility changed = new Responsibility(id, change.jurisdictionId(), change.kind(), change.subjectName().trim(),
				blankToNull(change.subjectRef()), change.areaLeaderId(), change.blockUnitId(), change.doorPersonId(), duties,
				current.version() + 1);
		if (!repository.update(changed, change.version())) {
			throw ConflictException.staleVersion("responsibility");
		}
		audit.record("responsibility.updated", "responsibility", id, current, changed, null);
		return changed;
	}

	@Transactional
	public void removeResponsibility(Actor by, UUID id, int version, String reason) {
		OrganisationScope scope = OrganisationScope.of(by);
		Responsibility current = requireResponsibility(scope, id);
		requireMaintains(scope, current.jurisdictionId());
		if (!repository.delete(current, version)) {
			throw ConflictException.staleVersion("responsibility");
		}
		audit.record("responsibility.removed", "responsibility", id, current, null, blankToNull(reason));
	}

	private Jurisdiction checkResponsibility(OrganisationScope scope, UUID jurisdictionId, ResponsibilityKind kind,
			String subjectName, String subjectRef, UUID areaLeaderId, UUID blockUnitId, UUID doorPersonId,
			Set<FrontageDuty> duties, UUID exceptId) {
		Validation v = new Validation();
		Jurisdiction jurisdiction = checkJurisdiction(v, scope, jurisdictionId);
		v.required("kind", kind);
		checkName(v, "subjectName", subjectName, MAX_NAME);
		v.maxLength("subjectRef", subjectRef, MAX_CODE);
		if (areaLeaderId != null && visiblePerson(scope, areaLeaderId) == null) {
			v.reject("areaLeaderId", "person.unknown");
		}
		if (doorPersonId != null && visiblePerson(scope, doorPersonId) == null) {
			v.reject("doorPersonId", "person.unknown");
		}
		if (blockUnitId != null) {
			Unit block = visibleUnit(scope, blockUnitId);
			v.check(block != null, "blockUnitId", "unit.unknown");
			v.check(block == null || block.active(), "blockUnitId", "unit.inactive");
		}
		ResponsibilityRules.check(v, kind, areaLeaderId, blockUnitId, doorPersonId, duties);
		if (kind == ResponsibilityKind.AREA && jurisdiction != null && repository.areaTaken(jurisdictionId, exceptId)) {
			v.reject("jurisdictionId", "responsibility.area.taken");
		}
		v.throwIfInvalid();
		return jurisdiction;
	}

	private static Set<FrontageDuty> duties(Set<FrontageDuty> duties) {
		return duties == null || duties.isEmpty() ? Set.of() : EnumSet.copyOf(duties);
	}

	// shared checks

	private static void checkCode(Validation v, String code) {
		v.required("code", code).maxLength("code", code, MAX_CODE);
		if (code != null) {
			v.pattern("code", code.trim(), CODE_PATTERN, "organisation.code.pattern");
		}
	}

	private static void checkName(Validation v, String field, String name, int max) {
		v.required(field, name).maxLength(field, name == null ? null : name.trim(), max);
	}

	private Jurisdiction checkJurisdiction(Validation v, OrganisationScope scope, UUID jurisdictionId) {
		if (jurisdictionId == null) {
			v.reject("jurisdictionId", "error.field.required");
			return null;
		}
		Jurisdiction jurisdiction = visibleJurisdiction(scope, jurisdictionId);
		v.check(jurisdiction != null, "jurisdictionId", "jurisdiction.unknown");
		return jurisdiction;
	}

	private void checkMember(Validation v, String field, UUID personId, UUID unitId) {
		if (personId != null) {
			Person person = repository.person(personId).orElse(null);
			v.check(person != null && unitId.equals(person.unitId()) && person.active(), field, "unit.leader.notMember");
		}
	}

	private Jurisdiction visibleJurisdiction(OrganisationScope scope, UUID id) {
		return repository.jurisdiction(id).filter(j -> scope.isEverything() || scope.seesJurisdiction(j.path())).orElse(null);
	}

	/** The caller maintains the organisation at this node, or is refused (403); the system needs no lookup. */
	private void requireMaintains(OrganisationScope scope, UUID jurisdictionId) {
		if (!scope.isEverything()) {
			scope.requireMaintains(directory.pathOf(jurisdictionId));
		}
	}

	private Jurisdiction requireJurisdiction(OrganisationScope scope, UUID id) {
		Jurisdiction j = visibleJurisdiction(scope, id);
		if (j == null) {
			throw new NotFoundException("jurisdiction", id);
		}
		return j;
	}

	private Unit visibleUnit(OrganisationScope scope, UUID id) {
		return repository.unit(id)
			.filter(u -> scope.isEverything() || scope.seesUnit(u.id(), directory.pathOf(u.jurisdictionId())))
			.orElse(null);
	}

	private Unit requireUnit(OrganisationScope scope, UUID id) {
		Unit u = visibleUnit(scope, id);
		if (u == null) {
			throw new NotFoundException("unit", id);
		}
		return u;
	}

	private Person visiblePerson(OrganisationScope scope, UUID id) {
		return repository.person(id).filter(p -> scope.isEverything() || directory.seesPerson(scope, p)).orElse(null);
	}

	private CommandPost requireCommandPost(OrganisationScope scope, UUID id) {
		return repository.commandPost(id).filter(c -> directory.seesCommandPost(scope, c))
			.orElseThrow(() -> new NotFoundException("commandPost", id));
	}

	private Responsibility requireResponsibility(OrganisationScope scope, UUID id) {
		return repository.responsibility(id).filter(r -> directory.seesResponsibility(scope, r))
			.orElseThrow(() -> new NotFoundException("responsibility", id));
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}

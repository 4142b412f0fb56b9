package org.chuangwen.organisation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on the organisation: creating and changing jurisdictions, units and people. Every command checks the
 * caller's role and scope, validates the whole input, and records the change in the audit trail.
 * A {@code null} actor means the system itself (the demo city, start-up work).
 */
@Service
public class OrganisationManagement {

	/** A new jurisdiction node. */
	public record NewJurisdiction(UUID parentId, JurisdictionLevel level, String code, String name, int sortOrder) {
	}

	/** A new unit. */
	public record NewUnit(String code, String name, UnitType type, UUID jurisdictionId, UUID parentId, String phone,
			String address) {
	}

	/** A new person. */
	public record NewPerson(String name, UUID unitId, String position, String mobile, UUID jurisdictionId) {
	}

	static final int MAX_NAME = 100;

	static final int MAX_CODE = 50;

	static final String CODE_PATTERN = "[A-Za-z0-9_.-]+";

	static final String MOBILE_PATTERN = "1[3-9][0-9]{9}";

	private final OrganisationRepository repository;

	private final AuditTrail audit;

	private final Clock clock;

	OrganisationManagement(OrganisationRepository repository, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Jurisdiction createJurisdiction(Actor by, NewJurisdiction command) {
		Validation v = new Validation().required("code", command.code())
			.maxLength("code", command.code(), MAX_CODE)
			.pattern("code", command.code(), CODE_PATTERN, "organisation.code.pattern")
			.required("name", command.name())
			.maxLength("name", command.name(), MAX_NAME)
			.required("level", command.level());
		Jurisdiction parent = null;
		if (command.parentId() != null) {
			parent = repository.jurisdiction(command.parentId()).orElse(null);
			v.check(parent != null, "parentId", "jurisdiction.parent.unknown");
		}
		if (parent != null && command.level() != null) {
			v.check(parent.level().mayHaveChild(command.level()), "level", "jurisdiction.level.invalidChild");
		}
		if (command.code() != null && !command.code().isBlank() && repository.jurisdictionCodeTaken(command.code().trim())) {
			v.reject("code", "organisation.code.taken");
		}
		v.throwIfInvalid();
		requireOfficeScope(by, parent == null ? null : parent.path());
		UUID id = Ids.newId(clock);
		Jurisdiction created = new Jurisdiction(id, command.parentId(), command.level(), command.code().trim(),
				command.name().trim(), Jurisdiction.childPath(parent == null ? null : parent.path(), id), command.sortOrder(), 0);
		repository.insert(created);
		audit.record("jurisdiction.created", "jurisdiction", id, null, created, null);
		return created;
	}

	@Transactional
	public Unit createUnit(Actor by, NewUnit command) {
		Validation v = new Validation().required("code", command.code())
			.maxLength("code", command.code(), MAX_CODE)
			.pattern("code", command.code(), CODE_PATTERN, "organisation.code.pattern")
			.required("name", command.name())
			.maxLength("name", command.name(), MAX_NAME)
			.required("type", command.type())
			.required("jurisdictionId", command.jurisdictionId())
			.maxLength("phone", command.phone(), 30)
			.maxLength("address", command.address(), 200);
		Jurisdiction jurisdiction = command.jurisdictionId() == null ? null
				: repository.jurisdiction(command.jurisdictionId()).orElse(null);
		if (command.jurisdictionId() != null && jurisdiction == null) {
			v.reject("jurisdictionId", "jurisdiction.unknown");
		}
		if (command.parentId() != null && repository.unit(command.parentId()).isEmpty()) {
			v.reject("parentId", "unit.parent.unknown");
		}
		if (command.code() != null && !command.code().isBlank() && repository.unitCodeTaken(command.code().trim())) {
			v.reject("code", "organisation.code.taken");
		}
		v.throwIfInvalid();
		requireOfficeScope(by, jurisdiction.path());
		Unit created = new Unit(Ids.newId(clock), command.code().trim(), command.name().trim(), command.type(),
				command.jurisdictionId(), command.parentId(), null, null, blankToNull(command.phone()),
				blankToNull(command.address()), true, 0);
		repository.insert(created);
		audit.record("unit.created", "unit", created.id(), null, created, null);
		return created;
	}

	@Transactional
	public Person createPerson(Actor by, NewPerson command) {
		Validation v = new Validation().required("name", command.name())
			.maxLength("name", command.name(), 50)
			.maxLength("position", command.position(), 50)
			.pattern("mobile", command.mobile(), MOBILE_PATTERN, "person.mobile.pattern");
		Unit unit = command.unitId() == null ? null : repository.unit(command.unitId()).orElse(null);
		if (command.unitId() != null && unit == null) {
			v.reject("unitId", "unit.unknown");
		}
		if (command.jurisdictionId() != null && repository.jurisdiction(command.jurisdictionId()).isEmpty()) {
			v.reject("jurisdictionId", "jurisdiction.unknown");
		}
		if (command.mobile() != null && !command.mobile().isBlank() && repository.mobileTaken(command.mobile().trim())) {
			v.reject("mobile", "person.mobile.taken");
		}
		v.throwIfInvalid();
		if (by != null && !(unit != null && by.has(Role.UNIT_ADMIN) && unit.id().equals(by.unitId()))) {
			UUID scopeNode = unit != null ? unit.jurisdictionId() : command.jurisdictionId();
			requireOfficeScope(by, scopeNode == null ? null : repository.jurisdiction(scopeNode).map(Jurisdiction::path).orElse(null));
		}
		Person created = new Person(Ids.newId(clock), command.name().trim(), command.unitId(), blankToNull(command.position()),
				blankToNull(command.mobile()), command.jurisdictionId(), true, 0);
		repository.insert(created);
		audit.record("person.created", "person", created.id(), null, created, null);
		return created;
	}

	/** Names a unit's main leader (一把手) and liaison (联络员); both must be people of that unit. */
	@Transactional
	public void setUnitLeaders(Actor by, UUID unitId, UUID mainLeaderId, UUID liaisonId) {
		Unit unit = repository.unit(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
		Validation v = new Validation();
		checkMember(v, "mainLeaderId", mainLeaderId, unitId);
		checkMember(v, "liaisonId", liaisonId, unitId);
		v.throwIfInvalid();
		requireOfficeScope(by, repository.jurisdiction(unit.jurisdictionId()).map(Jurisdiction::path).orElse(null));
		repository.setUnitLeaders(unitId, mainLeaderId, liaisonId);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("mainLeaderId", unit.mainLeaderId());
		before.put("liaisonId", unit.liaisonId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("mainLeaderId", mainLeaderId);
		after.put("liaisonId", liaisonId);
		audit.record("unit.leadersChanged", "unit", unitId, before, after, null);
	}

	private void checkMember(Validation v, String field, UUID personId, UUID unitId) {
		if (personId != null) {
			Person person = repository.person(personId).orElse(null);
			v.check(person != null && unitId.equals(person.unitId()), field, "unit.leader.notMember");
		}
	}

	/**
	 * Changes to the organisation are the campaign office's, within its own jurisdiction. A null actor is the system.
	 * A null path means the root level, which only an office admin bound to no jurisdiction could touch.
	 */
	private static void requireOfficeScope(Actor by, String path) {
		if (by == null) {
			return;
		}
		if (!by.has(Role.OFFICE_ADMIN) || path == null || !by.covers(path)) {
			throw new ForbiddenException();
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}

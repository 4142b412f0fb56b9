package org.chuangwen.organisation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queries other modules use: jurisdictions, units and people by id or code. */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

	private final OrganisationRepository repository;

	OrganisationDirectory(OrganisationRepository repository) {
		this.repository = repository;
	}

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

	public boolean isEmpty() {
		return repository.countJurisdictions() == 0;
	}
}

package org.chuangwen.notifications;

import java.util.List;
import java.util.UUID;

import org.chuangwen.organisation.Role;
import org.chuangwen.organisation.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * Who reads a reminder in the app. A person with a linked user account gets it there; a person without one (most
 * liaisons and unit heads are not users) has it delivered to the UNIT_ADMIN accounts of their unit, who act for the
 * unit.
 */
@Component
class Recipients {

	private final UserAccounts accounts;

	Recipients(UserAccounts accounts) {
		this.accounts = accounts;
	}

	/** The enabled accounts linked to this person. */
	List<UUID> accountsOfPerson(UUID personId) {
		return accounts.enabledAccountsOfPerson(personId);
	}

	/** The enabled UNIT_ADMIN accounts bound to this unit. */
	List<UUID> unitAdmins(UUID unitId) {
		return accounts.enabledAccountsOfUnit(unitId, Role.UNIT_ADMIN);
	}
}

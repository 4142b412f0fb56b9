package org.chuangwen.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what to accounts — the separation of duties of 等保 2.0 level 3 (DOMAIN §2) as named rules:
 * <ul>
 * <li>the system administrator manages accounts (create, profile and binding, enable/disable) and gives only business
 * roles, at creation;</li>
 * <li>the security administrator assigns roles, the administrator roles included, resets passwords, unlocks accounts
 * and sets the password policy;</li>
 * <li>the audit administrator only reads;</li>
 * <li>an office admin creates and manages business-role accounts bound inside its own jurisdiction subtree;</li>
 * <li>nobody changes their own roles, nor disables their own account.</li>
 * </ul>
 */
final class AccountAuthority {

	/** The roles of the campaign's daily work, as opposed to the three administrator roles. */
	static final Set<Role> BUSINESS_ROLES = EnumSet.complementOf(EnumSet.copyOf(Role.ADMINISTRATORS));

	private AccountAuthority() {
	}

	/** Sees the list of accounts (all of them, or for an office admin those inside its subtree). */
	static boolean mayListAccounts(Actor actor) {
		return actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.OFFICE_ADMIN);
	}

	/** Sees every account, regardless of where it is bound. */
	static boolean seesEveryAccount(Actor actor) {
		return actor.hasAny(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
	}

	/** Bounded to its jurisdiction subtree and to business-role accounts. */
	static boolean isScopedToSubtree(Actor actor) {
		return !seesEveryAccount(actor) && actor.has(Role.OFFICE_ADMIN);
	}

	static boolean mayCreate(Actor actor) {
		return actor.hasAny(Role.SYSTEM_ADMIN, Role.OFFICE_ADMIN);
	}

	/** A creator without roles to give leaves the account waiting for the security administrator to grant them. */
	static boolean mayCreateWithoutRoles(Actor actor) {
		return actor.has(Role.SYSTEM_ADMIN);
	}

	static boolean mayEditProfile(Actor actor) {
		return actor.hasAny(Role.SYSTEM_ADMIN, Role.OFFICE_ADMIN);
	}

	static boolean mayEnableOrDisable(Actor actor) {
		return actor.hasAny(Role.SYSTEM_ADMIN, Role.OFFICE_ADMIN);
	}

	static boolean mayChangeRoles(Actor actor) {
		return actor.hasAny(Role.SECURITY_ADMIN, Role.OFFICE_ADMIN);
	}

	static boolean mayResetPasswords(Actor actor) {
		return actor.has(Role.SECURITY_ADMIN);
	}

	static boolean mayUnlock(Actor actor) {
		return actor.has(Role.SECURITY_ADMIN);
	}

	static boolean mayEditPasswordPolicy(Actor actor) {
		return actor.has(Role.SECURITY_ADMIN);
	}

	/** The roles this actor may give to another account: all for the security administrator, else business roles. */
	static Set<Role> grantableRoles(Actor actor) {
		if (actor.has(Role.SECURITY_ADMIN)) {
			return EnumSet.allOf(Role.class);
		}
		if (actor.hasAny(Role.SYSTEM_ADMIN, Role.OFFICE_ADMIN)) {
			return EnumSet.copyOf(BUSINESS_ROLES);
		}
		return EnumSet.noneOf(Role.class);
	}

	/** Whether an account holding these roles may be changed by the actor at all (admins by admins only). */
	static boolean mayManageHolderOf(Actor actor, Set<Role> roles) {
		boolean adminAccount = roles.stream().anyMatch(Role::isAdministrator);
		return !adminAccount || seesEveryAccount(actor);
	}
}

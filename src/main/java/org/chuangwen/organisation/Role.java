package org.chuangwen.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of DOMAIN §2. The three administrator roles of 等保 2.0 level 3 (system, security, audit) are kept
 * apart: no account holds two of them.
 */
public enum Role {

	/** 创文办: owns criteria, points, units, plans inspections, arbitrates, issues notices. */
	OFFICE_ADMIN,
	/** 领导: reads dashboards, responsible for an area. */
	LEADER,
	/** 单位管理员: receives tasks and problems for a unit, assigns staff. */
	UNIT_ADMIN,
	/** 责任人: fixes problems, uploads evidence. */
	UNIT_STAFF,
	/** 督查员/测评员: inspects sampled points, verifies fixes. */
	INSPECTOR,
	/** 网格员: patrols a grid, reports problems. */
	GRID_WORKER,
	/** 系统管理员: users and settings. */
	SYSTEM_ADMIN,
	/** 安全管理员: roles, permissions, password policy. */
	SECURITY_ADMIN,
	/** 审计管理员: reads the audit trail, nothing else. */
	AUDIT_ADMIN;

	public static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

	/** Roles whose holder is bound to a unit and sees only that unit's data. */
	public static final Set<Role> UNIT_ROLES = EnumSet.of(UNIT_ADMIN, UNIT_STAFF);

	public boolean isAdministrator() {
		return ADMINISTRATORS.contains(this);
	}

	/** The message key of the role's display name. */
	public String messageKey() {
		return "role." + name();
	}
}

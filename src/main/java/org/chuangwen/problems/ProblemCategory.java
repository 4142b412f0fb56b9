package org.chuangwen.problems;

import org.chuangwen.organisation.UnitType;
import org.chuangwen.shared.InvalidInputException;

/**
 * A class of the two-level taxonomy (DOMAIN §8). A major class (大类, e.g. "A 市容环境") has no parent, deadline or unit
 * type; a minor class (小类, e.g. "A01 垃圾未及时清理") belongs to a major class and carries the default deadline
 * ({@code deadlineValue} working hours or working days) and the type of unit that usually answers for it. Problems
 * are reported in minor classes.
 */
public record ProblemCategory(String code, String parentCode, String name, String nameEn, Integer deadlineValue,
		DeadlineUnit deadlineUnit, UnitType defaultUnitType, int sortOrder, boolean active, int version) {

	/** The longest default deadline, in either unit. */
	public static final int MAX_DEADLINE = 1000;

	public boolean isMajor() {
		return parentCode == null;
	}

	/** The name in the language asked for ({@code en} or Chinese). */
	public String displayName(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	/** The same minor class with another default deadline and unit type (the office's edit); checked. */
	public ProblemCategory withDefaults(Integer value, DeadlineUnit unit, UnitType unitType) {
		if (isMajor()) {
			throw new InvalidInputException("code", "problem.category.major");
		}
		if (value == null || value < 1 || value > MAX_DEADLINE) {
			throw new InvalidInputException("deadlineValue", "problem.category.deadlineRange", MAX_DEADLINE);
		}
		if (unit == null) {
			throw new InvalidInputException("deadlineUnit", "error.field.required");
		}
		if (unitType == null) {
			throw new InvalidInputException("defaultUnitType", "error.field.required");
		}
		return new ProblemCategory(code, parentCode, name, nameEn, value, unit, unitType, sortOrder, active, version);
	}
}

package org.chuangwen.scoring;

import java.util.Locale;

import org.chuangwen.organisation.UnitType;
import org.chuangwen.shared.InvalidInputException;

/**
 * What is ranked against what (DOMAIN §9): units of one type (streets, departments, communities, …), command posts (a
 * post's result is the sum of its member units') and districts (the sum of the units in the district).
 */
public enum RankingCategory {

	STREET("street", UnitType.STREET_OFFICE), DEPARTMENT("department", UnitType.DEPARTMENT),
	COMMUNITY("community", UnitType.COMMUNITY), COMMAND_POST("commandPost", null), DISTRICT("district", null),
	PROPERTY_COMPANY("propertyCompany", UnitType.PROPERTY_COMPANY), ENTERPRISE("enterprise", UnitType.ENTERPRISE),
	SCHOOL("school", UnitType.SCHOOL), HOSPITAL("hospital", UnitType.HOSPITAL),
	PARTY_GOVERNMENT("partyGovernment", UnitType.PARTY_GOVERNMENT), OTHER("other", UnitType.OTHER);

	/** The categories that win rotating flags. */
	public static final java.util.List<RankingCategory> FLAGGED = java.util.List.of(STREET, DEPARTMENT, COMMUNITY,
			COMMAND_POST, DISTRICT);

	private final String apiName;

	private final UnitType unitType;

	RankingCategory(String apiName, UnitType unitType) {
		this.apiName = apiName;
		this.unitType = unitType;
	}

	public String apiName() {
		return apiName;
	}

	/** The unit type ranked, or {@code null} for command posts and districts. */
	public UnitType unitType() {
		return unitType;
	}

	public boolean isUnitType() {
		return unitType != null;
	}

	public String messageKey() {
		return "evaluation.category." + name();
	}

	/** The category of a unit type (a campaign office is ranked with "other"). */
	public static RankingCategory of(UnitType type) {
		for (RankingCategory c : values()) {
			if (c.unitType == type) {
				return c;
			}
		}
		return OTHER;
	}

	/** By API name (street, commandPost…), enum name, or unit type name (STREET_OFFICE); default streets. */
	public static RankingCategory parse(String text) {
		if (text == null || text.isBlank()) {
			return STREET;
		}
		String t = text.strip();
		for (RankingCategory c : values()) {
			if (c.apiName.equalsIgnoreCase(t) || c.name().equalsIgnoreCase(t)
					|| (c.unitType != null && c.unitType.name().equalsIgnoreCase(t))) {
				return c;
			}
		}
		if ("COMMAND_POSTS".equalsIgnoreCase(t.replace('-', '_')) || "command_post".equalsIgnoreCase(t)) {
			return COMMAND_POST;
		}
		throw new InvalidInputException("unitType", "evaluation.category.unknown", t.toLowerCase(Locale.ROOT));
	}
}

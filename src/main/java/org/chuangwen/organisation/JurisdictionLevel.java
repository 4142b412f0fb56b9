package org.chuangwen.organisation;

import java.util.Optional;

/** The levels of the jurisdiction tree, from the top: province → city → district → street → community → grid. */
public enum JurisdictionLevel {

	PROVINCE, CITY, DISTRICT, STREET, COMMUNITY, GRID;

	/** The level a child of this level has; a grid has no children. */
	public Optional<JurisdictionLevel> childLevel() {
		return this == GRID ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
	}

	public boolean mayHaveChild(JurisdictionLevel child) {
		return childLevel().map(level -> level == child).orElse(false);
	}

	public String messageKey() {
		return "jurisdiction.level." + name();
	}
}

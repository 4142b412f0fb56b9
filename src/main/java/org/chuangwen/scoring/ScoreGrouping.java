package org.chuangwen.scoring;

import java.util.Locale;

import org.chuangwen.inspections.ScoreDimension;
import org.chuangwen.shared.InvalidInputException;

/** How a score list is grouped: the criterion tree, or per district, street, unit, point type or command post. */
public enum ScoreGrouping {

	CRITERION(ScoreDimension.CITY), DISTRICT(ScoreDimension.DISTRICT), STREET(ScoreDimension.STREET),
	UNIT(ScoreDimension.UNIT), POINT_TYPE(ScoreDimension.POINT_TYPE), COMMAND_POST(ScoreDimension.COMMAND_POST);

	private final ScoreDimension dimension;

	ScoreGrouping(ScoreDimension dimension) {
		this.dimension = dimension;
	}

	public ScoreDimension dimension() {
		return dimension;
	}

	/** The API's name: criterion, district, street, unit, pointType, commandPost. */
	public String apiName() {
		return switch (this) {
			case POINT_TYPE -> "pointType";
			case COMMAND_POST -> "commandPost";
			default -> name().toLowerCase(Locale.ROOT);
		};
	}

	/** Reads {@code by}/{@code groupBy}: the API name, or the constant in any case; blank means the tree. */
	public static ScoreGrouping parse(String text) {
		if (text == null || text.isBlank()) {
			return CRITERION;
		}
		String t = text.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
		for (ScoreGrouping g : values()) {
			if (g.name().replace("_", "").toLowerCase(Locale.ROOT).equals(t)) {
				return g;
			}
		}
		throw new InvalidInputException("by", "scoring.error.by", text);
	}

	public String messageKey() {
		return "scoring.by." + apiName();
	}
}

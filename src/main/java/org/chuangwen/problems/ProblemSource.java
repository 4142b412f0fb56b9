package org.chuangwen.problems;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a report came from (DOMAIN §8). Reports from the campaign's own people (office, inspectors, grid workers,
 * upper-level feedback, leader instructions) are registered at once; reports from outside (citizens, the hotline,
 * media) wait for the office to register them.
 */
public enum ProblemSource {

	/** 督查/测评 */
	INSPECTION(true),
	/** 网格巡查 */
	GRID_PATROL(true),
	/** 创文办 */
	OFFICE(true),
	/** 领导交办 */
	LEADER_INSTRUCTION(true),
	/** 省检/国检反馈 */
	UPPER_FEEDBACK(true),
	/** 市民随手拍 */
	CITIZEN(false),
	/** 12345 热线 */
	HOTLINE(false),
	/** 媒体曝光 */
	MEDIA(false),
	/** Open311 GeoReport v2: a third-party app with an API key issued by the office (open311 module) */
	OPEN311(false);

	private final boolean trusted;

	ProblemSource(boolean trusted) {
		this.trusted = trusted;
	}

	/** Whether a report from this source is registered (立案) on intake. */
	public boolean isTrusted() {
		return trusted;
	}

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ProblemSource> fromApiName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (ProblemSource s : values()) {
			if (s.name().equalsIgnoreCase(name.trim())) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	public String messageKey() {
		return "problem.source." + name();
	}
}

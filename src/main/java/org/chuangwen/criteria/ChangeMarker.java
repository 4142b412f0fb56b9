package org.chuangwen.criteria;

import java.util.Locale;
import java.util.Optional;

/** How a standard changed against the previous edition of its framework (测评体系调整). */
public enum ChangeMarker {

	/** 新增 */
	NEW("新增"),
	/** 回归: back after being dropped from an earlier edition */
	RETURNING("回归"),
	/** 调整: same subject, new angle or threshold */
	REANGLED("调整"),
	/** 不变 */
	UNCHANGED("不变");

	private final String chineseName;

	ChangeMarker(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	public String messageKey() {
		return "criteria.marker." + name();
	}

	/** Whether the page shows a badge for it (everything but unchanged). */
	public boolean isNotable() {
		return this != UNCHANGED;
	}

	public static Optional<ChangeMarker> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		for (ChangeMarker marker : values()) {
			if (marker.chineseName.equals(trimmed) || marker.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
				return Optional.of(marker);
			}
		}
		return Optional.empty();
	}
}

package org.chuangwen.criteria;

import java.util.Locale;
import java.util.Optional;

/** How a standard is assessed (测评方法). */
public enum AssessmentMethod {

	/** 实地考察 */
	FIELD("实地考察"),
	/** 材料审核 */
	MATERIAL("材料审核"),
	/** 问卷调查 */
	SURVEY("问卷调查"),
	/** 网上申报 */
	ONLINE("网上申报");

	private final String chineseName;

	AssessmentMethod(String chineseName) {
		this.chineseName = chineseName;
	}

	/** The name used in the official manual and in the Excel sheet. */
	public String chineseName() {
		return chineseName;
	}

	public String messageKey() {
		return "criteria.method." + name();
	}

	/** Reads a method from a sheet cell or a form: its Chinese name or its English constant. */
	public static Optional<AssessmentMethod> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		for (AssessmentMethod method : values()) {
			if (method.chineseName.equals(trimmed) || method.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
				return Optional.of(method);
			}
		}
		return Optional.empty();
	}
}

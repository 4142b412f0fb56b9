package org.chuangwen.criteria;

import java.util.Optional;

/**
 * The levels of a framework's tree: category (测评项目, Ⅰ), indicator (指标, Ⅱ), content item (测评内容, Ⅲ), and the
 * numbered standards (测评标准) under the content items.
 */
public enum CriterionLevel {

	I(1, "Ⅰ"), II(2, "Ⅱ"), III(3, "Ⅲ"), STANDARD(4, "标准");

	private final int depth;

	private final String label;

	CriterionLevel(int depth, String label) {
		this.depth = depth;
		this.label = label;
	}

	public int depth() {
		return depth;
	}

	/** The label in the Excel sheet and on the page: Ⅰ, Ⅱ, Ⅲ or 标准. */
	public String label() {
		return label;
	}

	public String messageKey() {
		return "criteria.level." + name();
	}

	/** The level a node's parent must have, or empty for a category (which has none). */
	public Optional<CriterionLevel> parentLevel() {
		return depth == 1 ? Optional.empty() : Optional.of(values()[depth - 2]);
	}

	public boolean isStandard() {
		return this == STANDARD;
	}

	static CriterionLevel ofDepth(int depth) {
		return values()[depth - 1];
	}

	/** Reads 层级 from a sheet: Ⅰ/Ⅱ/Ⅲ/标准, also 1/2/3/S, I/II/III (Latin letters) and 一/二/三. */
	public static Optional<CriterionLevel> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
			case "Ⅰ", "1", "I", "一", "1.0" -> Optional.of(I);
			case "Ⅱ", "2", "II", "二", "2.0" -> Optional.of(II);
			case "Ⅲ", "3", "III", "三", "3.0" -> Optional.of(III);
			case "标准", "S", "4", "STANDARD", "测评标准" -> Optional.of(STANDARD);
			default -> Optional.empty();
		};
	}
}

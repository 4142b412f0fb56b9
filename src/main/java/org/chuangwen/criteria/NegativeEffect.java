package org.chuangwen.criteria;

import java.util.Locale;
import java.util.Optional;

/** What a recorded incident of a negative-list item does to the campaign (负面清单). */
public enum NegativeEffect {

	/** 一票否决: the city cannot be assessed this round. */
	VETO("一票否决"),
	/** 扣分: deducts a number of points from the total. */
	DEDUCT("扣分"),
	/** 暂停一年: the title (or the nomination) is suspended for one year. */
	SUSPEND("暂停一年"),
	/** 撤销: the title is revoked. */
	REVOKE("撤销");

	private final String chineseName;

	NegativeEffect(String chineseName) {
		this.chineseName = chineseName;
	}

	public String chineseName() {
		return chineseName;
	}

	public String messageKey() {
		return "criteria.effect." + name();
	}

	public static Optional<NegativeEffect> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String trimmed = text.trim();
		for (NegativeEffect effect : values()) {
			if (effect.chineseName.equals(trimmed) || effect.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
				return Optional.of(effect);
			}
		}
		if (trimmed.equals("否决") || trimmed.equals("暂停")) {
			return Optional.of(trimmed.equals("否决") ? VETO : SUSPEND);
		}
		return Optional.empty();
	}
}

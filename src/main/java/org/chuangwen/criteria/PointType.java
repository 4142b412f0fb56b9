package org.chuangwen.criteria;

/** One of the 26 point types of the 2021 manual (点位类型), e.g. {@code P05 公交站点}. */
public record PointType(String code, String nameZh, String nameEn, int sortOrder) {

	/** The name in the user's language. */
	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}

package org.chuangwen.criteria;

/** The kind of title a campaign competes for (三城同创: civilized, sanitary, garden city, …). */
public enum CampaignKind {

	/** 全国文明城市 */
	CIVILIZED_CITY,
	/** 国家卫生城市 */
	SANITARY_CITY,
	/** 国家园林城市 */
	GARDEN_CITY,
	/** 国家卫生乡镇 */
	HYGIENE_TOWN,
	OTHER;

	public String messageKey() {
		return "criteria.kind." + name();
	}
}

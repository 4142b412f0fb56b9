package org.chuangwen.organisation;

/** The kinds of unit that take part in a campaign (DOMAIN §3). */
public enum UnitType {

	/** 文明办 / 创文办 */
	CAMPAIGN_OFFICE,
	/** 党委政府 (区委区政府等) */
	PARTY_GOVERNMENT,
	/** 局委部门 */
	DEPARTMENT,
	/** 街道办事处 / 乡镇 */
	STREET_OFFICE,
	/** 社区居委会 / 村委会 */
	COMMUNITY,
	/** 物业公司 */
	PROPERTY_COMPANY,
	/** 企业 (公交、出租、网吧…) */
	ENTERPRISE,
	/** 学校 */
	SCHOOL,
	/** 医院 */
	HOSPITAL,
	/** 其他 */
	OTHER;

	public String messageKey() {
		return "unit.type." + name();
	}
}

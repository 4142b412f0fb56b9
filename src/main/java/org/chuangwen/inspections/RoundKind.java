package org.chuangwen.inspections;

/** The kind of an inspection round (DOMAIN §7). */
public enum RoundKind {

	/** 日巡查 */
	DAILY_PATROL,
	/** 周检查 */
	WEEKLY_CHECK,
	/** 模拟测评 */
	MOCK_ASSESSMENT,
	/** 专项整治 */
	SPECIAL_CAMPAIGN,
	/** 回头看 */
	RECHECK,
	/** 省检/国检反馈, entered as received */
	UPPER_LEVEL;

	public String messageKey() {
		return "inspections.kind." + name();
	}
}

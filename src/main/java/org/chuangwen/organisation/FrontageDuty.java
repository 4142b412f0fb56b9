package org.chuangwen.organisation;

/** The five frontage duties (门前五包) a shop front holds. */
public enum FrontageDuty {

	/** 包卫生 */
	SANITATION,
	/** 包秩序 */
	ORDER,
	/** 包绿化 */
	GREENING,
	/** 包设施 */
	FACILITIES,
	/** 包文明 */
	CIVILITY;

	public String messageKey() {
		return "responsibility.duty." + name();
	}
}

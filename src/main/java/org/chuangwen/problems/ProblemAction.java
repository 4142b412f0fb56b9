package org.chuangwen.problems;

import java.util.Optional;

/** The verbs of the problem workflow, with the names the API uses ({@code register}, {@code approveExtension}, …). */
public enum ProblemAction {

	/** 立案 */
	REGISTER("register"),
	/** 派遣 (to the routed unit or another one, with the category's deadline or an explicit one) */
	DISPATCH("dispatch"),
	/** 签收 */
	CLAIM("claim"),
	/** 整改完成 (after-photos required) */
	RECTIFY("rectify"),
	/** 核查: pass → closed (with a re-check date), fail → rework */
	VERIFY("verify"),
	/** 不予立案 (reason required) */
	REJECT("reject"),
	/** 并单 into another open problem; the reporters move along */
	MERGE("merge"),
	/** 职责争议: the unit disputes responsibility; it stays assigned and the clock keeps running */
	DISPUTE("dispute"),
	/** 仲裁: the office decides the unit of a disputed problem */
	ARBITRATE("arbitrate"),
	/** 申请延期: the unit asks for a later deadline, before the deadline passed */
	EXTEND("extend"),
	/** 批准延期 */
	APPROVE_EXTENSION("approveExtension"),
	/** 驳回延期 */
	DENY_EXTENSION("denyExtension"),
	/** 挂账 with a plan and a target date */
	PARK("park"),
	/** 重新打开 a closed problem (a relapse, 反弹) */
	REOPEN("reopen"),
	/** 回头看: re-check of a closed problem; pass keeps it closed, fail reopens it as a relapse */
	RECHECK("recheck"),
	/** 上报: beyond the unit's power */
	REPORT_UPWARD("reportUpward");

	private final String apiName;

	ProblemAction(String apiName) {
		this.apiName = apiName;
	}

	public String apiName() {
		return apiName;
	}

	public static Optional<ProblemAction> fromApiName(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.trim();
		for (ProblemAction action : values()) {
			if (action.apiName.equalsIgnoreCase(wanted) || action.name().equalsIgnoreCase(wanted)) {
				return Optional.of(action);
			}
		}
		return Optional.empty();
	}

	public String messageKey() {
		return "problem.action." + apiName;
	}
}

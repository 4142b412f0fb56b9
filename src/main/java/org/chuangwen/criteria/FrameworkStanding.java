package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.List;

/** What the recorded negative-list incidents do to a framework's campaign: veto, suspension, revocation, points. */
public record FrameworkStanding(boolean vetoed, boolean suspended, boolean revoked, BigDecimal pointsDeducted,
		int incidents) {

	public static FrameworkStanding of(List<NegativeIncident> incidents) {
		boolean vetoed = false;
		boolean suspended = false;
		boolean revoked = false;
		BigDecimal deducted = BigDecimal.ZERO;
		for (NegativeIncident incident : incidents) {
			switch (incident.effect()) {
				case VETO -> vetoed = true;
				case SUSPEND -> suspended = true;
				case REVOKE -> revoked = true;
				case DEDUCT -> deducted = deducted.add(incident.deduction());
			}
		}
		return new FrameworkStanding(vetoed, suspended, revoked, deducted, incidents.size());
	}

	/** Whether nothing recorded so far affects the campaign. */
	public boolean isClear() {
		return !vetoed && !suspended && !revoked && pointsDeducted.signum() == 0;
	}
}

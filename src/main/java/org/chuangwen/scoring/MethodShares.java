package org.chuangwen.scoring;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.chuangwen.criteria.AssessmentMethod;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How much each assessment method weighs within a standard assessed by several methods, as relative shares:
 * {@code chuangwen.scoring.method-share.field}, {@code .material}, {@code .survey}, {@code .online} (default 1 each:
 * a standard's methods share it equally). A method that did not observe the standard is left out and its share goes
 * to the others, as in the tree's roll-up.
 */
@Component
class MethodShares {

	private final Map<AssessmentMethod, Double> shares = new EnumMap<>(AssessmentMethod.class);

	@org.springframework.beans.factory.annotation.Autowired
	MethodShares(Environment environment) {
		for (AssessmentMethod m : AssessmentMethod.values()) {
			double share = environment.getProperty("chuangwen.scoring.method-share." + m.name().toLowerCase(Locale.ROOT),
					Double.class, 1.0);
			if (share < 0 || Double.isNaN(share)) {
				throw new IllegalStateException("chuangwen.scoring.method-share." + m.name().toLowerCase(Locale.ROOT)
						+ " must be a number >= 0, not " + share);
			}
			shares.put(m, share);
		}
	}

	MethodShares(Map<AssessmentMethod, Double> shares) {
		for (AssessmentMethod m : AssessmentMethod.values()) {
			this.shares.put(m, shares.getOrDefault(m, 1.0));
		}
	}

	double share(AssessmentMethod method) {
		return shares.get(method);
	}
}

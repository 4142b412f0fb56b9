package org.chuangwen.problems;

import java.util.Locale;
import java.util.UUID;

/**
 * A doubt about an after-photo (DOMAIN §8.4), shown to the verifier: taken farther from the problem than allowed
 * ({@code detail}: metres), taken before the problem was reported ({@code detail}: the capture time), or identical or
 * near-identical to another evidence photo ({@code detail}: the problem numbers where it appears).
 */
public record EvidenceFlag(UUID blobId, Kind kind, String detail) {

	public enum Kind {
		FAR_FROM_PROBLEM, TAKEN_BEFORE_REPORT, SIMILAR_TO_OTHER_EVIDENCE;

		public String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

		public String messageKey() {
			return "problem.evidence." + name();
		}
	}
}

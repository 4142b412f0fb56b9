package org.chuangwen.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A numbered notice of the escalation ladder, addressed to a unit and its main leader, listing the problems it
 * concerns, with the new deadline by which they must be fixed. {@code issuedBy} is {@code null} when the sweep issued
 * it, otherwise the campaign office account that issued it by hand with {@code reason}.
 */
public record Notice(UUID id, NoticeKind kind, int year, int seq, String number, UUID unitId, String unitName,
		String jurisdictionPath, UUID leaderId, String leaderName, String issuer, Instant issuedAt, Instant deadline,
		NoticeState state, UUID issuedBy, String reason, UUID explanationBlobId, String explanationFilename,
		Instant explanationAt, UUID explanationBy, Instant settledAt, int version, List<NoticeProblem> problems) {

	public Notice {
		problems = problems == null ? List.of() : List.copyOf(problems);
	}

	Notice withProblems(List<NoticeProblem> listed) {
		return new Notice(id, kind, year, seq, number, unitId, unitName, jurisdictionPath, leaderId, leaderName, issuer,
				issuedAt, deadline, state, issuedBy, reason, explanationBlobId, explanationFilename, explanationAt,
				explanationBy, settledAt, version, listed);
	}

	/** An admonition whose unit has not yet submitted its written explanation (and which is still open). */
	public boolean awaitsExplanation() {
		return kind.requiresExplanation() && explanationBlobId == null && state == NoticeState.ISSUED;
	}

	public boolean hasExplanation() {
		return explanationBlobId != null;
	}

	public boolean issuedByHand() {
		return issuedBy != null;
	}

	/** Open and past its deadline. */
	public boolean isOverdue(Instant now) {
		return state.isOpen() && now.isAfter(deadline);
	}
}

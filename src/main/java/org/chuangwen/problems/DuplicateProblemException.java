package org.chuangwen.problems;

import java.util.List;

import org.chuangwen.shared.ConflictException;

/**
 * A report looks like an open problem already reported (same category at the same point, or within the duplicate
 * radius, inside the time window): 409 with the candidates, unless the reporter confirms with
 * {@code allowDuplicate}. The office can then merge (并单) instead.
 */
public class DuplicateProblemException extends ConflictException {

	/** An open problem the report may duplicate, and how far away it is (metres; 0 at the same point). */
	public record Candidate(java.util.UUID id, String number, ProblemStatus status, long metres) {
	}

	private final transient List<Candidate> candidates;

	public DuplicateProblemException(List<Candidate> candidates) {
		super("problem.duplicate", candidates.size());
		this.candidates = List.copyOf(candidates);
	}

	public List<Candidate> candidates() {
		return candidates;
	}
}

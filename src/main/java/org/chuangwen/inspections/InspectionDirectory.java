package org.chuangwen.inspections;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Queries for the higher floors (scoring, dashboards). No actor: callers scope what they show. The signatures are the
 * contract with the scoring module.
 * <p>
 * TEMPORARY: the bodies are being built in the inspections branch; every method answers "not built yet" until then.
 */
public class InspectionDirectory {

	/** One round. */
	public Optional<InspectionRound> round(UUID roundId) {
		throw notYet();
	}

	/** Rounds of a framework, newest first. */
	public List<InspectionRound> rounds(UUID frameworkId) {
		throw notYet();
	}

	/** Per standard and group: the sum of get fractions and the number of applicable observations. */
	public List<StandardRate> standardRates(ObservationQuery query, ScoreDimension by) {
		throw notYet();
	}

	/** Every observation fact the query selects, in observation order, streamed. */
	public void forEachFact(ObservationQuery query, Consumer<ObservationFact> sink) {
		throw notYet();
	}

	/** The newest observation of every (point, standard) pair of a framework, any kind of round: the city's state. */
	public List<ObservationFact> latestFacts(UUID frameworkId) {
		throw notYet();
	}

	/** The photos of a round's observations. */
	public List<ObservationPhoto> photos(UUID roundId) {
		throw notYet();
	}

	/** The sampling rules, the official one first if there is one. */
	public List<SamplingRule> samplingRules() {
		throw notYet();
	}

	private static UnsupportedOperationException notYet() {
		return new UnsupportedOperationException("inspections directory not built yet");
	}
}

package org.chuangwen.scoring;

import java.util.List;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.inspections.ObservationQuery;
import org.chuangwen.inspections.ScoreDimension;

/**
 * One assessment method's part of the standards' pass rates, other than field inspection (which comes from the
 * inspections module): material review (材料审核) and questionnaires (问卷调查) plug in here as Spring beans. A standard
 * a part has no rate for is simply not observed by that method; its share of the standard then goes to the methods
 * that did observe it. No implementation exists yet (a later issue), so today every standard is scored on its field
 * results alone.
 */
public interface ScorePart {

	/** The method this part scores. */
	AssessmentMethod method();

	/**
	 * The pass rates of the framework's standards within the query's window, per group of the dimension (the group
	 * key as in {@link org.chuangwen.inspections.StandardRate#groupKey()}: {@code null} for the city).
	 */
	List<PartRate> rates(UUID frameworkId, ObservationQuery query, ScoreDimension by);
}

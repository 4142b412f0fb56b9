package org.chuangwen.points;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The hook through which the map colours pins by state: a module above points (problems) may provide one bean of this
 * type; when it exists, the map's GeoJSON carries each pin's {@code openProblems} count and pins with open problems
 * are drawn red. Without it the map shows active (green) and retired (grey) points only.
 */
public interface OpenProblemCounts {

	/** The number of open (not closed, rejected or merged) problems at each of these points; absent means none. */
	Map<UUID, Integer> openProblems(Collection<UUID> pointIds);
}

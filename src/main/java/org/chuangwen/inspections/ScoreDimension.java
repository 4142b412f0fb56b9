package org.chuangwen.inspections;

/** How observations are grouped when pass rates are summed (the group key is the id, or the type code). */
public enum ScoreDimension {
	CITY, DISTRICT, STREET, UNIT, POINT_TYPE, COMMAND_POST, POINT
}

package org.chuangwen.inspections;

/** Planned (sampled, invisible to units), open (being inspected), closed (results final and visible). */
public enum RoundStatus {
	PLANNED, OPEN, CLOSED
}

package org.chuangwen.demo;

/** One part of the demo city, run in order inside the one transaction that loads it. */
interface DemoStep {

	/** Steps run in ascending order: organisation first, accounts after it, later modules after those. */
	int order();

	void load(DemoContext context);
}

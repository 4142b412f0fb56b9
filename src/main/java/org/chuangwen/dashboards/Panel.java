package org.chuangwen.dashboards;

import java.util.Arrays;
import java.util.Optional;

/**
 * The panels of the command dashboard, in the order the page shows them. Each loads on its own from
 * {@code /dashboard/panels/{slug}} (fragment {@code dashboards/panels :: <slug>}) and exports its table as Excel.
 */
public enum Panel {

	COUNTDOWN("countdown", false), SCORE("score", true), STATES("states", true), LIGHTS("lights", true),
	TREND("trend", true), MAP("map", true), RANKINGS("rankings", true), WORST_POINTS("worst-points", true), OVERDUE("overdue", true),
	NOTICES("notices", true);

	private final String slug;

	private final boolean exported;

	Panel(String slug, boolean exported) {
		this.slug = slug;
		this.exported = exported;
	}

	public String slug() {
		return slug;
	}

	/** Whether the panel has a table to export (the countdown is a sentence, not a table). */
	public boolean exported() {
		return exported;
	}

	/** The fragment's name in {@code dashboards/panels.html} (the slug in camel case). */
	public String fragment() {
		StringBuilder b = new StringBuilder();
		boolean upper = false;
		for (char c : slug.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				b.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return b.toString();
	}

	public String titleKey() {
		return "dashboards.panel." + fragment() + ".title";
	}

	public static Optional<Panel> ofSlug(String slug) {
		return Arrays.stream(values()).filter(p -> p.slug.equals(slug)).findFirst();
	}
}

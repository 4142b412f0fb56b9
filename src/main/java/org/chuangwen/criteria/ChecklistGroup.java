package org.chuangwen.criteria;

import java.util.List;

/** The standards of one level-Ⅲ content item that apply to a point type, with the item's path (Ⅰ → Ⅱ → Ⅲ). */
public record ChecklistGroup(List<Criterion> path, List<Standard> standards) {

	public ChecklistGroup {
		path = List.copyOf(path);
		standards = List.copyOf(standards);
	}

	public Criterion contentItem() {
		return path.get(path.size() - 1);
	}
}

package org.chuangwen.scoring.web;

import java.util.ArrayList;
import java.util.List;

import org.chuangwen.scoring.CriterionScore;

/**
 * The criterion tree as the pages show it on a phone: the rows of levels Ⅰ and Ⅱ always, each Ⅱ item with the rows
 * below it (Ⅲ and the standards) folded away in a {@code <details>} (collapsed by default, open without JS).
 */
final class CriterionFolds {

	/** The deepest level shown unfolded (Ⅱ). */
	static final int SHOWN_DEPTH = 2;

	/** One row of level Ⅰ or Ⅱ and what lies below it, in tree order. */
	record Fold(CriterionScore head, List<CriterionScore> below) {

		Fold {
			below = List.copyOf(below);
		}

		public boolean folds() {
			return !below.isEmpty();
		}
	}

	private CriterionFolds() {
	}

	/** Folds a flat, tree-ordered list of rows; rows deeper than Ⅱ before any Ⅰ or Ⅱ row stand on their own. */
	static List<Fold> of(List<CriterionScore> rows) {
		List<Fold> folds = new ArrayList<>();
		if (rows == null) {
			return folds;
		}
		CriterionScore head = null;
		List<CriterionScore> below = new ArrayList<>();
		for (CriterionScore row : rows) {
			if (row.depth() <= SHOWN_DEPTH || head == null) {
				if (head != null) {
					folds.add(new Fold(head, below));
				}
				head = row;
				below = new ArrayList<>();
			}
			else {
				below.add(row);
			}
		}
		if (head != null) {
			folds.add(new Fold(head, below));
		}
		return folds;
	}
}

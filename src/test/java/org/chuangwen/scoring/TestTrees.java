package org.chuangwen.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionLevel;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Standard;

/** Builds small criterion trees for the scoring tests: named nodes, optional maxima. */
final class TestTrees {

	final UUID framework = UUID.randomUUID();

	final List<Criterion> criteria = new ArrayList<>();

	final List<Standard> standards = new ArrayList<>();

	Criterion node(String code, Criterion parent, String max) {
		CriterionLevel level = parent == null ? CriterionLevel.I
				: parent.level() == CriterionLevel.I ? CriterionLevel.II : CriterionLevel.III;
		Criterion c = new Criterion(UUID.randomUUID(), framework, parent == null ? null : parent.id(), level, code, code,
				max == null ? null : new BigDecimal(max), criteria.size(), 1);
		criteria.add(c);
		return c;
	}

	Standard standard(String code, Criterion item, String max, String... pointTypes) {
		return standard(code, item, max, List.of(AssessmentMethod.FIELD), pointTypes);
	}

	Standard standard(String code, Criterion item, String max, List<AssessmentMethod> methods, String... pointTypes) {
		Standard s = new Standard(UUID.randomUUID(), framework, item.id(), code, code,
				max == null ? null : new BigDecimal(max), methods, List.of(pointTypes), null, standards.size(), 1);
		standards.add(s);
		return s;
	}

	CriterionTree tree() {
		return new CriterionTree(criteria, standards);
	}
}

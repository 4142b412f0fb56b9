package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.chuangwen.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CriterionTreeTests {

	private static final UUID FRAMEWORK = UUID.randomUUID();

	private static Criterion node(UUID parent, CriterionLevel level, String code, String max) {
		return new Criterion(UUID.randomUUID(), FRAMEWORK, parent, level, code, code, max == null ? null : new BigDecimal(max),
				0, 0);
	}

	private static Standard standard(Criterion item, String code, String max, String... pointTypes) {
		return new Standard(UUID.randomUUID(), FRAMEWORK, item.id(), code, "内容", max == null ? null : new BigDecimal(max),
				List.of(AssessmentMethod.FIELD), List.of(pointTypes), ChangeMarker.UNCHANGED, 0, 0);
	}

	@Test
	void flagsAParentWhoseChildrenDoNotAddUp() {
		Criterion category = node(null, CriterionLevel.I, "Ⅰ-1", "9");
		Criterion indicator = node(category.id(), CriterionLevel.II, "Ⅱ-1", "5");
		Criterion other = node(category.id(), CriterionLevel.II, "Ⅱ-2", "3");
		CriterionTree tree = new CriterionTree(List.of(category, indicator, other), List.of());

		List<MaximaMismatch> mismatches = tree.maximaMismatches(null);

		assertThat(mismatches).singleElement().satisfies(m -> {
			assertThat(m.code()).isEqualTo("Ⅰ-1");
			assertThat(m.maxScore()).isEqualByComparingTo("9");
			assertThat(m.childrenSum()).isEqualByComparingTo("8");
			assertThat(m.isIncomplete()).isFalse();
		});
	}

	@Test
	void acceptsMaximaThatAddUpAndStandardsWithoutMaxima() {
		Criterion category = node(null, CriterionLevel.I, "Ⅰ-1", "9");
		Criterion indicator = node(category.id(), CriterionLevel.II, "Ⅱ-1", "9");
		Criterion item = node(indicator.id(), CriterionLevel.III, "Ⅲ-1", "4.5");
		Criterion item2 = node(indicator.id(), CriterionLevel.III, "Ⅲ-2", "4.5");
		CriterionTree tree = new CriterionTree(List.of(category, indicator, item, item2),
				List.of(standard(item, "Ⅲ-1-1", null), standard(item, "Ⅲ-1-2", null), standard(item2, "Ⅲ-2-1", "4.5")));

		assertThat(tree.maximaMismatches(new BigDecimal("9"))).isEmpty();
	}

	@Test
	void flagsChildrenThatCarryMaximaOnlyInPart() {
		Criterion category = node(null, CriterionLevel.I, "Ⅰ-1", null);
		Criterion indicator = node(category.id(), CriterionLevel.II, "Ⅱ-1", null);
		Criterion item = node(indicator.id(), CriterionLevel.III, "Ⅲ-1", "2");
		CriterionTree tree = new CriterionTree(List.of(category, indicator, item),
				List.of(standard(item, "Ⅲ-1-1", "2"), standard(item, "Ⅲ-1-2", null)));

		assertThat(tree.maximaMismatches(null)).singleElement().satisfies(m -> {
			assertThat(m.code()).isEqualTo("Ⅲ-1");
			assertThat(m.isIncomplete()).isTrue();
		});
	}

	@Test
	void flagsAFrameworkTotalThatTheCategoriesDoNotReach() {
		Criterion a = node(null, CriterionLevel.I, "Ⅰ-1", "40");
		Criterion b = node(null, CriterionLevel.I, "Ⅰ-2", "50");
		CriterionTree tree = new CriterionTree(List.of(a, b), List.of());

		assertThat(tree.maximaMismatches(new BigDecimal("100"))).singleElement()
			.satisfies(m -> assertThat(m.isFrameworkTotal()).isTrue());
	}

	@Test
	void placesAnIndicatorOnlyUnderACategoryAndAStandardOnlyUnderAContentItem() {
		Criterion category = node(null, CriterionLevel.I, "Ⅰ-1", null);
		Criterion indicator = node(category.id(), CriterionLevel.II, "Ⅱ-1", null);
		Criterion item = node(indicator.id(), CriterionLevel.III, "Ⅲ-1", null);
		CriterionTree tree = new CriterionTree(List.of(category, indicator, item), List.of());

		tree.checkPlacement(CriterionLevel.II, category.id());
		tree.checkPlacement(CriterionLevel.STANDARD, item.id());
		assertThatThrownBy(() -> tree.checkPlacement(CriterionLevel.II, item.id()))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> tree.checkPlacement(CriterionLevel.STANDARD, indicator.id()))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> tree.checkPlacement(CriterionLevel.III, null)).isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> tree.checkPlacement(CriterionLevel.I, category.id()))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void knowsCodesAreUniqueAcrossCriteriaAndStandards() {
		Criterion category = node(null, CriterionLevel.I, "Ⅰ-1", null);
		Criterion indicator = node(category.id(), CriterionLevel.II, "Ⅱ-1", null);
		Criterion item = node(indicator.id(), CriterionLevel.III, "Ⅲ-1", null);
		Standard standard = standard(item, "Ⅲ-1-1", null);
		CriterionTree tree = new CriterionTree(List.of(category, indicator, item), List.of(standard));

		assertThat(tree.isCodeTaken("Ⅲ-1-1", null)).isTrue();
		assertThat(tree.isCodeTaken("Ⅱ-1", null)).isTrue();
		assertThat(tree.isCodeTaken("Ⅲ-1-1", standard.id())).isFalse();
		assertThat(tree.isCodeTaken("Ⅲ-9", null)).isFalse();
	}

	@Test
	void aDraftReportsEveryStructuralErrorAtOnce() {
		List<FrameworkDraft.Node> nodes = List.of(
				new FrameworkDraft.Node(2, CriterionLevel.I, "Ⅰ-1", null, "公共服务", null, List.of(), List.of(), null, 1),
				new FrameworkDraft.Node(3, CriterionLevel.II, "Ⅱ-1", "Ⅰ-1", "公共交通", null, List.of(), List.of(), null, 1),
				new FrameworkDraft.Node(4, CriterionLevel.III, "Ⅱ-1", "Ⅱ-1", "重复", null, List.of(), List.of(), null, 1),
				new FrameworkDraft.Node(5, CriterionLevel.III, "Ⅲ-2", "Ⅱ-9", "无上级", null, List.of(), List.of(), null, 1),
				new FrameworkDraft.Node(6, CriterionLevel.STANDARD, "S-1", "Ⅱ-1", "错层", null,
						List.of(AssessmentMethod.FIELD), List.of(), ChangeMarker.NEW, 1));

		List<ImportError> errors = new FrameworkDraft(nodes, List.of()).check();

		assertThat(errors).extracting(ImportError::row).containsExactlyInAnyOrder(4, 5, 6);
		assertThat(errors).extracting(ImportError::messageKey)
			.containsExactlyInAnyOrder("criteria.import.duplicateCode", "criteria.import.missingParent",
					"criteria.import.wrongLevel");
	}

	@Test
	void aStandingAppliesEveryRecordedEffect() {
		UUID item = UUID.randomUUID();
		List<NegativeIncident> incidents = List.of(
				new NegativeIncident(UUID.randomUUID(), item, "N05", NegativeEffect.DEDUCT, new BigDecimal("2"), null, "",
						null, null, "x", null),
				new NegativeIncident(UUID.randomUUID(), item, "N06", NegativeEffect.DEDUCT, new BigDecimal("0.5"), null,
						"", null, null, "x", null));

		FrameworkStanding standing = FrameworkStanding.of(incidents);

		assertThat(standing.pointsDeducted()).isEqualByComparingTo("2.5");
		assertThat(standing.vetoed()).isFalse();
		assertThat(FrameworkStanding.of(List.of()).isClear()).isTrue();
	}
}

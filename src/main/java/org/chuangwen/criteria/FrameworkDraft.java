package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole framework tree before it is stored: what an Excel import or the demo produce. {@link #check()} applies the
 * tree rules to every row at once (duplicate codes, missing parents, levels under their parents, methods of
 * standards, negative-list effects), so that every bad row is reported together.
 */
public record FrameworkDraft(List<Node> nodes, List<NegativeItem> negativeItems) {

	/** The sheet names of the documented layout. */
	public static final String TREE_SHEET = "测评体系";

	public static final String NEGATIVE_SHEET = "负面清单";

	public static final String README_SHEET = "说明";

	/** A row of the tree: a level-Ⅰ/Ⅱ/Ⅲ criterion or a standard ({@code level} STANDARD). */
	public record Node(int row, CriterionLevel level, String code, String parentCode, String name, BigDecimal maxScore,
			List<AssessmentMethod> methods, List<String> pointTypes, ChangeMarker changeMarker, int sortOrder) {

		public Node {
			methods = List.copyOf(methods);
			pointTypes = List.copyOf(pointTypes);
		}
	}

	/** A row of the negative list. */
	public record NegativeItem(int row, String code, String content, NegativeEffect effect, BigDecimal deduction) {
	}

	public FrameworkDraft {
		nodes = List.copyOf(nodes);
		negativeItems = List.copyOf(negativeItems);
	}

	public int standardCount() {
		return (int) nodes.stream().filter(n -> n.level().isStandard()).count();
	}

	/** Every structural error of the draft, in row order per sheet; empty when the draft can be stored. */
	public List<ImportError> check() {
		List<ImportError> errors = new ArrayList<>();
		Map<String, Node> byCode = new HashMap<>();
		for (Node node : nodes) {
			Node first = byCode.putIfAbsent(node.code(), node);
			if (first != null) {
				errors.add(ImportError.of(TREE_SHEET, node.row(), "编码", "criteria.import.duplicateCode", node.code(),
						first.row()));
			}
		}
		for (Node node : nodes) {
			var expectedParent = node.level().parentLevel();
			boolean hasParentCode = node.parentCode() != null && !node.parentCode().isBlank();
			if (expectedParent.isEmpty()) {
				if (hasParentCode) {
					errors.add(ImportError.of(TREE_SHEET, node.row(), "上级编码", "criteria.import.categoryHasParent",
							node.parentCode()));
				}
			}
			else if (!hasParentCode) {
				errors.add(ImportError.of(TREE_SHEET, node.row(), "上级编码", "criteria.import.parentRequired"));
			}
			else {
				Node parent = byCode.get(node.parentCode());
				if (parent == null) {
					errors.add(ImportError.of(TREE_SHEET, node.row(), "上级编码", "criteria.import.missingParent",
							node.parentCode()));
				}
				else if (parent.level() != expectedParent.get()) {
					errors.add(ImportError.of(TREE_SHEET, node.row(), "层级", "criteria.import.wrongLevel",
							node.level().label(), parent.code(), parent.level().label(), expectedParent.get().label()));
				}
			}
			if (node.level().isStandard() && node.methods().isEmpty()) {
				errors.add(ImportError.of(TREE_SHEET, node.row(), "测评方法", "criteria.import.methodRequired"));
			}
			if (!node.level().isStandard() && !node.methods().isEmpty()) {
				errors.add(ImportError.of(TREE_SHEET, node.row(), "测评方法", "criteria.import.methodOnCriterion"));
			}
		}
		Map<String, NegativeItem> negativeCodes = new HashMap<>();
		for (NegativeItem item : negativeItems) {
			NegativeItem first = negativeCodes.putIfAbsent(item.code(), item);
			if (first != null) {
				errors.add(ImportError.of(NEGATIVE_SHEET, item.row(), "编码", "criteria.import.duplicateCode", item.code(),
						first.row()));
			}
			if (item.effect() == NegativeEffect.DEDUCT && item.deduction() == null) {
				errors.add(ImportError.of(NEGATIVE_SHEET, item.row(), "扣分", "criteria.import.deductionRequired"));
			}
			if (item.effect() != NegativeEffect.DEDUCT && item.deduction() != null) {
				errors.add(ImportError.of(NEGATIVE_SHEET, item.row(), "扣分", "criteria.import.deductionOnlyForDeduct"));
			}
		}
		return errors;
	}
}

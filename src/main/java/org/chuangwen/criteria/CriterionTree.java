package org.chuangwen.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A framework's whole tree in memory: the criteria of levels Ⅰ/Ⅱ/Ⅲ and the standards under level Ⅲ, in their
 * order. Holds the tree rules: where a node may go, code uniqueness, and whether the maxima add up.
 */
public final class CriterionTree {

	private final List<Criterion> criteria;

	private final List<Standard> standards;

	private final Map<UUID, Criterion> byId = new HashMap<>();

	private final Map<UUID, List<Criterion>> childrenOf = new HashMap<>();

	private final Map<UUID, List<Standard>> standardsOf = new HashMap<>();

	private final Map<String, Object> byCode = new HashMap<>();

	private final List<Criterion> roots = new ArrayList<>();

	public CriterionTree(List<Criterion> criteria, List<Standard> standards) {
		Comparator<Criterion> criterionOrder = Comparator.comparingInt(Criterion::sortOrder).thenComparing(Criterion::code);
		this.criteria = criteria.stream().sorted(criterionOrder).toList();
		this.standards = standards.stream()
			.sorted(Comparator.comparingInt(Standard::sortOrder).thenComparing(Standard::code))
			.toList();
		for (Criterion criterion : this.criteria) {
			byId.put(criterion.id(), criterion);
			byCode.put(criterion.code(), criterion);
			if (criterion.parentId() == null) {
				roots.add(criterion);
			}
			else {
				childrenOf.computeIfAbsent(criterion.parentId(), k -> new ArrayList<>()).add(criterion);
			}
		}
		for (Standard standard : this.standards) {
			byCode.put(standard.code(), standard);
			standardsOf.computeIfAbsent(standard.criterionId(), k -> new ArrayList<>()).add(standard);
		}
	}

	public List<Criterion> roots() {
		return List.copyOf(roots);
	}

	public List<Criterion> criteria() {
		return criteria;
	}

	public List<Standard> standards() {
		return standards;
	}

	public List<Criterion> children(UUID criterionId) {
		return List.copyOf(childrenOf.getOrDefault(criterionId, List.of()));
	}

	public List<Standard> standardsOf(UUID criterionId) {
		return List.copyOf(standardsOf.getOrDefault(criterionId, List.of()));
	}

	public Optional<Criterion> criterion(UUID id) {
		return Optional.ofNullable(byId.get(id));
	}

	public Optional<Criterion> criterionByCode(String code) {
		return byCode.get(code) instanceof Criterion c ? Optional.of(c) : Optional.empty();
	}

	public Optional<Standard> standardByCode(String code) {
		return byCode.get(code) instanceof Standard s ? Optional.of(s) : Optional.empty();
	}

	public Optional<Standard> standard(UUID id) {
		return standards.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	/** The parent's code of a criterion, or null for a category. */
	public String parentCode(Criterion criterion) {
		return criterion.parentId() == null ? null : byId.get(criterion.parentId()).code();
	}

	/** The path from the category down to this criterion (itself included). */
	public List<Criterion> pathTo(UUID criterionId) {
		List<Criterion> path = new ArrayList<>();
		for (Criterion c = byId.get(criterionId); c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
			path.add(0, c);
		}
		return path;
	}

	/** Whether a code is already used by a node or a standard of this framework (other than {@code except}). */
	public boolean isCodeTaken(String code, UUID except) {
		Object holder = byCode.get(code);
		if (holder == null) {
			return false;
		}
		UUID id = holder instanceof Criterion c ? c.id() : ((Standard) holder).id();
		return !id.equals(except);
	}

	/**
	 * Checks that a node of this level may hang under this parent: a category at the top, an indicator under a
	 * category, a content item under an indicator, a standard under a content item.
	 */
	public void checkPlacement(CriterionLevel level, UUID parentId) {
		Optional<CriterionLevel> expected = level.parentLevel();
		if (expected.isEmpty()) {
			if (parentId != null) {
				throw new org.chuangwen.shared.RuleViolationException("criteria.rule.categoryHasNoParent");
			}
			return;
		}
		Criterion parent = parentId == null ? null : byId.get(parentId);
		if (parent == null) {
			throw new org.chuangwen.shared.RuleViolationException("criteria.rule.parentRequired", level.label(),
					expected.get().label());
		}
		if (parent.level() != expected.get()) {
			throw new org.chuangwen.shared.RuleViolationException("criteria.rule.wrongLevel", level.label(),
					parent.code(), parent.level().label(), expected.get().label());
		}
	}

	/** Whether a criterion has anything below it (a node that has cannot be deleted). */
	public boolean hasChildren(UUID criterionId) {
		return !children(criterionId).isEmpty() || !standardsOf(criterionId).isEmpty();
	}

	/**
	 * Every node whose maximum does not add up: a node with a maximum whose children carry maxima must equal their
	 * sum, and either all its children carry one or none does (none: the maximum is split equally when scoring).
	 * The framework's total is checked against the categories the same way. In tree order.
	 */
	public List<MaximaMismatch> maximaMismatches(BigDecimal frameworkTotal) {
		List<MaximaMismatch> mismatches = new ArrayList<>();
		check(null, "", "", frameworkTotal, maxima(roots), mismatches);
		walk(roots, mismatches);
		return mismatches;
	}

	private void walk(List<Criterion> nodes, List<MaximaMismatch> mismatches) {
		for (Criterion node : nodes) {
			List<BigDecimal> childMaxima = node.level() == CriterionLevel.III
					? standardsOf(node.id()).stream().map(Standard::maxScore).toList()
					: maxima(children(node.id()));
			check(node.id(), node.code(), node.name(), node.maxScore(), childMaxima, mismatches);
			walk(children(node.id()), mismatches);
		}
	}

	private static List<BigDecimal> maxima(List<Criterion> nodes) {
		return nodes.stream().map(Criterion::maxScore).toList();
	}

	private static void check(UUID id, String code, String name, BigDecimal max, List<BigDecimal> childMaxima,
			List<MaximaMismatch> mismatches) {
		if (max == null || childMaxima.isEmpty()) {
			return;
		}
		int withMaxima = 0;
		BigDecimal sum = BigDecimal.ZERO;
		for (BigDecimal childMax : childMaxima) {
			if (childMax != null) {
				withMaxima++;
				sum = sum.add(childMax);
			}
		}
		if (withMaxima == 0) {
			return;
		}
		if (withMaxima < childMaxima.size() || sum.compareTo(max) != 0) {
			mismatches.add(new MaximaMismatch(id, code, name, max, sum, withMaxima, childMaxima.size()));
		}
	}

	/** The tree as draft rows in tree order (what export writes and import reads back). */
	public FrameworkDraft toDraft(List<NegativeListItem> negativeItems) {
		List<FrameworkDraft.Node> rows = new ArrayList<>();
		appendRows(roots, rows);
		List<FrameworkDraft.NegativeItem> items = new ArrayList<>();
		for (NegativeListItem item : negativeItems) {
			items.add(new FrameworkDraft.NegativeItem(items.size() + 2, item.code(), item.content(), item.effect(),
					item.deduction()));
		}
		return new FrameworkDraft(rows, items);
	}

	private void appendRows(List<Criterion> nodes, List<FrameworkDraft.Node> rows) {
		for (Criterion node : nodes) {
			rows.add(new FrameworkDraft.Node(rows.size() + 2, node.level(), node.code(), parentCode(node), node.name(),
					node.maxScore(), List.of(), List.of(), null, node.sortOrder()));
			for (Standard standard : standardsOf(node.id())) {
				rows.add(new FrameworkDraft.Node(rows.size() + 2, CriterionLevel.STANDARD, standard.code(), node.code(),
						standard.content(), standard.maxScore(), standard.methods(), standard.pointTypes(),
						standard.changeMarker(), standard.sortOrder()));
			}
			appendRows(children(node.id()), rows);
		}
	}

	/** The number of nodes per level, for summaries: Ⅰ, Ⅱ, Ⅲ, standards. */
	public Map<CriterionLevel, Integer> counts() {
		Map<CriterionLevel, Integer> counts = new LinkedHashMap<>();
		for (CriterionLevel level : CriterionLevel.values()) {
			counts.put(level, 0);
		}
		criteria.forEach(c -> counts.merge(c.level(), 1, Integer::sum));
		counts.put(CriterionLevel.STANDARD, standards.size());
		return counts;
	}
}

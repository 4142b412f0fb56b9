package org.chuangwen.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries on campaigns and their criteria, for pages, the API and other modules. Methods taking an {@link Actor}
 * answer only within what the actor may read (a campaign outside the actor's branch is unknown to it: 404).
 */
@Service
@Transactional(readOnly = true)
public class CriteriaDirectory {

	private final CriteriaRepository repository;

	CriteriaDirectory(CriteriaRepository repository) {
		this.repository = repository;
	}

	public List<PointType> pointTypes() {
		return repository.pointTypes();
	}

	public Optional<PointType> pointType(String code) {
		return repository.pointTypes().stream().filter(t -> t.code().equals(code)).findFirst();
	}

	public Page<Campaign> campaigns(Actor actor, PageRequest page) {
		String path = scope(actor);
		return Page.of(repository.campaignsVisibleFrom(path, page), page, repository.countCampaignsVisibleFrom(path));
	}

	public Campaign campaign(Actor actor, UUID campaignId) {
		Campaign campaign = repository.campaign(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
		CriteriaAccess.requireRead(actor, campaign);
		return campaign;
	}

	/** Whether the actor may change this campaign and its frameworks. */
	public boolean mayEdit(Actor actor, Campaign campaign) {
		return CriteriaAccess.mayEdit(actor, campaign);
	}

	public Page<Framework> frameworks(Actor actor, PageRequest page) {
		String path = scope(actor);
		return Page.of(repository.frameworksVisibleFrom(path, page), page, repository.countFrameworksVisibleFrom(path));
	}

	public List<Framework> frameworksOf(Actor actor, UUID campaignId) {
		campaign(actor, campaignId);
		return repository.frameworksOf(campaignId);
	}

	public Framework framework(Actor actor, UUID frameworkId) {
		Framework framework = repository.framework(frameworkId)
			.orElseThrow(() -> new NotFoundException("framework", frameworkId));
		Campaign campaign = repository.campaign(framework.campaignId()).orElseThrow();
		if (!CriteriaAccess.mayRead(actor, campaign)) {
			throw new NotFoundException("framework", frameworkId);
		}
		return framework;
	}

	/** The active framework of a campaign (main, or the prerequisite one). For other modules. */
	public Optional<Framework> activeFramework(UUID campaignId, boolean prerequisite) {
		return repository.activeFramework(campaignId, prerequisite);
	}

	public CriterionTree tree(Actor actor, UUID frameworkId) {
		framework(actor, frameworkId);
		return tree(frameworkId);
	}

	/** A framework's tree, unscoped: for other modules (inspections, scoring) that already checked access. */
	public CriterionTree tree(UUID frameworkId) {
		return new CriterionTree(repository.criteria(frameworkId), repository.standards(frameworkId));
	}

	public Optional<Standard> standard(UUID standardId) {
		return repository.standard(standardId);
	}

	/**
	 * The checklist of a point type: every standard of the framework that applies to it, grouped by its level-Ⅲ
	 * content item in tree order.
	 */
	public List<ChecklistGroup> checklist(Actor actor, UUID frameworkId, String pointType) {
		CriterionTree tree = tree(actor, frameworkId);
		Map<UUID, List<Standard>> byItem = new LinkedHashMap<>();
		for (Standard standard : repository.standardsFor(frameworkId, pointType)) {
			byItem.computeIfAbsent(standard.criterionId(), k -> new ArrayList<>()).add(standard);
		}
		List<ChecklistGroup> groups = new ArrayList<>();
		collect(tree, tree.roots(), byItem, groups);
		return groups;
	}

	private static void collect(CriterionTree tree, List<Criterion> nodes, Map<UUID, List<Standard>> byItem,
			List<ChecklistGroup> groups) {
		for (Criterion node : nodes) {
			List<Standard> standards = byItem.get(node.id());
			if (standards != null) {
				groups.add(new ChecklistGroup(tree.pathTo(node.id()), standards));
			}
			collect(tree, tree.children(node.id()), byItem, groups);
		}
	}

	public List<NegativeListItem> negativeItems(Actor actor, UUID frameworkId) {
		framework(actor, frameworkId);
		return repository.negativeItems(frameworkId);
	}

	public List<NegativeIncident> incidents(Actor actor, UUID frameworkId) {
		framework(actor, frameworkId);
		return repository.incidents(frameworkId);
	}

	/** What the recorded incidents do to the framework's campaign. */
	public FrameworkStanding standing(Actor actor, UUID frameworkId) {
		return FrameworkStanding.of(incidents(actor, frameworkId));
	}

	public List<QuantitativeIndicator> indicators(Actor actor, UUID frameworkId) {
		framework(actor, frameworkId);
		return repository.indicators(frameworkId);
	}

	public List<IndicatorValue> indicatorValues(Actor actor, UUID frameworkId) {
		framework(actor, frameworkId);
		return repository.indicatorValues(frameworkId);
	}

	/** The cross-campaign mappings of a framework's standards, seen from its side, both directions. */
	public List<StandardMapping> mappings(Actor actor, UUID frameworkId) {
		framework(actor, frameworkId);
		return repository.mappingsOf(frameworkId);
	}

	/** The framework in the documented Excel layout; importing the file gives the same tree. */
	public byte[] export(Actor actor, UUID frameworkId) {
		CriterionTree tree = tree(actor, frameworkId);
		return FrameworkWorkbook.write(tree.toDraft(repository.negativeItems(frameworkId)), repository.pointTypes());
	}

	/** A workbook to fill in, with an example and the instructions. */
	public byte[] template() {
		return FrameworkWorkbook.template(repository.pointTypes());
	}

	private static String scope(Actor actor) {
		// an actor without a jurisdiction reads nothing: no path starts with '#'
		return actor == null ? "/" : actor.jurisdictionPath() == null ? "#none" : actor.jurisdictionPath();
	}
}

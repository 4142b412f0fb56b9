package org.chuangwen.criteria;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.Role;
import org.chuangwen.shared.ConflictException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.RuleViolationException;
import org.chuangwen.shared.Validation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on campaigns and their criteria. Every command checks the caller's role and scope (only a campaign
 * office admin whose jurisdiction covers the campaign's node edits it), validates the whole input, applies the tree
 * rules, detects stale versions (409) and records the change in the audit trail, in one transaction. A {@code null}
 * actor is the system itself (the demo city).
 */
@Service
public class CriteriaManagement {

	/** A new campaign on a jurisdiction node. */
	public record NewCampaign(String code, String name, CampaignKind kind, UUID jurisdictionId, String description) {
	}

	/** A framework's own properties. */
	public record FrameworkDetails(String name, String edition, BigDecimal totalScore, boolean prerequisite,
			BigDecimal passThreshold, BigDecimal weightPercent) {
	}

	/** A new level-Ⅰ/Ⅱ/Ⅲ node ({@code parentId} null for a category). */
	public record NewCriterion(CriterionLevel level, UUID parentId, String code, String name, BigDecimal maxScore,
			Integer sortOrder) {
	}

	public record CriterionChange(String code, String name, BigDecimal maxScore, Integer sortOrder, int version) {
	}

	public record NewStandard(UUID criterionId, String code, String content, BigDecimal maxScore,
			List<AssessmentMethod> methods, List<String> pointTypes, ChangeMarker changeMarker, Integer sortOrder) {
	}

	public record StandardChange(String code, String content, BigDecimal maxScore, List<AssessmentMethod> methods,
			List<String> pointTypes, ChangeMarker changeMarker, Integer sortOrder, int version) {
	}

	public record NewNegativeItem(String code, String content, NegativeEffect effect, BigDecimal deduction) {
	}

	public record NewIncident(UUID itemId, LocalDate occurredOn, String description, String evidence) {
	}

	public record NewIndicator(String code, String name, Comparator comparator, BigDecimal threshold,
			String unitOfMeasure, UUID responsibleUnitId, String criterionCode) {
	}

	public record NewIndicatorValue(String period, BigDecimal value, String evidence, String note) {
	}

	static final String CODE_PATTERN = "\\S{1,40}";

	private final CriteriaRepository repository;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	private final Clock clock;

	CriteriaManagement(CriteriaRepository repository, OrganisationDirectory organisation, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	// campaigns

	@Transactional
	public Campaign createCampaign(Actor by, NewCampaign command) {
		Validation v = new Validation().required("code", command.code())
			.pattern("code", command.code(), "[A-Za-z0-9_.-]{1,40}", "criteria.code.campaignPattern")
			.required("name", command.name())
			.maxLength("name", command.name(), 100)
			.required("kind", command.kind())
			.required("jurisdictionId", command.jurisdictionId())
			.maxLength("description", command.description(), 1000);
		Jurisdiction jurisdiction = command.jurisdictionId() == null ? null
				: organisation.jurisdiction(command.jurisdictionId()).orElse(null);
		v.check(command.jurisdictionId() == null || jurisdiction != null, "jurisdictionId", "criteria.jurisdiction.unknown");
		if (command.code() != null && !command.code().isBlank() && repository.campaignCodeTaken(command.code().trim())) {
			v.reject("code", "criteria.code.taken");
		}
		v.throwIfInvalid();
		Campaign campaign = new Campaign(Ids.newId(clock), command.code().trim(), command.name().trim(), command.kind(),
				jurisdiction.id(), jurisdiction.path(), blankToNull(command.description()), 0);
		CriteriaAccess.requireEdit(by, campaign);
		try {
			repository.insert(campaign);
		}
		catch (DuplicateKeyException ex) {
			// another office created the same code meanwhile
			throw new InvalidInputException("code", "criteria.code.taken");
		}
		audit.record("criteria.campaign.created", "campaign", campaign.id(), null, campaign, null);
		return campaign;
	}

	// frameworks

	/** Creates a draft framework in a campaign from a whole tree (empty for a new, blank framework). */
	@Transactional
	public Framework createFramework(Actor by, UUID campaignId, FrameworkDetails details, FrameworkDraft draft) {
		Campaign campaign = campaign(campaignId);
		CriteriaAccess.requireEdit(by, campaign);
		validate(details).throwIfInvalid();
		List<ImportError> errors = draft.check();
		if (!errors.isEmpty()) {
			throw FrameworkImportException.invalidRows(errors);
		}
		Framework framework = new Framework(Ids.newId(clock), campaignId, details.name().trim(), details.edition().trim(),
				FrameworkStatus.DRAFT, null, details.totalScore(), details.prerequisite(), details.passThreshold(),
				details.weightPercent(), 0, clock.instant());
		repository.insert(framework);
		store(framework.id(), draft);
		audit.record("criteria.framework.created", "framework", framework.id(), null,
				Map.of("framework", framework, "criteria", draft.nodes().size() - draft.standardCount(), "standards",
						draft.standardCount(), "negativeItems", draft.negativeItems().size()),
				null);
		return framework;
	}

	/**
	 * Imports a workbook in the documented layout as a new draft framework of the campaign. The whole file is read
	 * and checked first; any bad row refuses the whole import (every bad row listed) and nothing is written.
	 */
	@Transactional
	public Framework importFramework(Actor by, UUID campaignId, FrameworkDetails details, InputStream workbook,
			long size) {
		Campaign campaign = campaign(campaignId);
		CriteriaAccess.requireEdit(by, campaign);
		validate(details).throwIfInvalid();
		FrameworkWorkbook.Parsed parsed = FrameworkWorkbook.read(workbook, size, repository.pointTypes());
		if (!parsed.errors().isEmpty()) {
			throw FrameworkImportException.invalidRows(parsed.errors());
		}
		if (parsed.draft().nodes().isEmpty()) {
			throw new FrameworkImportException(FrameworkImportException.Reason.UNREADABLE, List.of(),
					"criteria.import.refused.empty", FrameworkDraft.TREE_SHEET);
		}
		Framework framework = createFramework(by, campaignId, details, parsed.draft());
		audit.record("criteria.framework.imported", "framework", framework.id(), null,
				Map.of("rows", parsed.draft().nodes().size(), "negativeItems", parsed.draft().negativeItems().size()),
				null);
		return framework;
	}

	/**
	 * A new draft edition copied from an existing framework (tree, negative list, quantitative indicators without
	 * their values): the copy's change markers start as unchanged, to be marked as the new edition is edited.
	 */
	@Transactional
	public Framework newEdition(Actor by, UUID previousId, String name, String edition) {
		Framework previous = repository.framework(previousId).orElseThrow(() -> new NotFoundException("framework", previousId));
		Campaign campaign = campaign(previous.campaignId());
		CriteriaAccess.requireEdit(by, campaign);
		FrameworkDetails details = new FrameworkDetails(name, edition, previous.totalScore(), previous.prerequisite(),
				previous.passThreshold(), previous.weightPercent());
		validate(details).throwIfInvalid();
		CriterionTree tree = tree(previousId);
		FrameworkDraft copy = tree.toDraft(repository.negativeItems(previousId));
		List<FrameworkDraft.Node> nodes = copy.nodes()
			.stream()
			.map(n -> new FrameworkDraft.Node(n.row(), n.level(), n.code(), n.parentCode(), n.name(), n.maxScore(),
					n.methods(), n.pointTypes(), n.level().isStandard() ? ChangeMarker.UNCHANGED : null, n.sortOrder()))
			.toList();
		Framework framework = new Framework(Ids.newId(clock), previous.campaignId(), name.trim(), edition.trim(),
				FrameworkStatus.DRAFT, previousId, previous.totalScore(), previous.prerequisite(),
				previous.passThreshold(), previous.weightPercent(), 0, clock.instant());
		repository.insert(framework);
		store(framework.id(), new FrameworkDraft(nodes, copy.negativeItems()));
		for (QuantitativeIndicator q : repository.indicators(previousId)) {
			repository.insert(new QuantitativeIndicator(Ids.newId(clock), framework.id(), q.code(), q.name(),
					q.comparator(), q.threshold(), q.unitOfMeasure(), q.responsibleUnitId(), q.criterionCode(),
					q.sortOrder(), 0));
		}
		audit.record("criteria.framework.editionCreated", "framework", framework.id(), null, framework,
				"copied from " + previousId);
		return framework;
	}

	@Transactional
	public Framework updateFramework(Actor by, UUID frameworkId, FrameworkDetails details, int version) {
		Framework before = editable(by, frameworkId);
		validate(details).throwIfInvalid();
		Framework after = new Framework(before.id(), before.campaignId(), details.name().trim(), details.edition().trim(),
				before.status(), before.previousId(), details.totalScore(), details.prerequisite(),
				details.passThreshold(), details.weightPercent(), version + 1, before.createdAt());
		if (repository.update(after, version) == 0) {
			throw ConflictException.staleVersion("framework");
		}
		audit.record("criteria.framework.updated", "framework", frameworkId, before, after, null);
		return after;
	}

	/**
	 * Makes a draft the campaign's active framework; the previously active one of the same kind (main or
	 * prerequisite) is archived.
	 */
	@Transactional
	public Framework activate(Actor by, UUID frameworkId, int version) {
		Framework before = editable(by, frameworkId);
		if (before.status() != FrameworkStatus.DRAFT) {
			throw new RuleViolationException("criteria.rule.onlyDraftActivates");
		}
		// one activation per campaign at a time: the swap of the active edition must not interleave
		repository.lockCampaign(before.campaignId());
		repository.activeFramework(before.campaignId(), before.prerequisite()).ifPresent(active -> {
			setStatus(active, FrameworkStatus.ARCHIVED, active.version());
			audit.record("criteria.framework.archived", "framework", active.id(), active.status(),
					FrameworkStatus.ARCHIVED, "superseded by " + frameworkId);
		});
		Framework after = setStatus(before, FrameworkStatus.ACTIVE, version);
		audit.record("criteria.framework.activated", "framework", frameworkId, before.status(), after.status(), null);
		return after;
	}

	@Transactional
	public Framework archive(Actor by, UUID frameworkId, int version) {
		Framework before = editable(by, frameworkId);
		Framework after = setStatus(before, FrameworkStatus.ARCHIVED, version);
		audit.record("criteria.framework.archived", "framework", frameworkId, before.status(), after.status(), null);
		return after;
	}

	private Framework setStatus(Framework f, FrameworkStatus status, int version) {
		Framework after = new Framework(f.id(), f.campaignId(), f.name(), f.edition(), status, f.previousId(),
				f.totalScore(), f.prerequisite(), f.passThreshold(), f.weightPercent(), version + 1, f.createdAt());
		if (repository.update(after, version) == 0) {
			throw ConflictException.staleVersion("framework");
		}
		return after;
	}

	// the tree

	@Transactional
	public Criterion addCriterion(Actor by, UUID frameworkId, NewCriterion command) {
		Framework framework = lockedEditable(by, frameworkId);
		CriterionTree tree = tree(frameworkId);
		Validation v = criterionFields(command.code(), command.name(), command.maxScore()).required("level", command.level());
		v.check(command.level() != CriterionLevel.STANDARD, "level", "criteria.rule.standardIsNotACriterion");
		if (command.code() != null && tree.isCodeTaken(command.code().trim(), null)) {
			v.reject("code", "criteria.code.taken");
		}
		v.throwIfInvalid();
		tree.checkPlacement(command.level(), command.parentId());
		int order = command.sortOrder() != null ? command.sortOrder()
				: (command.parentId() == null ? tree.roots().size() : tree.children(command.parentId()).size()) + 1;
		Criterion created = new Criterion(Ids.newId(clock), framework.id(), command.parentId(), command.level(),
				command.code().trim(), command.name().trim(), command.maxScore(), order, 0);
		repository.insertCriteria(List.of(created));
		audit.record("criteria.criterion.created", "criterion", created.id(), null, created, null);
		return created;
	}

	@Transactional
	public Criterion changeCriterion(Actor by, UUID criterionId, CriterionChange command) {
		Criterion before = repository.criterion(criterionId).orElseThrow(() -> new NotFoundException("criterion", criterionId));
		lockedEditable(by, before.frameworkId());
		CriterionTree tree = tree(before.frameworkId());
		Validation v = criterionFields(command.code(), command.name(), command.maxScore());
		if (command.code() != null && tree.isCodeTaken(command.code().trim(), criterionId)) {
			v.reject("code", "criteria.code.taken");
		}
		v.throwIfInvalid();
		Criterion after = new Criterion(before.id(), before.frameworkId(), before.parentId(), before.level(),
				command.code().trim(), command.name().trim(), command.maxScore(),
				command.sortOrder() == null ? before.sortOrder() : command.sortOrder(), command.version() + 1);
		if (repository.update(after, command.version()) == 0) {
			throw ConflictException.staleVersion("criterion");
		}
		audit.record("criteria.criterion.changed", "criterion", criterionId, before, after, null);
		return after;
	}

	@Transactional
	public void deleteCriterion(Actor by, UUID criterionId, int version) {
		Criterion before = repository.criterion(criterionId).orElseThrow(() -> new NotFoundException("criterion", criterionId));
		lockedEditable(by, before.frameworkId());
		if (tree(before.frameworkId()).hasChildren(criterionId)) {
			throw new RuleViolationException("criteria.rule.deleteChildrenFirst", before.code());
		}
		if (repository.deleteCriterion(criterionId, version) == 0) {
			throw ConflictException.staleVersion("criterion");
		}
		audit.record("criteria.criterion.deleted", "criterion", criterionId, before, null, null);
	}

	@Transactional
	public Standard addStandard(Actor by, NewStandard command) {
		Criterion parent = command.criterionId() == null ? null : repository.criterion(command.criterionId()).orElse(null);
		if (parent == null) {
			throw new NotFoundException("criterion", command.criterionId());
		}
		lockedEditable(by, parent.frameworkId());
		CriterionTree tree = tree(parent.frameworkId());
		Validation v = standardFields(command.code(), command.content(), command.maxScore(), command.methods(),
				command.pointTypes());
		if (command.code() != null && tree.isCodeTaken(command.code().trim(), null)) {
			v.reject("code", "criteria.code.taken");
		}
		v.throwIfInvalid();
		tree.checkPlacement(CriterionLevel.STANDARD, parent.id());
		int order = command.sortOrder() != null ? command.sortOrder() : tree.standardsOf(parent.id()).size() + 1;
		Standard created = new Standard(Ids.newId(clock), parent.frameworkId(), parent.id(), command.code().trim(),
				command.content().trim(), command.maxScore(), distinct(command.methods()), distinct(command.pointTypes()),
				command.changeMarker() == null ? ChangeMarker.UNCHANGED : command.changeMarker(), order, 0);
		repository.insertStandards(List.of(created));
		audit.record("criteria.standard.created", "standard", created.id(), null, created, null);
		return created;
	}

	@Transactional
	public Standard changeStandard(Actor by, UUID standardId, StandardChange command) {
		Standard before = repository.standard(standardId).orElseThrow(() -> new NotFoundException("standard", standardId));
		lockedEditable(by, before.frameworkId());
		CriterionTree tree = tree(before.frameworkId());
		Validation v = standardFields(command.code(), command.content(), command.maxScore(), command.methods(),
				command.pointTypes());
		if (command.code() != null && tree.isCodeTaken(command.code().trim(), standardId)) {
			v.reject("code", "criteria.code.taken");
		}
		v.throwIfInvalid();
		Standard after = new Standard(before.id(), before.frameworkId(), before.criterionId(), command.code().trim(),
				command.content().trim(), command.maxScore(), distinct(command.methods()), distinct(command.pointTypes()),
				command.changeMarker() == null ? ChangeMarker.UNCHANGED : command.changeMarker(),
				command.sortOrder() == null ? before.sortOrder() : command.sortOrder(), command.version() + 1);
		if (repository.update(after, command.version()) == 0) {
			throw ConflictException.staleVersion("standard");
		}
		audit.record("criteria.standard.changed", "standard", standardId, before, after, null);
		return after;
	}

	@Transactional
	public void deleteStandard(Actor by, UUID standardId, int version) {
		Standard before = repository.standard(standardId).orElseThrow(() -> new NotFoundException("standard", standardId));
		lockedEditable(by, before.frameworkId());
		if (repository.deleteStandard(standardId, version) == 0) {
			throw ConflictException.staleVersion("standard");
		}
		audit.record("criteria.standard.deleted", "standard", standardId, before, null, null);
	}

	// negative list

	@Transactional
	public NegativeListItem addNegativeItem(Actor by, UUID frameworkId, NewNegativeItem command) {
		lockedEditable(by, frameworkId);
		List<NegativeListItem> items = repository.negativeItems(frameworkId);
		Validation v = new Validation().required("code", command.code())
			.pattern("code", command.code(), CODE_PATTERN, "criteria.code.pattern")
			.required("content", command.content())
			.maxLength("content", command.content(), 1000)
			.required("effect", command.effect());
		if (command.code() != null && items.stream().anyMatch(i -> i.code().equals(command.code().trim()))) {
			v.reject("code", "criteria.code.taken");
		}
		if (command.effect() == NegativeEffect.DEDUCT) {
			v.check(command.deduction() != null && command.deduction().signum() > 0, "deduction",
					"criteria.negative.deductionRequired");
		}
		else if (command.effect() != null) {
			v.check(command.deduction() == null, "deduction", "criteria.negative.deductionOnlyForDeduct");
		}
		v.throwIfInvalid();
		NegativeListItem item = new NegativeListItem(Ids.newId(clock), frameworkId, command.code().trim(),
				command.content().trim(), command.effect(), command.deduction(), items.size() + 1, 0);
		repository.insertNegativeItems(List.of(item));
		audit.record("criteria.negativeItem.created", "negativeListItem", item.id(), null, item, null);
		return item;
	}

	/** Records an incident of a negative-list item; its effect applies to the framework's standing at once. */
	@Transactional
	public NegativeIncident recordIncident(Actor by, UUID frameworkId, NewIncident command) {
		lockedEditable(by, frameworkId);
		NegativeListItem item = command.itemId() == null ? null
				: repository.negativeItems(frameworkId)
					.stream()
					.filter(i -> i.id().equals(command.itemId()))
					.findFirst()
					.orElse(null);
		Validation v = new Validation().required("itemId", command.itemId())
			.required("occurredOn", command.occurredOn())
			.required("description", command.description())
			.maxLength("description", command.description(), 2000)
			.maxLength("evidence", command.evidence(), 2000);
		v.check(command.itemId() == null || item != null, "itemId", "criteria.negative.unknownItem");
		v.check(command.occurredOn() == null || !command.occurredOn().isAfter(LocalDate.now(clock)), "occurredOn",
				"criteria.incident.inFuture");
		v.throwIfInvalid();
		NegativeIncident incident = new NegativeIncident(Ids.newId(clock), item.id(), item.code(), item.effect(),
				item.deduction(), command.occurredOn(), command.description().trim(), blankToNull(command.evidence()),
				by == null ? null : by.userId(), by == null ? "系统" : by.displayName(), clock.instant());
		repository.insert(incident, frameworkId);
		audit.record("criteria.incident.recorded", "framework", frameworkId, null, incident, item.effect().name());
		return incident;
	}

	// quantitative indicators

	@Transactional
	public QuantitativeIndicator addIndicator(Actor by, UUID frameworkId, NewIndicator command) {
		lockedEditable(by, frameworkId);
		List<QuantitativeIndicator> existing = repository.indicators(frameworkId);
		Validation v = new Validation().required("code", command.code())
			.pattern("code", command.code(), CODE_PATTERN, "criteria.code.pattern")
			.required("name", command.name())
			.maxLength("name", command.name(), 200)
			.required("comparator", command.comparator())
			.required("threshold", command.threshold())
			.maxLength("unitOfMeasure", command.unitOfMeasure(), 20);
		if (command.code() != null && existing.stream().anyMatch(q -> q.code().equals(command.code().trim()))) {
			v.reject("code", "criteria.code.taken");
		}
		v.check(command.responsibleUnitId() == null || organisation.unit(command.responsibleUnitId()).isPresent(),
				"responsibleUnitId", "criteria.unit.unknown");
		if (command.criterionCode() != null && !command.criterionCode().isBlank()) {
			v.check(tree(frameworkId).criterionByCode(command.criterionCode().trim()).isPresent(), "criterionCode",
					"criteria.criterion.unknownCode");
		}
		v.throwIfInvalid();
		QuantitativeIndicator indicator = new QuantitativeIndicator(Ids.newId(clock), frameworkId, command.code().trim(),
				command.name().trim(), command.comparator(), command.threshold(),
				command.unitOfMeasure() == null ? "" : command.unitOfMeasure().trim(), command.responsibleUnitId(),
				blankToNull(command.criterionCode()), existing.size() + 1, 0);
		repository.insert(indicator);
		audit.record("criteria.indicator.created", "quantitativeIndicator", indicator.id(), null, indicator, null);
		return indicator;
	}

	/**
	 * Reports a value of a quantitative indicator: by the campaign office, or by an admin of the indicator's
	 * responsible unit.
	 */
	@Transactional
	public IndicatorValue reportValue(Actor by, UUID indicatorId, NewIndicatorValue command) {
		QuantitativeIndicator indicator = repository.indicator(indicatorId)
			.orElseThrow(() -> new NotFoundException("indicator", indicatorId));
		Framework framework = repository.framework(indicator.frameworkId()).orElseThrow();
		Campaign campaign = campaign(framework.campaignId());
		CriteriaAccess.requireRead(by, campaign);
		boolean responsibleUnit = by != null && by.has(Role.UNIT_ADMIN) && indicator.responsibleUnitId() != null
				&& indicator.responsibleUnitId().equals(by.unitId());
		if (!CriteriaAccess.mayEdit(by, campaign) && !responsibleUnit) {
			throw new ForbiddenException("criteria.error.notReporter");
		}
		Validation v = new Validation().required("period", command.period())
			.maxLength("period", command.period(), 20)
			.required("value", command.value())
			.maxLength("evidence", command.evidence(), 2000)
			.maxLength("note", command.note(), 1000);
		v.throwIfInvalid();
		IndicatorValue value = new IndicatorValue(Ids.newId(clock), indicatorId, command.period().trim(), command.value(),
				by == null ? null : by.userId(), by == null ? "系统" : by.displayName(), clock.instant(),
				blankToNull(command.evidence()), blankToNull(command.note()), indicator.isMetBy(command.value()));
		repository.insert(value);
		audit.record("criteria.indicatorValue.reported", "quantitativeIndicator", indicatorId, null, value, null);
		return value;
	}

	// mappings

	/** Maps a standard to a standard of another campaign's framework; visible from both sides. */
	@Transactional
	public void mapStandards(Actor by, UUID standardId, UUID otherStandardId) {
		Standard standard = repository.standard(standardId).orElseThrow(() -> new NotFoundException("standard", standardId));
		Standard other = repository.standard(otherStandardId)
			.orElseThrow(() -> new NotFoundException("standard", otherStandardId));
		lockedEditable(by, standard.frameworkId());
		Framework otherFramework = repository.framework(other.frameworkId()).orElseThrow();
		Framework ownFramework = repository.framework(standard.frameworkId()).orElseThrow();
		CriteriaAccess.requireRead(by, campaign(otherFramework.campaignId()));
		if (otherFramework.campaignId().equals(ownFramework.campaignId())) {
			throw new RuleViolationException("criteria.rule.mapAcrossCampaigns");
		}
		boolean inserted;
		try {
			inserted = repository.insertMapping(standardId, otherStandardId, by == null ? null : by.userId(),
					clock.instant());
		}
		catch (DuplicateKeyException ex) {
			inserted = false;
		}
		if (!inserted) {
			throw new ConflictException("criteria.mapping.exists", standard.code(), other.code());
		}
		audit.record("criteria.mapping.created", "standard", standardId, null,
				Map.of("standard", standard.code(), "mappedTo", other.code(), "mappedFramework", otherFramework.name()),
				null);
	}

	@Transactional
	public void unmapStandards(Actor by, UUID standardId, UUID otherStandardId) {
		Standard standard = repository.standard(standardId).orElseThrow(() -> new NotFoundException("standard", standardId));
		lockedEditable(by, standard.frameworkId());
		if (repository.deleteMapping(standardId, otherStandardId) == 0) {
			throw new NotFoundException("mapping", otherStandardId);
		}
		audit.record("criteria.mapping.removed", "standard", standardId,
				Map.of("standard", standardId, "mappedTo", otherStandardId), null, null);
	}

	// helpers

	private void store(UUID frameworkId, FrameworkDraft draft) {
		Map<String, UUID> ids = new HashMap<>();
		Map<String, FrameworkDraft.Node> byCode = new LinkedHashMap<>();
		for (FrameworkDraft.Node node : draft.nodes()) {
			ids.put(node.code(), Ids.newId(clock));
			byCode.put(node.code(), node);
		}
		List<Criterion> criteria = new ArrayList<>();
		List<Standard> standards = new ArrayList<>();
		// parents before children: Ⅰ, then Ⅱ, then Ⅲ
		for (CriterionLevel level : List.of(CriterionLevel.I, CriterionLevel.II, CriterionLevel.III)) {
			for (FrameworkDraft.Node node : draft.nodes()) {
				if (node.level() == level) {
					criteria.add(new Criterion(ids.get(node.code()), frameworkId,
							node.parentCode() == null ? null : ids.get(node.parentCode()), level, node.code(),
							node.name().trim(), node.maxScore(), node.sortOrder(), 0));
				}
			}
		}
		for (FrameworkDraft.Node node : draft.nodes()) {
			if (node.level().isStandard()) {
				standards.add(new Standard(ids.get(node.code()), frameworkId, ids.get(node.parentCode()), node.code(),
						node.name().trim(), node.maxScore(), node.methods(), node.pointTypes(),
						node.changeMarker() == null ? ChangeMarker.UNCHANGED : node.changeMarker(), node.sortOrder(), 0));
			}
		}
		repository.insertCriteria(criteria);
		repository.insertStandards(standards);
		List<NegativeListItem> items = new ArrayList<>();
		for (FrameworkDraft.NegativeItem item : draft.negativeItems()) {
			items.add(new NegativeListItem(Ids.newId(clock), frameworkId, item.code(), item.content().trim(),
					item.effect(), item.deduction(), items.size() + 1, 0));
		}
		repository.insertNegativeItems(items);
	}

	private Validation validate(FrameworkDetails d) {
		Validation v = new Validation().required("name", d.name())
			.maxLength("name", d.name(), 200)
			.required("edition", d.edition())
			.maxLength("edition", d.edition(), 40);
		score(v, "totalScore", d.totalScore());
		score(v, "passThreshold", d.passThreshold());
		if (d.prerequisite()) {
			v.required("passThreshold", d.passThreshold());
		}
		if (d.weightPercent() != null) {
			v.check(d.weightPercent().signum() >= 0 && d.weightPercent().compareTo(BigDecimal.valueOf(100)) <= 0,
					"weightPercent", "criteria.weight.range");
		}
		if (d.passThreshold() != null && d.totalScore() != null) {
			v.check(d.passThreshold().compareTo(d.totalScore()) <= 0, "passThreshold", "criteria.threshold.aboveTotal");
		}
		return v;
	}

	private static Validation criterionFields(String code, String name, BigDecimal maxScore) {
		Validation v = new Validation().required("code", code)
			.pattern("code", code == null ? null : code.trim(), CODE_PATTERN, "criteria.code.pattern")
			.required("name", name)
			.maxLength("name", name, FrameworkWorkbook.MAX_NAME);
		score(v, "maxScore", maxScore);
		return v;
	}

	private Validation standardFields(String code, String content, BigDecimal maxScore, List<AssessmentMethod> methods,
			List<String> pointTypes) {
		Validation v = new Validation().required("code", code)
			.pattern("code", code == null ? null : code.trim(), CODE_PATTERN, "criteria.code.pattern")
			.required("content", content)
			.maxLength("content", content, FrameworkWorkbook.MAX_CONTENT);
		score(v, "maxScore", maxScore);
		v.check(methods != null && !methods.isEmpty(), "methods", "criteria.import.methodRequired");
		Set<String> known = repository.pointTypes().stream().map(PointType::code).collect(Collectors.toSet());
		if (pointTypes != null) {
			for (String type : pointTypes) {
				if (!known.contains(type)) {
					v.reject("pointTypes", "criteria.import.unknownPointType", type);
					break;
				}
			}
		}
		return v;
	}

	private static void score(Validation v, String field, BigDecimal score) {
		if (score != null) {
			v.check(score.signum() >= 0 && score.compareTo(FrameworkWorkbook.MAX_SCORE) <= 0
					&& CriteriaRepository.scale(score).scale() <= 2, field, "criteria.import.scoreRange",
					FrameworkWorkbook.MAX_SCORE);
		}
	}

	private static <T> List<T> distinct(List<T> values) {
		return values == null ? List.of() : values.stream().distinct().toList();
	}

	private Campaign campaign(UUID id) {
		return repository.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
	}

	private CriterionTree tree(UUID frameworkId) {
		return new CriterionTree(repository.criteria(frameworkId), repository.standards(frameworkId));
	}

	private Framework editable(Actor by, UUID frameworkId) {
		Framework framework = repository.framework(frameworkId)
			.orElseThrow(() -> new NotFoundException("framework", frameworkId));
		CriteriaAccess.requireEdit(by, campaign(framework.campaignId()));
		if (!framework.status().isEditable()) {
			throw new RuleViolationException("criteria.rule.archivedIsReadOnly");
		}
		return framework;
	}

	/** Checks the actor may edit the framework, then locks it so that tree changes run one at a time. */
	private Framework lockedEditable(Actor by, UUID frameworkId) {
		editable(by, frameworkId);
		return repository.lockFramework(frameworkId).orElseThrow(() -> new NotFoundException("framework", frameworkId));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}

package org.chuangwen.criteria.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.Campaign;
import org.chuangwen.criteria.CampaignKind;
import org.chuangwen.criteria.ChangeMarker;
import org.chuangwen.criteria.Comparator;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.CriteriaManagement;
import org.chuangwen.criteria.CriteriaManagement.CriterionChange;
import org.chuangwen.criteria.CriteriaManagement.FrameworkDetails;
import org.chuangwen.criteria.CriteriaManagement.NewCampaign;
import org.chuangwen.criteria.CriteriaManagement.NewCriterion;
import org.chuangwen.criteria.CriteriaManagement.NewIncident;
import org.chuangwen.criteria.CriteriaManagement.NewIndicator;
import org.chuangwen.criteria.CriteriaManagement.NewIndicatorValue;
import org.chuangwen.criteria.CriteriaManagement.NewNegativeItem;
import org.chuangwen.criteria.CriteriaManagement.NewStandard;
import org.chuangwen.criteria.CriteriaManagement.StandardChange;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionLevel;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.FrameworkImportException;
import org.chuangwen.criteria.NegativeEffect;
import org.chuangwen.criteria.Standard;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.shared.DomainException;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.NotFoundException;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The criteria pages: campaigns and their frameworks, the tree editor (htmx expand/collapse, inline add/edit/delete),
 * import/export, the point-type checklist, the negative list with incidents, quantitative indicators and mappings.
 * Refusals of inline forms come back as a message naming the field and the node, at the top of the page.
 */
@Controller
class CriteriaPages {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/**
	 * A refusal shown next to its field (and listed at the top of the page): the field, the message key and its
	 * arguments as text. Kept in the (database-backed) session for one redirect, hence serializable.
	 */
	record Refusal(String field, String messageKey, List<String> arguments) implements java.io.Serializable {

		Refusal(String field, String messageKey, java.util.Collection<?> arguments) {
			this(field, messageKey, arguments.stream().map(String::valueOf).toList());
		}
	}

	private final CriteriaDirectory directory;

	private final CriteriaManagement management;

	private final OrganisationDirectory organisation;

	private final AuditTrail audit;

	CriteriaPages(CriteriaDirectory directory, CriteriaManagement management, OrganisationDirectory organisation,
			AuditTrail audit) {
		this.directory = directory;
		this.management = management;
		this.organisation = organisation;
		this.audit = audit;
	}

	// campaigns

	@GetMapping("/criteria/frameworks")
	String index(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page, Model model) {
		var campaigns = directory.campaigns(actor, PageRequest.of(page, 20));
		Map<UUID, List<Framework>> frameworks = new LinkedHashMap<>();
		for (Campaign campaign : campaigns.items()) {
			frameworks.put(campaign.id(), directory.frameworksOf(actor, campaign.id()));
		}
		model.addAttribute("page", campaigns);
		model.addAttribute("frameworks", frameworks);
		model.addAttribute("kinds", CampaignKind.values());
		model.addAttribute("mayCreate", actor.isOfficeAdmin());
		return "criteria/index";
	}

	@PostMapping("/criteria/campaigns")
	String createCampaign(@AuthenticationPrincipal Actor actor, @RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) CampaignKind kind, @RequestParam String jurisdictionCode,
			@RequestParam(required = false) String description, HttpServletRequest request, RedirectAttributes redirect) {
		UUID jurisdiction = organisation.jurisdictionByCode(jurisdictionCode.trim()).map(j -> j.id()).orElse(null);
		try {
			if (jurisdiction == null) {
				throw new InvalidInputException("jurisdictionId", "criteria.jurisdiction.unknown");
			}
			Campaign campaign = management.createCampaign(actor,
					new NewCampaign(code, name, kind, jurisdiction, description));
			redirect.addFlashAttribute("notice", "criteria.campaign.created");
			return "redirect:/criteria/campaigns/" + campaign.id();
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "campaign", request);
			return "redirect:/criteria/frameworks";
		}
	}

	@GetMapping("/criteria/campaigns/{id}")
	String campaign(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Campaign campaign = directory.campaign(actor, Ids.parse(id, "campaign"));
		model.addAttribute("campaign", campaign);
		model.addAttribute("frameworks", directory.frameworksOf(actor, campaign.id()));
		model.addAttribute("mayEdit", directory.mayEdit(actor, campaign));
		return "criteria/campaign";
	}

	@PostMapping("/criteria/campaigns/{id}/frameworks")
	String createFramework(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String name,
			@RequestParam String edition, @RequestParam(required = false) BigDecimal totalScore,
			@RequestParam(defaultValue = "false") boolean prerequisite,
			@RequestParam(required = false) BigDecimal passThreshold,
			@RequestParam(required = false) BigDecimal weightPercent, HttpServletRequest request, RedirectAttributes redirect) {
		UUID campaignId = Ids.parse(id, "campaign");
		try {
			Framework framework = management.createFramework(actor, campaignId, new FrameworkDetails(name, edition,
					totalScore, prerequisite, passThreshold, weightPercent),
					new org.chuangwen.criteria.FrameworkDraft(List.of(), List.of()));
			redirect.addFlashAttribute("notice", "criteria.framework.created");
			return "redirect:/criteria/frameworks/" + framework.id();
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "framework", request);
			return "redirect:/criteria/campaigns/" + campaignId;
		}
	}

	@PostMapping("/criteria/campaigns/{id}/import")
	String importFramework(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String name,
			@RequestParam String edition, @RequestParam(required = false) MultipartFile file, Model model,
			HttpServletRequest request, RedirectAttributes redirect) throws IOException {
		Campaign campaign = directory.campaign(actor, Ids.parse(id, "campaign"));
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("file", "error.field.required");
			}
			Framework framework = management.importFramework(actor, campaign.id(),
					new FrameworkDetails(name, edition, null, false, null, null), file.getInputStream(), file.getSize());
			redirect.addFlashAttribute("notice", "criteria.import.done");
			return "redirect:/criteria/frameworks/" + framework.id();
		}
		catch (FrameworkImportException ex) {
			model.addAttribute("importRefusal", ex);
		}
		catch (DomainException ex) {
			if (ex instanceof ForbiddenException || ex instanceof NotFoundException) {
				throw ex;
			}
			model.addAttribute("refusals", refusals(ex));
			model.addAttribute("refusedForm", "import");
		}
		model.addAttribute("campaign", campaign);
		model.addAttribute("frameworks", directory.frameworksOf(actor, campaign.id()));
		model.addAttribute("mayEdit", directory.mayEdit(actor, campaign));
		model.addAttribute("importName", name);
		model.addAttribute("importEdition", edition);
		return "criteria/campaign";
	}

	@GetMapping("/criteria/frameworks/template.xlsx")
	ResponseEntity<byte[]> template() {
		return excel(directory.template(), "测评体系导入模板.xlsx");
	}

	// a framework and its tree

	@GetMapping("/criteria/frameworks/{id}")
	String framework(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String open, Model model) {
		if (open != null && !open.isBlank() && !model.containsAttribute("openNode")) {
			model.addAttribute("openNode", Ids.parse(open, "criterion"));
		}
		Framework framework = frame(actor, id, model);
		CriterionTree tree = directory.tree(actor, framework.id());
		model.addAttribute("tree", tree);
		model.addAttribute("counts", tree.counts());
		model.addAttribute("mismatches", tree.maximaMismatches(framework.totalScore()));
		Set<UUID> openPath = model.getAttribute("openNode") instanceof UUID openNode
				? tree.pathTo(openNode).stream().map(Criterion::id).collect(Collectors.toSet()) : Set.of();
		model.addAttribute("openPath", openPath);
		model.addAttribute("previous", framework.previousId() == null ? null
				: directory.framework(actor, framework.previousId()));
		model.addAttribute("history", audit.historyOf("framework", framework.id(), 20));
		model.addAttribute("methods", AssessmentMethod.values());
		model.addAttribute("markers", ChangeMarker.values());
		model.addAttribute("pointTypes", directory.pointTypes());
		model.addAttribute("pointTypeNames", pointTypeNames());
		return "criteria/framework";
	}

	/** The htmx fragment below a node: its children (or its standards), each collapsible again. */
	@GetMapping("/criteria/frameworks/{id}/nodes/{nodeId}")
	String node(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String nodeId, Model model) {
		Framework framework = frame(actor, id, model);
		CriterionTree tree = directory.tree(actor, framework.id());
		Criterion node = tree.criterion(Ids.parse(nodeId, "criterion"))
			.orElseThrow(() -> new NotFoundException("criterion", nodeId));
		model.addAttribute("tree", tree);
		model.addAttribute("node", node);
		model.addAttribute("methods", AssessmentMethod.values());
		model.addAttribute("markers", ChangeMarker.values());
		model.addAttribute("pointTypes", directory.pointTypes());
		model.addAttribute("pointTypeNames", pointTypeNames());
		return "criteria/framework :: children";
	}

	@PostMapping("/criteria/frameworks/{id}/criteria")
	String addCriterion(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam CriterionLevel level,
			@RequestParam(required = false) String parentId, @RequestParam String code, @RequestParam String name,
			@RequestParam(required = false) String maxScore, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			Criterion created = management.addCriterion(actor, frameworkId, new NewCriterion(level,
					parentId == null || parentId.isBlank() ? null : Ids.parse(parentId, "criterion"), code, name,
					number("maxScore", maxScore), null));
			redirect.addFlashAttribute("notice", "criteria.tree.saved");
			return "redirect:/criteria/frameworks/" + frameworkId + "#node-" + created.id();
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "add-" + (parentId == null || parentId.isBlank() ? "root" : parentId), request);
			open(redirect, parentId == null || parentId.isBlank() ? null : Ids.parse(parentId, "criterion"));
			return "redirect:/criteria/frameworks/" + frameworkId;
		}
	}

	@PostMapping("/criteria/criteria/{id}")
	String changeCriterion(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String frameworkId,
			@RequestParam String code, @RequestParam String name, @RequestParam(required = false) String maxScore,
			@RequestParam(required = false) Integer sortOrder, @RequestParam int version, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			management.changeCriterion(actor, Ids.parse(id, "criterion"),
					new CriterionChange(code, name, number("maxScore", maxScore), sortOrder, version));
			redirect.addFlashAttribute("notice", "criteria.tree.saved");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "criterion-" + id, request);
			open(redirect, Ids.parse(id, "criterion"));
		}
		return "redirect:/criteria/frameworks/" + Ids.parse(frameworkId, "framework") + "#node-" + id;
	}

	@PostMapping("/criteria/criteria/{id}/delete")
	String deleteCriterion(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam String frameworkId, @RequestParam int version, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			management.deleteCriterion(actor, Ids.parse(id, "criterion"), version);
			redirect.addFlashAttribute("notice", "criteria.tree.deleted");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "criterion-" + id, request);
			open(redirect, Ids.parse(id, "criterion"));
		}
		return "redirect:/criteria/frameworks/" + Ids.parse(frameworkId, "framework");
	}

	@PostMapping("/criteria/frameworks/{id}/standards")
	String addStandard(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String criterionId,
			@RequestParam String code, @RequestParam String content, @RequestParam(required = false) String maxScore,
			@RequestParam(required = false) List<AssessmentMethod> methods,
			@RequestParam(required = false) List<String> pointTypes,
			@RequestParam(required = false) ChangeMarker changeMarker, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			Standard created = management.addStandard(actor, new NewStandard(Ids.parse(criterionId, "criterion"), code,
					content, number("maxScore", maxScore), methods, pointTypes, changeMarker, null));
			redirect.addFlashAttribute("notice", "criteria.tree.saved");
			return "redirect:/criteria/frameworks/" + frameworkId + "#standard-" + created.id();
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "add-standard-" + criterionId, request);
			open(redirect, Ids.parse(criterionId, "criterion"));
			return "redirect:/criteria/frameworks/" + frameworkId;
		}
	}

	@PostMapping("/criteria/standards/{id}")
	String changeStandard(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String frameworkId,
			@RequestParam String code, @RequestParam String content, @RequestParam(required = false) String maxScore,
			@RequestParam(required = false) List<AssessmentMethod> methods,
			@RequestParam(required = false) List<String> pointTypes,
			@RequestParam(required = false) ChangeMarker changeMarker, @RequestParam(required = false) Integer sortOrder,
			@RequestParam int version, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			management.changeStandard(actor, Ids.parse(id, "standard"), new StandardChange(code, content,
					number("maxScore", maxScore), methods, pointTypes, changeMarker, sortOrder, version));
			redirect.addFlashAttribute("notice", "criteria.tree.saved");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "standard-" + id, request);
			open(redirect, directory.standard(Ids.parse(id, "standard")).map(Standard::criterionId).orElse(null));
		}
		return "redirect:/criteria/frameworks/" + Ids.parse(frameworkId, "framework") + "#standard-" + id;
	}

	@PostMapping("/criteria/standards/{id}/delete")
	String deleteStandard(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String frameworkId,
			@RequestParam int version, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			management.deleteStandard(actor, Ids.parse(id, "standard"), version);
			redirect.addFlashAttribute("notice", "criteria.tree.deleted");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "standard-" + id, request);
			open(redirect, directory.standard(Ids.parse(id, "standard")).map(Standard::criterionId).orElse(null));
		}
		return "redirect:/criteria/frameworks/" + Ids.parse(frameworkId, "framework");
	}

	@PostMapping("/criteria/frameworks/{id}/{action:activate|archive}")
	String status(@AuthenticationPrincipal Actor actor, @PathVariable String id, @PathVariable String action,
			@RequestParam int version, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			if (action.equals("activate")) {
				management.activate(actor, frameworkId, version);
				redirect.addFlashAttribute("notice", "criteria.framework.activated");
			}
			else {
				management.archive(actor, frameworkId, version);
				redirect.addFlashAttribute("notice", "criteria.framework.archived");
			}
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "status", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId;
	}

	@PostMapping("/criteria/frameworks/{id}/details")
	String updateFramework(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String name,
			@RequestParam String edition, @RequestParam(required = false) String totalScore,
			@RequestParam(defaultValue = "false") boolean prerequisite,
			@RequestParam(required = false) String passThreshold, @RequestParam(required = false) String weightPercent,
			@RequestParam int version, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			management.updateFramework(actor, frameworkId, new FrameworkDetails(name, edition,
					number("totalScore", totalScore), prerequisite, number("passThreshold", passThreshold),
					number("weightPercent", weightPercent)), version);
			redirect.addFlashAttribute("notice", "criteria.framework.updated");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "details", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId;
	}

	@PostMapping("/criteria/frameworks/{id}/edition")
	String newEdition(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String name,
			@RequestParam String edition, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			Framework copy = management.newEdition(actor, frameworkId, name, edition);
			redirect.addFlashAttribute("notice", "criteria.framework.created");
			return "redirect:/criteria/frameworks/" + copy.id();
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "edition", request);
			return "redirect:/criteria/frameworks/" + frameworkId;
		}
	}

	@GetMapping("/criteria/frameworks/{id}/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		Framework framework = directory.framework(actor, Ids.parse(id, "framework"));
		return excel(directory.export(actor, framework.id()), framework.name() + "-" + framework.edition() + ".xlsx");
	}

	// checklist

	@GetMapping("/criteria/frameworks/{id}/checklist")
	String checklist(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String pointType, Model model) {
		Framework framework = frame(actor, id, model);
		model.addAttribute("pointTypes", directory.pointTypes());
		model.addAttribute("pointTypeNames", pointTypeNames());
		if (pointType != null && !pointType.isBlank()) {
			directory.pointType(pointType).ifPresent(type -> {
				model.addAttribute("pointType", type);
				model.addAttribute("groups", directory.checklist(actor, framework.id(), type.code()));
			});
		}
		return "criteria/checklist";
	}

	// negative list

	@GetMapping("/criteria/frameworks/{id}/negative-list")
	String negativeList(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Framework framework = frame(actor, id, model);
		model.addAttribute("items", directory.negativeItems(actor, framework.id()));
		model.addAttribute("incidents", directory.incidents(actor, framework.id()));
		model.addAttribute("standing", directory.standing(actor, framework.id()));
		model.addAttribute("effects", NegativeEffect.values());
		model.addAttribute("today", LocalDate.now());
		return "criteria/negative-list";
	}

	@PostMapping("/criteria/frameworks/{id}/negative-list")
	String addNegativeItem(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String code,
			@RequestParam String content, @RequestParam(required = false) NegativeEffect effect,
			@RequestParam(required = false) String deduction, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			management.addNegativeItem(actor, frameworkId,
					new NewNegativeItem(code, content, effect, number("deduction", deduction)));
			redirect.addFlashAttribute("notice", "criteria.tree.saved");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "negative", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId + "/negative-list";
	}

	@PostMapping("/criteria/frameworks/{id}/incidents")
	String recordIncident(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam(required = false) String itemId, @RequestParam(required = false) LocalDate occurredOn,
			@RequestParam String description, @RequestParam(required = false) String evidence,
			HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			management.recordIncident(actor, frameworkId, new NewIncident(
					itemId == null || itemId.isBlank() ? null : Ids.parse(itemId, "negativeListItem"), occurredOn,
					description, evidence));
			redirect.addFlashAttribute("notice", "criteria.incident.recorded");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "incident", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId + "/negative-list";
	}

	// quantitative indicators

	@GetMapping("/criteria/frameworks/{id}/indicators")
	String indicators(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Framework framework = frame(actor, id, model);
		var indicators = directory.indicators(actor, framework.id());
		var values = directory.indicatorValues(actor, framework.id());
		Map<UUID, List<org.chuangwen.criteria.IndicatorValue>> byIndicator = new LinkedHashMap<>();
		indicators.forEach(q -> byIndicator.put(q.id(), new ArrayList<>()));
		values.forEach(v -> byIndicator.computeIfAbsent(v.indicatorId(), k -> new ArrayList<>()).add(v));
		Map<UUID, String> unitNames = new LinkedHashMap<>();
		indicators.stream()
			.filter(q -> q.responsibleUnitId() != null)
			.forEach(q -> organisation.unit(q.responsibleUnitId()).ifPresent(u -> unitNames.put(q.id(), u.name())));
		model.addAttribute("indicators", indicators);
		model.addAttribute("values", byIndicator);
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("comparators", Comparator.values());
		return "criteria/indicators";
	}

	@PostMapping("/criteria/frameworks/{id}/indicators")
	String addIndicator(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String code,
			@RequestParam String name, @RequestParam(required = false) Comparator comparator,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) String unitOfMeasure,
			@RequestParam(required = false) String unitCode, @RequestParam(required = false) String criterionCode,
			HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			UUID unit = null;
			if (unitCode != null && !unitCode.isBlank()) {
				unit = organisation.unitByCode(unitCode.trim())
					.map(u -> u.id())
					.orElseThrow(() -> new InvalidInputException("responsibleUnitId", "criteria.unit.unknown"));
			}
			management.addIndicator(actor, frameworkId, new NewIndicator(code, name, comparator,
					number("threshold", threshold), unitOfMeasure, unit, criterionCode));
			redirect.addFlashAttribute("notice", "criteria.indicator.created");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "indicator", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId + "/indicators";
	}

	@PostMapping("/criteria/indicators/{id}/values")
	String reportValue(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String frameworkId,
			@RequestParam String period, @RequestParam(required = false) String value,
			@RequestParam(required = false) String evidence, @RequestParam(required = false) String note,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			management.reportValue(actor, Ids.parse(id, "indicator"),
					new NewIndicatorValue(period, number("value", value), evidence, note));
			redirect.addFlashAttribute("notice", "criteria.indicator.reported");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "value-" + id, request);
		}
		return "redirect:/criteria/frameworks/" + Ids.parse(frameworkId, "framework") + "/indicators";
	}

	// mappings

	@GetMapping("/criteria/frameworks/{id}/mappings")
	String mappings(@AuthenticationPrincipal Actor actor, @PathVariable String id, Model model) {
		Framework framework = frame(actor, id, model);
		model.addAttribute("mappings", directory.mappings(actor, framework.id()));
		model.addAttribute("standards", directory.tree(actor, framework.id()).standards());
		model.addAttribute("others", directory.frameworks(actor, PageRequest.of(0, 500))
			.items()
			.stream()
			.filter(f -> !f.campaignId().equals(framework.campaignId()))
			.toList());
		return "criteria/mappings";
	}

	@PostMapping("/criteria/frameworks/{id}/mappings")
	String map(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String standardCode,
			@RequestParam String otherFrameworkId, @RequestParam String otherCode, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			Standard own = directory.tree(actor, frameworkId)
				.standardByCode(standardCode.trim())
				.orElseThrow(() -> new InvalidInputException("standardCode", "criteria.mapping.unknownCode", standardCode));
			Standard other = directory.tree(actor, Ids.parse(otherFrameworkId, "framework"))
				.standardByCode(otherCode.trim())
				.orElseThrow(() -> new InvalidInputException("otherCode", "criteria.mapping.unknownCode", otherCode));
			management.mapStandards(actor, own.id(), other.id());
			redirect.addFlashAttribute("notice", "criteria.mapping.created");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "mapping", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId + "/mappings";
	}

	@PostMapping("/criteria/frameworks/{id}/mappings/remove")
	String unmap(@AuthenticationPrincipal Actor actor, @PathVariable String id, @RequestParam String standardId,
			@RequestParam String otherStandardId, HttpServletRequest request, RedirectAttributes redirect) {
		UUID frameworkId = Ids.parse(id, "framework");
		try {
			management.unmapStandards(actor, Ids.parse(standardId, "standard"), Ids.parse(otherStandardId, "standard"));
			redirect.addFlashAttribute("notice", "criteria.mapping.removed");
		}
		catch (DomainException ex) {
			refuse(redirect, ex, "mapping", request);
		}
		return "redirect:/criteria/frameworks/" + frameworkId + "/mappings";
	}

	// helpers

	private Map<String, String> pointTypeNames() {
		Map<String, String> names = new LinkedHashMap<>();
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		directory.pointTypes().forEach(type -> names.put(type.code(), type.name(locale)));
		return names;
	}

	private Framework frame(Actor actor, String id, Model model) {
		Framework framework = directory.framework(actor, Ids.parse(id, "framework"));
		Campaign campaign = directory.campaign(actor, framework.campaignId());
		model.addAttribute("framework", framework);
		model.addAttribute("campaign", campaign);
		model.addAttribute("mayEdit", directory.mayEdit(actor, campaign) && framework.status().isEditable());
		return framework;
	}

	private static BigDecimal number(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "criteria.import.notANumber", text);
		}
	}

	/**
	 * Puts a refusal on the redirect: the messages, which form was refused and what was typed into it, so the page
	 * shows each message next to its field with the values kept. Unknown or forbidden things are not form errors:
	 * they answer 404 / 403.
	 */
	private static void refuse(RedirectAttributes redirect, DomainException ex, String form, HttpServletRequest request) {
		if (ex instanceof ForbiddenException || ex instanceof NotFoundException) {
			throw ex;
		}
		redirect.addFlashAttribute("refusals", refusals(ex));
		redirect.addFlashAttribute("refusedForm", form);
		Map<String, String> values = new HashMap<>();
		request.getParameterMap().forEach((name, value) -> values.put(name, value.length == 0 ? "" : value[0]));
		values.remove("_csrf");
		redirect.addFlashAttribute("refusedValues", values);
	}

	/** Opens the tree down to this node when the page is shown again, so the refused inline form is visible. */
	private static void open(RedirectAttributes redirect, UUID criterionId) {
		if (criterionId != null) {
			redirect.addFlashAttribute("openNode", criterionId);
		}
	}

	private static List<Refusal> refusals(DomainException ex) {
		if (ex instanceof InvalidInputException invalid) {
			return new ArrayList<>(invalid.errors()
				.stream()
				.map(e -> new Refusal(e.field(), e.messageKey(), (java.util.Collection<?>) e.arguments()))
				.toList());
		}
		return new ArrayList<>(List.of(new Refusal(null, ex.messageKey(), (java.util.Collection<?>) Arrays.asList(ex.arguments()))));
	}

	private static ResponseEntity<byte[]> excel(byte[] content, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(content);
	}
}

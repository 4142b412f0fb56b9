package org.chuangwen.criteria.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.criteria.AssessmentMethod;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.CriteriaManagement;
import org.chuangwen.criteria.CriteriaManagement.FrameworkDetails;
import org.chuangwen.criteria.Criterion;
import org.chuangwen.criteria.CriterionTree;
import org.chuangwen.criteria.Framework;
import org.chuangwen.criteria.FrameworkImportException;
import org.chuangwen.criteria.ImportError;
import org.chuangwen.criteria.PointType;
import org.chuangwen.criteria.Standard;
import org.chuangwen.organisation.Actor;
import org.chuangwen.shared.Ids;
import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Criteria frameworks, their trees and the point types, over the JSON API (API.md). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "criteria", description = "Campaign frameworks (测评体系), their criterion trees and the point types")
class CriteriaApi {

	/** A framework in a list. */
	record FrameworkItem(UUID id, UUID campaignId, String name, String edition, String status, UUID previousId,
			BigDecimal totalScore, boolean prerequisite, BigDecimal passThreshold, BigDecimal weightPercent,
			int version) {

		static FrameworkItem of(Framework f) {
			return new FrameworkItem(f.id(), f.campaignId(), f.name(), f.edition(), f.status().name(), f.previousId(),
					f.totalScore(), f.prerequisite(), f.passThreshold(), f.weightPercent(), f.version());
		}
	}

	/** A standard under a level-Ⅲ node. */
	record StandardNode(UUID id, String code, String content, BigDecimal maxScore, List<AssessmentMethod> methods,
			List<String> pointTypes, String changeMarker) {
	}

	/** A node of the tree: levels 1–3; {@code methods}/{@code pointTypes} are the union over its standards. */
	record TreeNode(UUID id, String code, String name, int level, String parentCode, BigDecimal maxScore,
			List<AssessmentMethod> methods, List<String> pointTypes, List<StandardNode> standards) {
	}

	record Tree(UUID frameworkId, String name, String edition, String status, BigDecimal totalScore,
			List<TreeNode> nodes) {
	}

	private final CriteriaDirectory directory;

	private final CriteriaManagement management;

	private final MessageSource messages;

	CriteriaApi(CriteriaDirectory directory, CriteriaManagement management, MessageSource messages) {
		this.directory = directory;
		this.management = management;
		this.messages = messages;
	}

	@GetMapping("/frameworks")
	@Operation(summary = "Frameworks the caller may read", description = "Frameworks of the campaigns on the caller's "
			+ "branch of the jurisdiction tree, newest first, paged: {items, page, size, total}.")
	Page<FrameworkItem> frameworks(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return directory.frameworks(actor, PageRequest.of(page, size)).map(FrameworkItem::of);
	}

	@GetMapping("/frameworks/{id}/tree")
	@Operation(summary = "A framework's criterion tree", description = "Every node of levels 1–3 in tree order with "
			+ "code, name, level, parentCode, maxScore; level-3 nodes carry their standards with methods, point types "
			+ "and change marker.")
	Tree tree(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
		UUID frameworkId = Ids.parse(id, "framework");
		Framework framework = directory.framework(actor, frameworkId);
		CriterionTree tree = directory.tree(actor, frameworkId);
		List<TreeNode> nodes = new ArrayList<>();
		append(tree, tree.roots(), nodes);
		return new Tree(framework.id(), framework.name(), framework.edition(), framework.status().name(),
				framework.totalScore(), nodes);
	}

	private static void append(CriterionTree tree, List<Criterion> criteria, List<TreeNode> nodes) {
		for (Criterion c : criteria) {
			List<StandardNode> standards = tree.standardsOf(c.id())
				.stream()
				.map(s -> new StandardNode(s.id(), s.code(), s.content(), s.maxScore(), s.methods(), s.pointTypes(),
						s.changeMarker().name()))
				.toList();
			List<Standard> below = below(tree, c);
			nodes.add(new TreeNode(c.id(), c.code(), c.name(), c.level().depth(), tree.parentCode(c), c.maxScore(),
					below.stream().flatMap(s -> s.methods().stream()).distinct().sorted().toList(),
					below.stream().flatMap(s -> s.pointTypes().stream()).distinct().sorted().toList(), standards));
			append(tree, tree.children(c.id()), nodes);
		}
	}

	private static List<Standard> below(CriterionTree tree, Criterion c) {
		List<Standard> standards = new ArrayList<>(tree.standardsOf(c.id()));
		for (Criterion child : tree.children(c.id())) {
			standards.addAll(below(tree, child));
		}
		return standards;
	}

	@PostMapping(path = "/frameworks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a framework from Excel", description = "Creates a draft framework in the campaign from "
			+ "an .xlsx workbook in the documented layout (download the template from /criteria/frameworks/template.xlsx). "
			+ "The whole file is checked first: 422 with errors [{sheet, row, field, message}] listing every bad row, "
			+ "415 when the content is not an .xlsx workbook, 413 when over 10 MB or 20,000 rows; nothing is imported "
			+ "unless every row is good.")
	@ApiResponse(responseCode = "201", description = "Imported; Location points at the new framework's tree")
	@ApiResponse(responseCode = "422", description = "Bad rows, every one listed; nothing imported")
	ResponseEntity<?> importFramework(@AuthenticationPrincipal Actor actor,
			@Parameter(description = "the .xlsx workbook") @RequestParam("file") MultipartFile file,
			@RequestParam String campaignId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String edition, @RequestParam(defaultValue = "false") boolean prerequisite,
			@RequestParam(required = false) BigDecimal totalScore,
			@RequestParam(required = false) BigDecimal passThreshold,
			@RequestParam(required = false) BigDecimal weightPercent, HttpServletRequest request) throws IOException {
		UUID campaign = Ids.parse(campaignId, "campaign");
		String frameworkName = name != null && !name.isBlank() ? name : baseName(file.getOriginalFilename());
		String frameworkEdition = edition != null && !edition.isBlank() ? edition : String.valueOf(java.time.Year.now());
		try {
			Framework framework = management.importFramework(actor, campaign, new FrameworkDetails(frameworkName,
					frameworkEdition, totalScore, prerequisite, passThreshold, weightPercent), file.getInputStream(),
					file.getSize());
			return ResponseEntity.created(URI.create("/api/v1/frameworks/" + framework.id() + "/tree"))
				.body(FrameworkItem.of(framework));
		}
		catch (FrameworkImportException ex) {
			HttpStatus status = switch (ex.reason()) {
				case NOT_EXCEL, LEGACY_EXCEL -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
				case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
				case UNREADABLE, INVALID_ROWS -> HttpStatus.UNPROCESSABLE_CONTENT;
			};
			Locale locale = LocaleContextHolder.getLocale();
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
			problem.setTitle(messages.getMessage("criteria.import.refused.title", null, locale));
			problem.setInstance(URI.create(request.getRequestURI()));
			problem.setProperty("reason", ex.reason().name());
			problem.setProperty("errors", errors(ex.errors(), locale));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	private List<Map<String, Object>> errors(List<ImportError> errors, Locale locale) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (ImportError e : errors) {
			Map<String, Object> item = new java.util.LinkedHashMap<>();
			item.put("sheet", e.sheet());
			item.put("row", e.row());
			if (e.field() != null) {
				item.put("field", e.field());
			}
			item.put("message", messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(), locale));
			list.add(item);
		}
		return list;
	}

	private static String baseName(String filename) {
		if (filename == null || filename.isBlank()) {
			return null;
		}
		String base = filename.replaceAll("^.*[/\\\\]", "");
		int dot = base.lastIndexOf('.');
		return dot > 0 ? base.substring(0, dot) : base;
	}

	/** One group of a checklist: the content item's path (codes and names) and its applicable standards. */
	record ChecklistItem(List<String> path, String code, String name, List<StandardNode> standards) {
	}

	@GetMapping("/frameworks/{id}/checklist")
	@Operation(summary = "The checklist of a point type", description = "Every standard of the framework that applies "
			+ "to the point type (code such as P05), grouped by level-3 content item in tree order: what an inspector "
			+ "checks at a point of that type.")
	List<ChecklistItem> checklist(@AuthenticationPrincipal Actor actor, @PathVariable String id,
			@RequestParam String pointType) {
		UUID frameworkId = Ids.parse(id, "framework");
		if (directory.pointType(pointType).isEmpty()) {
			throw new org.chuangwen.shared.InvalidInputException("pointType", "criteria.import.unknownPointType", pointType);
		}
		return directory.checklist(actor, frameworkId, pointType)
			.stream()
			.map(g -> new ChecklistItem(g.path().stream().map(c -> c.code() + " " + c.name()).toList(),
					g.contentItem().code(), g.contentItem().name(),
					g.standards()
						.stream()
						.map(s -> new StandardNode(s.id(), s.code(), s.content(), s.maxScore(), s.methods(),
								s.pointTypes(), s.changeMarker().name()))
						.toList()))
			.toList();
	}

	@GetMapping("/point-types")
	@Operation(summary = "The 26 point types", description = "Code (P01–P26), Chinese and English names, in manual order.")
	List<PointType> pointTypes() {
		return directory.pointTypes();
	}
}

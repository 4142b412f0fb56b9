package org.chuangwen.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.audit.AuditTrail;
import org.chuangwen.organisation.OrganisationDirectory.PersonFilter;
import org.chuangwen.organisation.OrganisationDirectory.PersonSummary;
import org.chuangwen.organisation.OrganisationDirectory.UnitFilter;
import org.chuangwen.organisation.OrganisationDirectory.UnitSummary;
import org.chuangwen.organisation.SpreadsheetFile.Line;
import org.chuangwen.shared.ForbiddenException;
import org.chuangwen.shared.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel import and export of units and people. An import validates the whole file first and reports every bad row
 * with its row number and reason; only when every row is good is anything written, all in one transaction. Import is
 * the campaign office's, within its jurisdiction; exports follow the caller's scope.
 */
@Service
public class OrganisationSpreadsheets {

	/** The result of an import that went through. */
	public record ImportResult(int imported) {
	}

	/** The documented header row of the unit sheet (template, export and import). */
	public static final List<String> UNIT_HEADER = List.of("单位编码 Code*", "单位名称 Name*", "单位类型 Type*",
			"所属辖区编码 Jurisdiction code*", "上级单位编码 Parent unit code", "电话 Phone", "地址 Address");

	/** The documented header row of the people sheet (template, export and import). */
	public static final List<String> PERSON_HEADER = List.of("姓名 Name*", "所属单位编码 Unit code*", "职务 Position",
			"手机号码 Mobile", "所属辖区编码 Jurisdiction code");

	private static final List<String> UNIT_FIELDS = List.of("code", "name", "type", "jurisdictionCode", "parentCode",
			"phone", "address");

	private static final List<String> PERSON_FIELDS = List.of("name", "unitCode", "position", "mobile", "jurisdictionCode");

	/** The Chinese names of the unit types an import accepts besides their codes. */
	static final Map<String, UnitType> TYPE_NAMES = Map.of("创文办", UnitType.CAMPAIGN_OFFICE, "党委政府",
			UnitType.PARTY_GOVERNMENT, "局委部门", UnitType.DEPARTMENT, "街道办事处", UnitType.STREET_OFFICE, "社区", UnitType.COMMUNITY,
			"物业公司", UnitType.PROPERTY_COMPANY, "企业", UnitType.ENTERPRISE, "学校", UnitType.SCHOOL, "医院", UnitType.HOSPITAL,
			"其他", UnitType.OTHER);

	private final OrganisationRepository repository;

	private final OrganisationQueries queries;

	private final OrganisationDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	OrganisationSpreadsheets(OrganisationRepository repository, OrganisationQueries queries, OrganisationDirectory directory,
			AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	// import

	/** Imports units from an .xlsx (see {@link #UNIT_HEADER}): all rows or none. */
	@Transactional
	public ImportResult importUnits(Actor by, byte[] content) {
		OrganisationScope scope = requireImporter(by);
		List<Line> lines = SpreadsheetFile.read(content, UNIT_HEADER);
		Map<String, Jurisdiction> jurisdictions = maintainedJurisdictions(scope);
		Set<String> codes = lines.stream().flatMap(l -> java.util.stream.Stream.of(l.cell(0), l.cell(4)))
			.filter(c -> !c.isEmpty())
			.collect(Collectors.toSet());
		Map<String, Unit> existing = repository.unitsByCodes(codes).stream().collect(Collectors.toMap(Unit::code, Function.identity()));
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		record Planned(Line line, String code, String name, UnitType type, Jurisdiction jurisdiction, String parentCode) {
		}
		List<Planned> planned = new ArrayList<>();
		for (Line line : lines) {
			int row = line.row();
			int before = problems.size();
			String code = line.cell(0);
			String name = line.cell(1);
			checkCode(problems, row, "code", code);
			if (!code.isEmpty()) {
				Integer earlier = seen.putIfAbsent(code, row);
				if (earlier != null) {
					problems.add(new ImportProblem(row, "code", "import.code.duplicateInFile", code, earlier));
				}
				else if (existing.containsKey(code)) {
					problems.add(new ImportProblem(row, "code", "import.code.exists", code));
				}
			}
			checkText(problems, row, "name", name, true, OrganisationManagement.MAX_NAME);
			UnitType type = unitType(line.cell(2));
			if (line.cell(2).isEmpty()) {
				problems.add(new ImportProblem(row, "type", "import.field.required"));
			}
			else if (type == null) {
				problems.add(new ImportProblem(row, "type", "import.unit.typeUnknown", line.cell(2)));
			}
			Jurisdiction jurisdiction = jurisdictions.get(line.cell(3));
			if (line.cell(3).isEmpty()) {
				problems.add(new ImportProblem(row, "jurisdictionCode", "import.field.required"));
			}
			else if (jurisdiction == null) {
				problems.add(new ImportProblem(row, "jurisdictionCode", "import.jurisdiction.unknown", line.cell(3)));
			}
			String parentCode = line.cell(4);
			if (!parentCode.isEmpty()) {
				Unit parent = existing.get(parentCode);
				boolean earlierInFile = seen.containsKey(parentCode) && seen.get(parentCode) < row;
				boolean visibleParent = parent != null && scope.seesUnit(parent.id(), directory.pathOf(parent.jurisdictionId()));
				if (parentCode.equals(code)) {
					problems.add(new ImportProblem(row, "parentCode", "unit.parent.self"));
				}
				else if (!visibleParent && !earlierInFile) {
					problems.add(new ImportProblem(row, "parentCode", "import.unit.parentUnknown", parentCode));
				}
			}
			checkText(problems, row, "phone", line.cell(5), false, OrganisationManagement.MAX_PHONE);
			checkText(problems, row, "address", line.cell(6), false, OrganisationManagement.MAX_ADDRESS);
			if (problems.size() == before) {
				planned.add(new Planned(line, code, name, type, jurisdiction, parentCode));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejectedException(problems);
		}
		Map<String, UUID> created = new HashMap<>();
		for (Planned p : planned) {
			UUID parentId = p.parentCode().isEmpty() ? null
					: created.containsKey(p.parentCode()) ? created.get(p.parentCode()) : existing.get(p.parentCode()).id();
			Unit unit = new Unit(Ids.newId(clock), p.code(), p.name(), p.type(), p.jurisdiction().id(), parentId, null, null,
					OrganisationManagement.blankToNull(p.line().cell(5)), OrganisationManagement.blankToNull(p.line().cell(6)),
					true, 0);
			repository.insert(unit);
			created.put(p.code(), unit.id());
			audit.record("unit.imported", "unit", unit.id(), null, unit, "Excel row " + p.line().row());
		}
		return new ImportResult(planned.size());
	}

	/** Imports people from an .xlsx (see {@link #PERSON_HEADER}): all rows or none. */
	@Transactional
	public ImportResult importPeople(Actor by, byte[] content) {
		OrganisationScope scope = requireImporter(by);
		List<Line> lines = SpreadsheetFile.read(content, PERSON_HEADER);
		Map<String, Jurisdiction> jurisdictions = maintainedJurisdictions(scope);
		Set<String> unitCodes = lines.stream().map(l -> l.cell(1)).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
		Map<String, Unit> units = repository.unitsByCodes(unitCodes)
			.stream()
			.filter(u -> scope.maintains(directory.pathOf(u.jurisdictionId())))
			.collect(Collectors.toMap(Unit::code, Function.identity()));
		Set<String> mobiles = lines.stream().map(l -> l.cell(3)).filter(m -> !m.isEmpty()).collect(Collectors.toSet());
		Set<String> taken = new HashSet<>(repository.mobilesTaken(mobiles));
		List<ImportProblem> problems = new ArrayList<>();
		Map<String, Integer> seenMobiles = new HashMap<>();
		for (Line line : lines) {
			int row = line.row();
			checkText(problems, row, "name", line.cell(0), true, OrganisationManagement.MAX_PERSON_NAME);
			if (line.cell(1).isEmpty()) {
				problems.add(new ImportProblem(row, "unitCode", "import.field.required"));
			}
			else if (!units.containsKey(line.cell(1))) {
				problems.add(new ImportProblem(row, "unitCode", "import.unit.unknown", line.cell(1)));
			}
			else if (!units.get(line.cell(1)).active()) {
				problems.add(new ImportProblem(row, "unitCode", "import.unit.inactive", line.cell(1)));
			}
			checkText(problems, row, "position", line.cell(2), false, OrganisationManagement.MAX_POSITION);
			String mobile = line.cell(3);
			if (!mobile.isEmpty()) {
				if (!mobile.matches(OrganisationManagement.MOBILE_PATTERN)) {
					problems.add(new ImportProblem(row, "mobile", "import.person.mobilePattern", mobile));
				}
				else {
					Integer earlier = seenMobiles.putIfAbsent(mobile, row);
					if (earlier != null) {
						problems.add(new ImportProblem(row, "mobile", "import.person.mobileDuplicateInFile", mobile, earlier));
					}
					else if (taken.contains(mobile)) {
						problems.add(new ImportProblem(row, "mobile", "import.person.mobileExists", mobile));
					}
				}
			}
			if (!line.cell(4).isEmpty() && !jurisdictions.containsKey(line.cell(4))) {
				problems.add(new ImportProblem(row, "jurisdictionCode", "import.jurisdiction.unknown", line.cell(4)));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejectedException(problems);
		}
		for (Line line : lines) {
			Jurisdiction jurisdiction = jurisdictions.get(line.cell(4));
			Person person = new Person(Ids.newId(clock), line.cell(0), units.get(line.cell(1)).id(),
					OrganisationManagement.blankToNull(line.cell(2)), OrganisationManagement.blankToNull(line.cell(3)),
					jurisdiction == null ? null : jurisdiction.id(), true, 0);
			repository.insert(person);
			audit.record("person.imported", "person", person.id(), null, person, "Excel row " + line.row());
		}
		return new ImportResult(lines.size());
	}

	private static OrganisationScope requireImporter(Actor by) {
		OrganisationScope scope = OrganisationScope.of(by);
		if (!scope.isMaintainer()) {
			throw new ForbiddenException();
		}
		return scope;
	}

	private Map<String, Jurisdiction> maintainedJurisdictions(OrganisationScope scope) {
		return queries.jurisdictionOptions(scope, true)
			.stream()
			.collect(Collectors.toMap(Jurisdiction::code, Function.identity()));
	}

	static UnitType unitType(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		for (UnitType type : UnitType.values()) {
			if (type.name().equalsIgnoreCase(text)) {
				return type;
			}
		}
		return TYPE_NAMES.get(text);
	}

	private static void checkCode(List<ImportProblem> problems, int row, String field, String code) {
		if (code.isEmpty()) {
			problems.add(new ImportProblem(row, field, "import.field.required"));
		}
		else if (code.length() > OrganisationManagement.MAX_CODE) {
			problems.add(new ImportProblem(row, field, "import.field.tooLong", OrganisationManagement.MAX_CODE));
		}
		else if (!code.matches(OrganisationManagement.CODE_PATTERN)) {
			problems.add(new ImportProblem(row, field, "organisation.code.pattern"));
		}
	}

	private static void checkText(List<ImportProblem> problems, int row, String field, String value, boolean required, int max) {
		if (required && value.isEmpty()) {
			problems.add(new ImportProblem(row, field, "import.field.required"));
		}
		else if (value.codePointCount(0, value.length()) > max) {
			problems.add(new ImportProblem(row, field, "import.field.tooLong", max));
		}
	}

	// export and templates

	@Transactional(readOnly = true)
	public byte[] exportUnits(Actor by, UnitFilter filter) {
		List<UnitSummary> units = directory.unitsForExport(by, filter);
		List<String> header = new ArrayList<>(UNIT_HEADER);
		header.addAll(List.of("主要负责人 Main leader", "联络员 Liaison", "状态 Status"));
		Map<UUID, String> codes = new HashMap<>();
		units.forEach(u -> codes.put(u.unit().id(), u.unit().code()));
		Map<UUID, String> parentCodes = parentCodes(units, codes);
		return write(workbook -> {
			Sheet sheet = sheet(workbook, "单位 Units", header);
			int r = 1;
			for (UnitSummary s : units) {
				Unit u = s.unit();
				row(sheet, r++, u.code(), u.name(), u.type().name(), s.jurisdictionCode(), parentCodes.get(u.id()), u.phone(),
						u.address(), s.mainLeaderName(), s.liaisonName(), u.active() ? "在用 active" : "停用 inactive");
			}
		}, true);
	}

	private Map<UUID, String> parentCodes(List<UnitSummary> units, Map<UUID, String> codes) {
		Map<UUID, String> parents = new LinkedHashMap<>();
		List<UUID> missing = units.stream()
			.map(s -> s.unit().parentId())
			.filter(id -> id != null && !codes.containsKey(id))
			.distinct()
			.toList();
		Map<UUID, String> known = new HashMap<>(codes);
		for (UUID id : missing) {
			repository.unit(id).ifPresent(u -> known.put(id, u.code()));
		}
		units.forEach(s -> parents.put(s.unit().id(), s.unit().parentId() == null ? null : known.get(s.unit().parentId())));
		return parents;
	}

	@Transactional(readOnly = true)
	public byte[] exportPeople(Actor by, PersonFilter filter) {
		List<PersonSummary> people = directory.peopleForExport(by, filter);
		Map<UUID, String> jurisdictionCodes = new HashMap<>();
		List<String> header = new ArrayList<>(PERSON_HEADER);
		header.addAll(List.of("所属单位 Unit", "状态 Status"));
		return write(workbook -> {
			Sheet sheet = sheet(workbook, "人员 People", header);
			int r = 1;
			for (PersonSummary s : people) {
				Person p = s.person();
				String jurisdictionCode = p.jurisdictionId() == null ? null
						: jurisdictionCodes.computeIfAbsent(p.jurisdictionId(),
								id -> repository.jurisdiction(id).map(Jurisdiction::code).orElse(null));
				row(sheet, r++, p.name(), s.unitCode(), p.position(), p.mobile(), jurisdictionCode, s.unitName(),
						p.active() ? "在用 active" : "停用 inactive");
			}
		}, true);
	}

	/** The unit import template: the header row and an instructions sheet. */
	public byte[] unitTemplate() {
		return write(workbook -> {
			sheet(workbook, "单位 Units", UNIT_HEADER);
			List<String[]> lines = new ArrayList<>();
			lines.add(new String[] { "列 Column", "说明 Meaning" });
			lines.add(new String[] { UNIT_HEADER.get(0), "必填；字母、数字、. _ -，最长 50 位；全市唯一。Required; letters, digits, . _ -; unique." });
			lines.add(new String[] { UNIT_HEADER.get(1), "必填，最长 100 字。Required, at most 100 characters." });
			lines.add(new String[] { UNIT_HEADER.get(2), "必填：下列代码或中文名称之一。Required: one of the codes or names below." });
			lines.add(new String[] { UNIT_HEADER.get(3), "必填：本辖区内已有的辖区编码，如 LJ-01。Required: an existing jurisdiction code in your area." });
			lines.add(new String[] { UNIT_HEADER.get(4), "选填：已有单位的编码，或本表中更靠上一行的单位编码。Optional: an existing unit, or one on an earlier row." });
			lines.add(new String[] { UNIT_HEADER.get(5), "选填，最长 30 位。Optional, at most 30 characters." });
			lines.add(new String[] { UNIT_HEADER.get(6), "选填，最长 200 字。Optional, at most 200 characters." });
			lines.add(new String[] { "", "" });
			for (UnitType type : UnitType.values()) {
				String name = TYPE_NAMES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst().orElse("");
				lines.add(new String[] { type.name(), name });
			}
			lines.add(new String[] { "", "" });
			lines.addAll(commonRules());
			instructions(workbook, lines);
		}, false);
	}

	/** The people import template: the header row and an instructions sheet. */
	public byte[] personTemplate() {
		return write(workbook -> {
			sheet(workbook, "人员 People", PERSON_HEADER);
			List<String[]> lines = new ArrayList<>();
			lines.add(new String[] { "列 Column", "说明 Meaning" });
			lines.add(new String[] { PERSON_HEADER.get(0), "必填，最长 50 字。Required, at most 50 characters." });
			lines.add(new String[] { PERSON_HEADER.get(1), "必填：本辖区内已有的在用单位编码。Required: an existing active unit in your area." });
			lines.add(new String[] { PERSON_HEADER.get(2), "选填，最长 50 字。Optional, at most 50 characters." });
			lines.add(new String[] { PERSON_HEADER.get(3), "选填：11 位手机号码，全市唯一。Optional: an 11-digit mobile number, unique." });
			lines.add(new String[] { PERSON_HEADER.get(4), "选填：人员负责的辖区编码（如网格员）。Optional: the jurisdiction the person covers." });
			lines.add(new String[] { "", "" });
			lines.addAll(commonRules());
			instructions(workbook, lines);
		}, false);
	}

	private static List<String[]> commonRules() {
		return List.of(new String[] { "规则 Rules", "只读取第一个工作表；第 1 行为表头，请勿修改。Only the first sheet is read; row 1 is the header." },
				new String[] { "", "文件不超过 5 MB、5000 行。At most 5 MB and 5,000 rows." },
				new String[] { "", "先检查全部行，任何一行有误则整个文件都不导入，并列出每个错误的行号和原因。Every row is checked first; if any row is wrong nothing is imported and every bad row is listed." });
	}

	private interface SheetWriter {

		void write(Workbook workbook);
	}

	private static byte[] write(SheetWriter writer, boolean streaming) {
		try (Workbook workbook = streaming ? new SXSSFWorkbook(200) : new XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			writer.write(workbook);
			workbook.write(out);
			if (workbook instanceof SXSSFWorkbook streamed) {
				streamed.close();
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Sheet sheet(Workbook workbook, String name, List<String> header) {
		Sheet sheet = workbook.createSheet(name);
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		CellStyle text = workbook.createCellStyle();
		text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		Row row = sheet.createRow(0);
		for (int c = 0; c < header.size(); c++) {
			row.createCell(c).setCellValue(header.get(c));
			row.getCell(c).setCellStyle(bold);
			sheet.setDefaultColumnStyle(c, text);
			sheet.setColumnWidth(c, 24 * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < values.length; c++) {
			row.createCell(c).setCellValue(values[c] == null ? "" : values[c]);
		}
	}

	private static void instructions(Workbook workbook, List<String[]> lines) {
		Sheet sheet = workbook.createSheet("填写说明 Instructions");
		sheet.setColumnWidth(0, 32 * 256);
		sheet.setColumnWidth(1, 100 * 256);
		for (int i = 0; i < lines.size(); i++) {
			row(sheet, i, lines.get(i));
		}
	}
}

package org.chuangwen.points;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.criteria.CriteriaDirectory;
import org.chuangwen.criteria.PointType;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportProblem;
import org.chuangwen.organisation.ImportRejectedException;
import org.chuangwen.organisation.Jurisdiction;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.organisation.Person;
import org.chuangwen.organisation.SpreadsheetFile;
import org.chuangwen.organisation.SpreadsheetFile.Line;
import org.chuangwen.organisation.Unit;
import org.chuangwen.shared.InvalidInputException.FieldError;
import org.chuangwen.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The point list (点位清单) as Excel. One sheet, one line per point, columns in this order:
 * <ol>
 * <li>点位编码 code (required, unique, letters/digits/-/_ ≤ 40)</li>
 * <li>点位名称 name (required, ≤ 100)</li>
 * <li>点位类型 type code P01–P26 (required; the Chinese name of the type is accepted too)</li>
 * <li>地址 address (≤ 200)</li>
 * <li>纬度 / 经度 latitude / longitude, WGS-84 decimal degrees (required)</li>
 * <li>所属辖区编码 jurisdiction code (required, a node inside the caller's jurisdiction)</li>
 * <li>网格编码 grid code (optional: found from the location through the grid boundaries when empty)</li>
 * <li>责任单位编码 responsible unit code (required)</li>
 * <li>责任领导 / 责任人 leader / person: 11-digit mobile number (optional)</li>
 * <li>状态 status 在用/已停用 (export only; an import creates active points)</li>
 * </ol>
 * An import creates new points only: it checks the content (an .xlsx package, ≤ 5 MB, ≤ 5,000 lines), then every line
 * (also codes repeated in the file or taken already), and reports every bad line with its row number; only when all
 * lines are good is anything written, in one transaction. An exported file imports into an empty registry as is.
 */
@Service
public class PointSheets {

	public static final List<String> HEADER = List.of("点位编码 Code*", "点位名称 Name*", "点位类型 Type*", "地址 Address",
			"纬度 Latitude*", "经度 Longitude*", "所属辖区编码 Jurisdiction code*", "网格编码 Grid code",
			"责任单位编码 Unit code*", "责任领导手机号 Leader mobile", "责任人手机号 Person mobile", "状态 Status");

	/** The field of each column, as import problems name them. */
	public static final List<String> FIELDS = List.of("code", "name", "typeCode", "address", "latitude", "longitude",
			"jurisdictionCode", "gridCode", "unitCode", "leaderMobile", "personMobile", "status");

	public static final long MAX_BYTES = SpreadsheetFile.MAX_BYTES;

	/** What an import did. */
	public record ImportResult(int created) {
	}

	private final PointManagement management;

	private final PointDirectory directory;

	private final OrganisationDirectory organisation;

	private final CriteriaDirectory criteria;

	PointSheets(PointManagement management, PointDirectory directory, OrganisationDirectory organisation,
			CriteriaDirectory criteria) {
		this.management = management;
		this.directory = directory;
		this.organisation = organisation;
		this.criteria = criteria;
	}

	/** Imports new points, all or nothing (422 listing every bad line). */
	@Transactional
	public ImportResult importSheet(Actor actor, byte[] content) {
		OrganisationScope scope = management.requireCreator(actor);
		List<Line> lines = SpreadsheetFile.read(content, HEADER);
		Map<String, String> typesByName = new HashMap<>();
		for (PointType t : criteria.pointTypes()) {
			typesByName.put(t.nameZh(), t.code());
			typesByName.put(t.code(), t.code());
		}
		Lookups lookups = new Lookups(actor);
		List<PointDraft> drafts = new ArrayList<>();
		Map<Integer, List<FieldError>> cellProblems = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			List<FieldError> problems = new ArrayList<>();
			drafts.add(draft(lines.get(i), typesByName, lookups, problems));
			cellProblems.put(i, problems);
		}
		PointManagement.Resolution resolution = management.resolveAll(scope, drafts, i -> lines.get(i).row());
		List<ImportProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			int row = lines.get(i).row();
			List<FieldError> own = cellProblems.get(i);
			own.forEach(p -> problems.add(new ImportProblem(row, p.field(), p.messageKey(), p.arguments())));
			for (FieldError p : resolution.errors().getOrDefault(i, List.of())) {
				// a cell that could not be read is reported once, by the reader, not again as "required"
				boolean repeated = own.stream().anyMatch(o -> sameColumn(o.field(), p.field()));
				if (!repeated) {
					problems.add(new ImportProblem(row, column(p.field()), p.messageKey(), p.arguments()));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejectedException(problems);
		}
		management.insertAll(actor, resolution.points());
		return new ImportResult(resolution.points().size());
	}

	/** An empty point list with the header, one example line and a sheet explaining each column. */
	public byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = sheet(workbook);
			Row example = sheet.createRow(1);
			List<String> values = List.of("LJ-P05-9001", "人民路 12 号公交站", "P05", "东湖区人民路 12 号", "28.171500",
					"112.966000", "LJ-01-01-01", "", "U-LJ-GJ", "", "", "");
			for (int c = 0; c < values.size(); c++) {
				example.createCell(c).setCellValue(values.get(c));
			}
			Sheet help = workbook.createSheet("填写说明");
			List<String> notes = new ArrayList<>(List.of("每行一个点位；导入只新增点位，点位编码不得与已有点位或本文件其他行重复。",
					"点位编码：字母、数字、“-”或“_”，不超过 40 个字符。",
					"点位类型：填写类型编码（P01–P26）或类型名称，见下表。",
					"纬度、经度：WGS-84 十进制度数（如 28.171500、112.966000），保留 6 位小数。",
					"所属辖区编码：区、街道、社区或网格的编码，必须在您的管辖范围内。",
					"网格编码：可不填，系统按经纬度和网格边界自动确定；填写时，位置必须在该网格范围内。",
					"责任单位编码见“单位”页面；责任领导、责任人填写 11 位手机号码（可不填）。",
					"状态列仅在导出时填写，导入时忽略。",
					"整个文件先全部检查；任何一行有误都不导入，并列出每一处错误。每个文件最多 5000 行、5 MB。", ""));
			criteria.pointTypes().forEach(t -> notes.add(t.code() + "  " + t.nameZh()));
			for (int i = 0; i < notes.size(); i++) {
				help.createRow(i).createCell(0).setCellValue(notes.get(i));
			}
			help.setColumnWidth(0, 100 * 256);
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The points in the caller's scope (and filter) as a point list, by code. */
	@Transactional(readOnly = true)
	public byte[] export(Actor actor, PointFilter filter) {
		List<Point> points = directory.forExport(actor, filter);
		Map<UUID, String> mobiles = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = sheet(workbook);
			int r = 1;
			for (Point p : points) {
				Row row = sheet.createRow(r++);
				List<String> values = List.of(p.code(), p.name(), p.typeCode(), p.address(), degrees(p.latitude()),
						degrees(p.longitude()), p.jurisdictionCode(), p.gridCode() == null ? "" : p.gridCode(),
						p.unitCode(), mobile(mobiles, p.leaderPersonId()), mobile(mobiles, p.personId()),
						p.isActive() ? "在用" : "已停用");
				for (int c = 0; c < values.size(); c++) {
					row.createCell(c).setCellValue(values.get(c));
				}
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String mobile(Map<UUID, String> mobiles, UUID personId) {
		if (personId == null) {
			return "";
		}
		return mobiles.computeIfAbsent(personId,
				id -> organisation.person(id).map(Person::mobile).filter(m -> m != null).orElse(""));
	}

	static String degrees(double value) {
		return PointRepository.degrees(value).toPlainString();
	}

	/** Codes of the organisation looked up once per import, within the caller's scope. */
	private final class Lookups {

		private final Actor actor;

		private final Map<String, Optional<Jurisdiction>> jurisdictions = new HashMap<>();

		private final Map<String, Optional<Unit>> units = new HashMap<>();

		private final Map<String, Optional<Person>> people = new HashMap<>();

		Lookups(Actor actor) {
			this.actor = actor;
		}

		Optional<Jurisdiction> jurisdiction(String code) {
			return jurisdictions.computeIfAbsent(code, organisation::jurisdictionByCode);
		}

		Optional<Unit> unit(String code) {
			return units.computeIfAbsent(code, organisation::unitByCode);
		}

		Optional<Person> person(String mobile) {
			return people.computeIfAbsent(mobile, m -> organisation
				.people(actor, new OrganisationDirectory.PersonFilter(m, null), PageRequest.of(0, 5))
				.items()
				.stream()
				.map(OrganisationDirectory.PersonSummary::person)
				.filter(p -> m.equals(p.mobile()))
				.findFirst());
		}
	}

	private PointDraft draft(Line line, Map<String, String> typesByName, Lookups lookups, List<FieldError> problems) {
		String type = line.cell(2);
		String typeCode = type.isEmpty() ? null : typesByName.getOrDefault(type, type);
		Double lat = number(line.cell(4), "latitude", problems);
		Double lng = number(line.cell(5), "longitude", problems);
		UUID jurisdiction = null;
		if (!line.cell(6).isEmpty()) {
			jurisdiction = lookups.jurisdiction(line.cell(6)).map(Jurisdiction::id).orElse(null);
			if (jurisdiction == null) {
				problems.add(new FieldError("jurisdictionCode", "point.import.jurisdictionUnknown", line.cell(6)));
			}
		}
		UUID grid = null;
		if (!line.cell(7).isEmpty()) {
			grid = lookups.jurisdiction(line.cell(7)).map(Jurisdiction::id).orElse(null);
			if (grid == null) {
				problems.add(new FieldError("gridCode", "point.import.gridUnknown", line.cell(7)));
			}
		}
		UUID unit = null;
		if (!line.cell(8).isEmpty()) {
			unit = lookups.unit(line.cell(8)).map(Unit::id).orElse(null);
			if (unit == null) {
				problems.add(new FieldError("unitCode", "point.import.unitUnknown", line.cell(8)));
			}
		}
		UUID leader = person(line.cell(9), "leaderMobile", lookups, problems);
		UUID person = person(line.cell(10), "personMobile", lookups, problems);
		return new PointDraft(line.cell(0), line.cell(1), typeCode, line.cell(3), lat, lng, jurisdiction, grid, unit,
				leader, person);
	}

	private static UUID person(String mobile, String field, Lookups lookups, List<FieldError> problems) {
		if (mobile.isEmpty()) {
			return null;
		}
		Optional<Person> p = lookups.person(mobile);
		if (p.isEmpty()) {
			problems.add(new FieldError(field, "point.import.personUnknown", mobile));
			return null;
		}
		return p.get().id();
	}

	private static Double number(String text, String field, List<FieldError> problems) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.replace("°", "").strip());
			if (!Double.isFinite(value)) {
				throw new NumberFormatException(text);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldError(field, "point.import.notANumber", text));
			return null;
		}
	}

	/** The sheet column a draft's field is read from. */
	private static String column(String field) {
		return switch (field) {
			case "jurisdictionId" -> "jurisdictionCode";
			case "gridId" -> "gridCode";
			case "unitId" -> "unitCode";
			case "leaderPersonId" -> "leaderMobile";
			case "personId" -> "personMobile";
			default -> field;
		};
	}

	private static boolean sameColumn(String readerField, String draftField) {
		return readerField.equals(column(draftField))
				|| (readerField.equals("longitude") && draftField.equals("latitude"));
	}

	private static Sheet sheet(XSSFWorkbook workbook) {
		Sheet sheet = workbook.createSheet("点位清单");
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row header = sheet.createRow(0);
		for (int c = 0; c < HEADER.size(); c++) {
			Cell cell = header.createCell(c);
			cell.setCellValue(HEADER.get(c));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(c, (c == 1 || c == 3 ? 36 : 18) * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}
}

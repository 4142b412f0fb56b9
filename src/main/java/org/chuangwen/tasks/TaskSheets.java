package org.chuangwen.tasks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.organisation.Actor;
import org.chuangwen.organisation.ImportProblem;
import org.chuangwen.organisation.SpreadsheetFile;
import org.chuangwen.organisation.SpreadsheetFile.Line;
import org.chuangwen.organisation.ImportRejectedException;
import org.chuangwen.organisation.OrganisationDirectory;
import org.chuangwen.organisation.OrganisationScope;
import org.chuangwen.shared.InvalidInputException;
import org.chuangwen.shared.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The breakdown table (任务分解表) as Excel. One sheet, one line per breakdown item, columns in this order:
 * <ol>
 * <li>测评标准编码 standard code (e.g. {@code Ⅲ-1-1}; empty for a key task outside the framework)</li>
 * <li>任务名称 task title (required, ≤ 200 characters)</li>
 * <li>牵头单位编码 lead unit code (required)</li>
 * <li>责任单位编码 responsible unit codes (required; several separated by 、 , ; or spaces: one task each)</li>
 * <li>配合单位编码 supporting unit codes (optional, same separators)</li>
 * <li>责任领导 responsible leader: 11-digit mobile number or exact name (optional)</li>
 * <li>完成时限 deadline: a date {@code yyyy-MM-dd} (or an Excel date), today or later (required)</li>
 * <li>工作要求及成果 deliverables (optional, ≤ 2,000 characters)</li>
 * <li>分值 weight in points, 0–1000, at most 2 decimals (required)</li>
 * </ol>
 * An import checks the content (an .xlsx package, ≤ 5 MB, ≤ 5,000 lines), then every line, and reports every bad line
 * with its row number; only when all lines are good is anything written, in one transaction.
 */
@Service
public class TaskSheets {

	/** The header row of the template, the export and the import. */
	public static final List<String> HEADER = List.of("测评标准编码 Standard code", "任务名称 Task title*",
			"牵头单位编码 Lead unit code*", "责任单位编码 Responsible unit codes*", "配合单位编码 Supporting unit codes",
			"责任领导 Responsible leader (mobile or name)", "完成时限 Deadline (yyyy-MM-dd)*",
			"工作要求及成果 Deliverables", "分值 Weight*");

	/** The field of each column, as import problems name them. */
	public static final List<String> FIELDS = List.of("standardCode", "title", "leadUnitCode", "responsibleUnitCodes",
			"supportingUnitCodes", "leader", "deadline", "deliverables", "weight");

	public static final long MAX_BYTES = SpreadsheetFile.MAX_BYTES;

	public static final int MAX_ROWS = SpreadsheetFile.MAX_ROWS;

	/** What an import did. */
	public record ImportResult(int items, int tasks) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final TaskManagement management;

	private final TaskRepository repository;

	private final OrganisationDirectory organisation;

	private final Clock clock;

	TaskSheets(TaskManagement management, TaskRepository repository, OrganisationDirectory organisation, Clock clock) {
		this.management = management;
		this.repository = repository;
		this.organisation = organisation;
		this.clock = clock;
	}

	/** Imports a breakdown table for a framework (may be {@code null} when every line is a key task). */
	@Transactional
	public ImportResult importSheet(Actor actor, UUID frameworkId, byte[] content) {
		TaskManagement.requireOffice(actor);
		List<Line> lines = SpreadsheetFile.read(content, HEADER);
		BreakdownResolver resolver = management.resolver(actor);
		if (frameworkId != null) {
			resolver.tree(frameworkId);
		}
		List<ImportProblem> problems = new ArrayList<>();
		List<BreakdownResolver.ResolvedItem> resolved = new ArrayList<>();
		for (Line line : lines) {
			List<FieldError> lineProblems = new ArrayList<>();
			NewBreakdownItem item = item(line, frameworkId, lineProblems);
			Optional<BreakdownResolver.ResolvedItem> ok = resolver.resolve(item, lineProblems);
			if (lineProblems.isEmpty() && ok.isPresent()) {
				resolved.add(ok.get());
			}
			for (FieldError p : lineProblems) {
				problems.add(new ImportProblem(line.row(), p.field(), p.messageKey(), p.arguments()));
			}
		}
		if (!problems.isEmpty()) {
			throw new ImportRejectedException(problems);
		}
		return new ImportResult(resolved.size(), management.issueResolved(actor, resolved).size());
	}

	/** An empty breakdown table with the header, one example line and a sheet explaining each column. */
	public byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = sheet(workbook);
			Row example = sheet.createRow(1);
			List<String> values = List.of("Ⅲ-1-1", "公交站台环境整治", "U-LJ-CGJ", "U-LJ-CGJ、U-LJ-01-01", "U-LJ-JJ", "",
					LocalDate.now(clock).plusDays(30).format(DAY), "站台保洁台账、整治前后对比照片", "2");
			for (int c = 0; c < values.size(); c++) {
				example.createCell(c).setCellValue(values.get(c));
			}
			Sheet help = workbook.createSheet("填写说明");
			String[] notes = { "每行一项分解任务；一行列出多个责任单位时，为每个责任单位各生成一条任务。",
					"测评标准编码：所选测评体系中的标准编码（如 Ⅲ-1-1）；体系外的重点任务留空。",
					"单位编码见“单位”页面；多个编码用顿号、逗号、分号或空格分隔。",
					"责任领导：填写 11 位手机号码或完整姓名（可不填）。",
					"完成时限：日期，格式 yyyy-MM-dd，不得早于今天；当天 23:59 前完成即为按时。",
					"分值：0 至 1000，最多两位小数。", "整个文件先全部检查；任何一行有误都不导入，并列出每一处错误。",
					"每个文件最多 5000 行、5 MB。" };
			for (int i = 0; i < notes.length; i++) {
				help.createRow(i).createCell(0).setCellValue(notes[i]);
			}
			help.setColumnWidth(0, 100 * 256);
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The tasks in the caller's scope (and filter) as a breakdown table: one line per breakdown item. */
	@Transactional(readOnly = true)
	public byte[] export(Actor actor, TaskFilter filter) {
		OrganisationScope scope = organisation.scopeOf(actor);
		List<Task> tasks = repository.forExport(TaskRepository.filtered(scope, filter, clock.instant()),
				OrganisationDirectory.EXPORT_LIMIT);
		Map<UUID, Task> items = new LinkedHashMap<>();
		for (Task task : tasks) {
			items.putIfAbsent(task.itemId(), task);
		}
		Map<UUID, String> leaders = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = sheet(workbook);
			int r = 1;
			for (Task t : items.values()) {
				Row row = sheet.createRow(r++);
				String leader = t.responsibleLeaderId() == null ? ""
						: leaders.computeIfAbsent(t.responsibleLeaderId(), id -> organisation.person(id)
							.map(p -> p.mobile() != null && !p.mobile().isBlank() ? p.mobile() : p.name())
							.orElse(t.responsibleLeaderName() == null ? "" : t.responsibleLeaderName()));
				List<String> values = List.of(nz(t.standardCode()), t.title(), t.leadUnitCode(),
						t.responsibleUnitCodes().replace(",", "、"), t.supportingUnitCodes().replace(",", "、"), leader,
						t.deadline().atZone(clock.getZone()).toLocalDate().format(DAY), nz(t.deliverables()),
						t.weight().stripTrailingZeros().toPlainString());
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

	private static Sheet sheet(XSSFWorkbook workbook) {
		Sheet sheet = workbook.createSheet("任务分解表");
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row header = sheet.createRow(0);
		for (int c = 0; c < HEADER.size(); c++) {
			Cell cell = header.createCell(c);
			cell.setCellValue(HEADER.get(c));
			cell.setCellStyle(bold);
			sheet.setColumnWidth(c, (c == 1 || c == 7 ? 40 : 20) * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private static byte[] bytes(Workbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

	private static String nz(String text) {
		return text == null ? "" : text;
	}

	private NewBreakdownItem item(Line line, UUID frameworkId, List<FieldError> problems) {
		LocalDate deadline = null;
		String day = line.cell(6);
		if (!day.isEmpty()) {
			deadline = parseDay(day);
			if (deadline == null) {
				problems.add(new FieldError("deadline", "task.deadline.format", day));
			}
		}
		BigDecimal weight = null;
		String points = line.cell(8);
		if (!points.isEmpty()) {
			try {
				weight = new BigDecimal(points.replace(",", ""));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldError("weight", "task.weight.number", points));
			}
		}
		return new NewBreakdownItem(frameworkId, line.cell(0), line.cell(1), line.cell(2), codes(line.cell(3)),
				codes(line.cell(4)), line.cell(5), deadline, line.cell(7), weight);
	}

	/** Unit codes of one cell, separated by 、 , ; or white space. */
	public static List<String> codes(String cell) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return Arrays.stream(cell.split("[、,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	static LocalDate parseDay(String text) {
		String t = text.strip().replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-").replace("日", "");
		String[] parts = t.split("-");
		if (parts.length != 3) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}

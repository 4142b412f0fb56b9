package org.chuangwen.criteria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one documented Excel layout of a framework (described to users in the workbook's "说明" sheet):
 * <ul>
 * <li>sheet {@value FrameworkDraft#TREE_SHEET}: 层级 | 编码 | 上级编码 | 名称或标准内容 | 分值 | 测评方法 | 适用点位类型 | 变化标记 | 排序, one
 * row per node in any order; 层级 is Ⅰ/Ⅱ/Ⅲ/标准 (also 1/2/3/S); methods and point types are separated by 、 or ;
 * (point types by code such as P05 or by Chinese name);</li>
 * <li>sheet {@value FrameworkDraft#NEGATIVE_SHEET}: 编码 | 内容 | 效果 | 扣分 (效果: 一票否决/扣分/暂停一年/撤销);</li>
 * <li>sheet {@value FrameworkDraft#README_SHEET}: the instructions (ignored by the import).</li>
 * </ul>
 * Reading checks the content (not the file name), the size and row limits, and every cell, collecting every error.
 */
public final class FrameworkWorkbook {

	/** Largest accepted file. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Most bytes the workbook's parts may inflate to (the XML POI reads into memory). */
	static final long MAX_INFLATED_BYTES = 200L * 1024 * 1024;

	/** Most rows accepted in one sheet. */
	public static final int MAX_ROWS = 20_000;

	static final int MAX_CODE = 40;

	static final int MAX_NAME = 200;

	static final int MAX_CONTENT = 2000;

	static final int MAX_NEGATIVE_CONTENT = 1000;

	static final BigDecimal MAX_SCORE = new BigDecimal("10000");

	static final String LEVEL = "层级";

	static final String CODE = "编码";

	static final String PARENT = "上级编码";

	static final String NAME = "名称或标准内容";

	static final String SCORE = "分值";

	static final String METHODS = "测评方法";

	static final String POINT_TYPES = "适用点位类型";

	static final String MARKER = "变化标记";

	static final String ORDER = "排序";

	static final List<String> TREE_HEADER = List.of(LEVEL, CODE, PARENT, NAME, SCORE, METHODS, POINT_TYPES, MARKER, ORDER);

	static final String CONTENT = "内容";

	static final String EFFECT = "效果";

	static final String DEDUCTION = "扣分";

	static final List<String> NEGATIVE_HEADER = List.of(CODE, CONTENT, EFFECT, DEDUCTION);

	private static final String SEPARATORS = "[、;；,，/\\n]+";

	private FrameworkWorkbook() {
	}

	/** What was read: the draft (rows that could be read) and every error found on the way. */
	public record Parsed(FrameworkDraft draft, List<ImportError> errors) {
	}

	/**
	 * Reads a workbook and checks every row: cells first (levels, numbers, methods, point types, lengths), then the
	 * tree rules of {@link FrameworkDraft#check()}.
	 *
	 * @throws FrameworkImportException when the content is not an .xlsx workbook, is too large or cannot be read
	 */
	public static Parsed read(InputStream input, long size, List<PointType> pointTypes) {
		if (size > MAX_BYTES) {
			throw tooLarge();
		}
		byte[] bytes;
		try {
			bytes = input.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw FrameworkImportException.of(FrameworkImportException.Reason.UNREADABLE);
		}
		if (bytes.length > MAX_BYTES) {
			throw tooLarge();
		}
		FileMagic magic;
		try {
			magic = FileMagic.valueOf(FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes)));
		}
		catch (IOException ex) {
			throw FrameworkImportException.of(FrameworkImportException.Reason.UNREADABLE);
		}
		if (magic == FileMagic.OLE2) {
			throw FrameworkImportException.of(FrameworkImportException.Reason.LEGACY_EXCEL);
		}
		if (magic != FileMagic.OOXML) {
			throw FrameworkImportException.of(FrameworkImportException.Reason.NOT_EXCEL);
		}
		checkInflatedSize(bytes);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			return read(workbook, pointTypes);
		}
		catch (FrameworkImportException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// damaged zip, missing parts, a zip bomb refused by POI's inflate-ratio guard, …
			throw FrameworkImportException.of(FrameworkImportException.Reason.UNREADABLE);
		}
	}

	/**
	 * A small .xlsx can inflate to gigabytes of XML (a zip bomb): count what its entries really inflate to before
	 * POI builds the workbook in memory, and refuse more than {@link #MAX_INFLATED_BYTES}.
	 */
	private static void checkInflatedSize(byte[] bytes) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			while (zip.getNextEntry() != null) {
				int read;
				while ((read = zip.read(buffer)) > 0) {
					total += read;
					if (total > MAX_INFLATED_BYTES) {
						throw tooLarge();
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			throw FrameworkImportException.of(FrameworkImportException.Reason.UNREADABLE);
		}
	}

	private static FrameworkImportException tooLarge() {
		return FrameworkImportException.of(FrameworkImportException.Reason.TOO_LARGE, MAX_BYTES / 1024 / 1024, MAX_ROWS);
	}

	static Parsed read(Workbook workbook, List<PointType> pointTypes) {
		Sheet tree = workbook.getSheet(FrameworkDraft.TREE_SHEET);
		if (tree == null) {
			throw new FrameworkImportException(FrameworkImportException.Reason.UNREADABLE, List.of(),
					"criteria.import.refused.noTreeSheet", FrameworkDraft.TREE_SHEET);
		}
		Sheet negative = workbook.getSheet(FrameworkDraft.NEGATIVE_SHEET);
		if (tree.getLastRowNum() > MAX_ROWS || (negative != null && negative.getLastRowNum() > MAX_ROWS)) {
			throw tooLarge();
		}
		Map<String, String> pointTypeCodes = new HashMap<>();
		for (PointType type : pointTypes) {
			pointTypeCodes.put(type.code(), type.code());
			pointTypeCodes.put(type.code().toLowerCase(java.util.Locale.ROOT), type.code());
			pointTypeCodes.put(type.nameZh(), type.code());
		}
		List<ImportError> errors = new ArrayList<>();
		List<FrameworkDraft.Node> nodes = readTree(tree, pointTypeCodes, errors);
		List<FrameworkDraft.NegativeItem> items = negative == null ? List.of() : readNegative(negative, errors);
		FrameworkDraft draft = new FrameworkDraft(nodes, items);
		errors.addAll(draft.check());
		return new Parsed(draft, ordered(errors));
	}

	/** One error per row and column (the first found), sheets in layout order, rows ascending. */
	private static List<ImportError> ordered(List<ImportError> errors) {
		Map<String, ImportError> unique = new LinkedHashMap<>();
		for (ImportError error : errors) {
			unique.putIfAbsent(error.sheet() + "\u0000" + error.row() + "\u0000" + error.field(), error);
		}
		return unique.values()
			.stream()
			.sorted(Comparator.comparing((ImportError e) -> !e.sheet().equals(FrameworkDraft.TREE_SHEET))
				.thenComparingInt(ImportError::row))
			.toList();
	}

	private static Map<String, Integer> header(Sheet sheet, List<String> expected, List<String> required,
			List<ImportError> errors) {
		Map<String, Integer> columns = new HashMap<>();
		Row row = sheet.getRow(sheet.getFirstRowNum());
		if (row != null) {
			for (Cell cell : row) {
				String text = text(cell);
				if (text != null && expected.contains(text)) {
					columns.putIfAbsent(text, cell.getColumnIndex());
				}
			}
		}
		for (String column : required) {
			if (!columns.containsKey(column)) {
				errors.add(ImportError.of(sheet.getSheetName(), 1, column, "criteria.import.missingColumn", column,
						String.join(" | ", expected)));
			}
		}
		return columns;
	}

	private static List<FrameworkDraft.Node> readTree(Sheet sheet, Map<String, String> pointTypeCodes,
			List<ImportError> errors) {
		String name = sheet.getSheetName();
		int before = errors.size();
		Map<String, Integer> col = header(sheet, TREE_HEADER, List.of(LEVEL, CODE, NAME), errors);
		if (errors.size() > before) {
			return List.of();
		}
		List<FrameworkDraft.Node> nodes = new ArrayList<>();
		for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (isBlank(row, col.values())) {
				continue;
			}
			int excelRow = r + 1;
			int errorsBefore = errors.size();
			String levelText = cell(row, col, LEVEL);
			Optional<CriterionLevel> level = CriterionLevel.parse(levelText);
			if (levelText == null) {
				errors.add(ImportError.of(name, excelRow, LEVEL, "criteria.import.levelRequired"));
			}
			else if (level.isEmpty()) {
				errors.add(ImportError.of(name, excelRow, LEVEL, "criteria.import.unknownLevel", levelText));
			}
			String code = code(name, excelRow, CODE, cell(row, col, CODE), true, errors);
			String parent = code(name, excelRow, PARENT, cell(row, col, PARENT), false, errors);
			String text = cell(row, col, NAME);
			boolean isStandard = level.map(CriterionLevel::isStandard).orElse(false);
			int maxLength = isStandard ? MAX_CONTENT : MAX_NAME;
			if (text == null) {
				errors.add(ImportError.of(name, excelRow, NAME, "criteria.import.nameRequired"));
			}
			else if (text.codePointCount(0, text.length()) > maxLength) {
				errors.add(ImportError.of(name, excelRow, NAME, "criteria.import.tooLong", maxLength));
			}
			BigDecimal score = score(name, excelRow, SCORE, row, col, errors);
			List<AssessmentMethod> methods = new ArrayList<>();
			boolean methodsBad = false;
			for (String token : tokens(cell(row, col, METHODS))) {
				Optional<AssessmentMethod> method = AssessmentMethod.parse(token);
				if (method.isPresent()) {
					if (!methods.contains(method.get())) {
						methods.add(method.get());
					}
				}
				else if (!methodsBad) {
					methodsBad = true;
					errors.add(ImportError.of(name, excelRow, METHODS, "criteria.import.unknownMethod", token));
				}
			}
			List<String> types = new ArrayList<>();
			boolean typesBad = false;
			for (String token : tokens(cell(row, col, POINT_TYPES))) {
				String typeCode = pointTypeCodes.get(token);
				if (typeCode != null) {
					if (!types.contains(typeCode)) {
						types.add(typeCode);
					}
				}
				else if (!typesBad) {
					typesBad = true;
					errors.add(ImportError.of(name, excelRow, POINT_TYPES, "criteria.import.unknownPointType", token));
				}
			}
			if (level.isPresent() && !isStandard && !types.isEmpty()) {
				errors.add(ImportError.of(name, excelRow, POINT_TYPES, "criteria.import.pointTypesOnCriterion"));
			}
			String markerText = cell(row, col, MARKER);
			ChangeMarker marker = ChangeMarker.UNCHANGED;
			if (markerText != null) {
				Optional<ChangeMarker> parsed = ChangeMarker.parse(markerText);
				if (parsed.isEmpty()) {
					errors.add(ImportError.of(name, excelRow, MARKER, "criteria.import.unknownMarker", markerText));
				}
				else if (level.isPresent() && !isStandard) {
					errors.add(ImportError.of(name, excelRow, MARKER, "criteria.import.markerOnCriterion"));
				}
				else {
					marker = parsed.get();
				}
			}
			Integer order = integer(name, excelRow, ORDER, row, col, errors);
			if (level.isPresent() && code != null) {
				if (methodsBad && methods.isEmpty()) {
					// already reported as an unknown method; do not report the same cell twice
					methods.add(AssessmentMethod.FIELD);
				}
				nodes.add(new FrameworkDraft.Node(excelRow, level.get(), code, parent, text, score, methods, types,
						isStandard ? marker : null, order == null ? excelRow : order));
			}
			else if (errors.size() == errorsBefore) {
				errors.add(ImportError.of(name, excelRow, LEVEL, "criteria.import.unknownLevel", levelText));
			}
		}
		return nodes;
	}

	private static List<FrameworkDraft.NegativeItem> readNegative(Sheet sheet, List<ImportError> errors) {
		String name = sheet.getSheetName();
		int before = errors.size();
		Map<String, Integer> col = header(sheet, NEGATIVE_HEADER, List.of(CODE, CONTENT, EFFECT), errors);
		if (errors.size() > before) {
			return List.of();
		}
		List<FrameworkDraft.NegativeItem> items = new ArrayList<>();
		for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (isBlank(row, col.values())) {
				continue;
			}
			int excelRow = r + 1;
			String code = code(name, excelRow, CODE, cell(row, col, CODE), true, errors);
			String content = cell(row, col, CONTENT);
			if (content == null) {
				errors.add(ImportError.of(name, excelRow, CONTENT, "criteria.import.nameRequired"));
			}
			else if (content.codePointCount(0, content.length()) > MAX_NEGATIVE_CONTENT) {
				errors.add(ImportError.of(name, excelRow, CONTENT, "criteria.import.tooLong", MAX_NEGATIVE_CONTENT));
			}
			String effectText = cell(row, col, EFFECT);
			Optional<NegativeEffect> effect = NegativeEffect.parse(effectText);
			if (effectText == null) {
				errors.add(ImportError.of(name, excelRow, EFFECT, "criteria.import.effectRequired"));
			}
			else if (effect.isEmpty()) {
				errors.add(ImportError.of(name, excelRow, EFFECT, "criteria.import.unknownEffect", effectText));
			}
			BigDecimal deduction = score(name, excelRow, DEDUCTION, row, col, errors);
			if (deduction != null && deduction.signum() == 0) {
				deduction = null;
			}
			if (code != null && effect.isPresent()) {
				items.add(new FrameworkDraft.NegativeItem(excelRow, code, content, effect.get(), deduction));
			}
		}
		return items;
	}

	private static String code(String sheet, int row, String field, String value, boolean required,
			List<ImportError> errors) {
		if (value == null) {
			if (required) {
				errors.add(ImportError.of(sheet, row, field, "criteria.import.codeRequired"));
			}
			return null;
		}
		if (value.length() > MAX_CODE || value.chars().anyMatch(Character::isWhitespace)) {
			errors.add(ImportError.of(sheet, row, field, "criteria.import.badCode", MAX_CODE));
			return null;
		}
		return value;
	}

	private static BigDecimal score(String sheet, int excelRow, String field, Row row, Map<String, Integer> col,
			List<ImportError> errors) {
		Integer index = col.get(field);
		Cell cell = index == null || row == null ? null : row.getCell(index);
		if (cell == null) {
			return null;
		}
		BigDecimal value;
		if (cell.getCellType() == CellType.NUMERIC
				|| (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
			value = new BigDecimal(Double.toString(cell.getNumericCellValue()));
		}
		else {
			String text = text(cell);
			if (text == null) {
				return null;
			}
			try {
				value = new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				errors.add(ImportError.of(sheet, excelRow, field, "criteria.import.notANumber", text));
				return null;
			}
		}
		value = CriteriaRepository.scale(value);
		if (value.signum() < 0 || value.compareTo(MAX_SCORE) > 0 || value.scale() > 2) {
			errors.add(ImportError.of(sheet, excelRow, field, "criteria.import.scoreRange", MAX_SCORE));
			return null;
		}
		return value;
	}

	private static Integer integer(String sheet, int excelRow, String field, Row row, Map<String, Integer> col,
			List<ImportError> errors) {
		String text = cell(row, col, field);
		if (text == null) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text);
			return value.intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			errors.add(ImportError.of(sheet, excelRow, field, "criteria.import.notAnInteger", text));
			return null;
		}
	}

	private static List<String> tokens(String cell) {
		if (cell == null) {
			return List.of();
		}
		Set<String> tokens = new LinkedHashSet<>();
		for (String token : cell.split(SEPARATORS)) {
			if (!token.isBlank()) {
				tokens.add(token.trim());
			}
		}
		return List.copyOf(tokens);
	}

	private static boolean isBlank(Row row, java.util.Collection<Integer> columns) {
		if (row == null) {
			return true;
		}
		for (int index : columns) {
			if (text(row.getCell(index)) != null) {
				return false;
			}
		}
		return true;
	}

	private static String cell(Row row, Map<String, Integer> col, String column) {
		Integer index = col.get(column);
		return index == null || row == null ? null : text(row.getCell(index));
	}

	private static final DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);

	private static String text(Cell cell) {
		if (cell == null) {
			return null;
		}
		String text;
		if (cell.getCellType() == CellType.NUMERIC) {
			text = CriteriaRepository.scale(new BigDecimal(Double.toString(cell.getNumericCellValue()))).toPlainString();
		}
		else {
			text = formatter.formatCellValue(cell);
		}
		text = text == null ? null : text.strip();
		return text == null || text.isEmpty() ? null : text;
	}

	// writing

	/** Writes a framework (as draft rows) in the documented layout; reading the result gives the same draft. */
	public static byte[] write(FrameworkDraft draft, List<PointType> pointTypes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			Sheet tree = workbook.createSheet(FrameworkDraft.TREE_SHEET);
			headerRow(tree, TREE_HEADER, bold);
			int r = 1;
			for (FrameworkDraft.Node node : draft.nodes()) {
				Row row = tree.createRow(r++);
				row.createCell(0).setCellValue(node.level().label());
				row.createCell(1).setCellValue(node.code());
				if (node.parentCode() != null) {
					row.createCell(2).setCellValue(node.parentCode());
				}
				Cell nameCell = row.createCell(3);
				nameCell.setCellValue(node.name());
				nameCell.setCellStyle(wrap);
				if (node.maxScore() != null) {
					row.createCell(4).setCellValue(node.maxScore().doubleValue());
				}
				if (!node.methods().isEmpty()) {
					row.createCell(5)
						.setCellValue(String.join("、", node.methods().stream().map(AssessmentMethod::chineseName).toList()));
				}
				if (!node.pointTypes().isEmpty()) {
					row.createCell(6).setCellValue(String.join("、", node.pointTypes()));
				}
				if (node.changeMarker() != null) {
					row.createCell(7).setCellValue(node.changeMarker().chineseName());
				}
				row.createCell(8).setCellValue(node.sortOrder());
			}
			int[] widths = { 8, 14, 14, 60, 8, 20, 30, 10, 8 };
			for (int i = 0; i < widths.length; i++) {
				tree.setColumnWidth(i, widths[i] * 256);
			}
			tree.createFreezePane(0, 1);
			Sheet negative = workbook.createSheet(FrameworkDraft.NEGATIVE_SHEET);
			headerRow(negative, NEGATIVE_HEADER, bold);
			r = 1;
			for (FrameworkDraft.NegativeItem item : draft.negativeItems()) {
				Row row = negative.createRow(r++);
				row.createCell(0).setCellValue(item.code());
				Cell content = row.createCell(1);
				content.setCellValue(item.content());
				content.setCellStyle(wrap);
				row.createCell(2).setCellValue(item.effect().chineseName());
				if (item.deduction() != null) {
					row.createCell(3).setCellValue(item.deduction().doubleValue());
				}
			}
			negative.setColumnWidth(0, 10 * 256);
			negative.setColumnWidth(1, 70 * 256);
			negative.setColumnWidth(2, 12 * 256);
			negative.createFreezePane(0, 1);
			readme(workbook.createSheet(FrameworkDraft.README_SHEET), pointTypes, bold);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An empty-but-for-an-example workbook to fill in. */
	public static byte[] template(List<PointType> pointTypes) {
		List<FrameworkDraft.Node> nodes = List.of(
				new FrameworkDraft.Node(2, CriterionLevel.I, "Ⅰ-1", null, "公共服务", new BigDecimal("9"), List.of(),
						List.of(), null, 1),
				new FrameworkDraft.Node(3, CriterionLevel.II, "Ⅱ-1", "Ⅰ-1", "公共交通", new BigDecimal("9"), List.of(),
						List.of(), null, 1),
				new FrameworkDraft.Node(4, CriterionLevel.III, "Ⅲ-1", "Ⅱ-1", "公交站点文明规范", new BigDecimal("9"),
						List.of(), List.of(), null, 1),
				new FrameworkDraft.Node(5, CriterionLevel.STANDARD, "Ⅲ-1-1", "Ⅲ-1", "站台整洁，无乱贴乱画，设施完好", null,
						List.of(AssessmentMethod.FIELD), List.of("P05"), ChangeMarker.UNCHANGED, 1),
				new FrameworkDraft.Node(6, CriterionLevel.STANDARD, "Ⅲ-1-2", "Ⅲ-1", "站台有公益广告，候车秩序良好", null,
						List.of(AssessmentMethod.FIELD, AssessmentMethod.MATERIAL), List.of("P05", "P06"),
						ChangeMarker.NEW, 2));
		List<FrameworkDraft.NegativeItem> items = List.of(new FrameworkDraft.NegativeItem(2, "N01",
				"发生重大安全生产责任事故，造成恶劣社会影响", NegativeEffect.VETO, null));
		return write(new FrameworkDraft(nodes, items), pointTypes);
	}

	private static void headerRow(Sheet sheet, List<String> header, CellStyle bold) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(header.get(i));
			cell.setCellStyle(bold);
		}
	}

	private static void readme(Sheet sheet, List<PointType> pointTypes, CellStyle bold) {
		List<String> lines = List.of("测评体系导入说明",
				"1. 工作表“测评体系”：第 1 行为表头（层级 | 编码 | 上级编码 | 名称或标准内容 | 分值 | 测评方法 | 适用点位类型 | 变化标记 | 排序），从第 2 行起每行一个节点，顺序不限。",
				"2. 层级：Ⅰ（测评项目）、Ⅱ（指标）、Ⅲ（测评内容）、标准（测评标准）；也可填 1、2、3、S。Ⅱ 的上级必须是 Ⅰ，Ⅲ 的上级必须是 Ⅱ，标准的上级必须是 Ⅲ；Ⅰ 不填上级编码。",
				"3. 编码：在本体系内唯一（含标准），不含空格，最长 40 个字符，如 Ⅲ-57、Ⅲ-57-1。",
				"4. 名称或标准内容：必填；Ⅰ/Ⅱ/Ⅲ 最长 200 字，标准最长 2000 字。",
				"5. 分值：可空；填写时须为 0 到 10000 之间的数字，最多两位小数。上级分值应等于其下级分值之和（不一致时页面会提示）。",
				"6. 测评方法（仅标准行，必填）：实地考察、材料审核、问卷调查、网上申报，多个用“、”或“;”分隔。",
				"7. 适用点位类型（仅标准行）：点位类型编码（如 P05）或中文名称（如 公交站点），多个用“、”或“;”分隔；可选值见下表。",
				"8. 变化标记（仅标准行，可空即“不变”）：新增、回归、调整、不变。",
				"9. 排序：整数，可空（按行号排序）。",
				"10. 工作表“负面清单”（可选）：编码 | 内容 | 效果 | 扣分；效果为 一票否决、扣分、暂停一年、撤销；效果为“扣分”时须填扣分值，其他效果不填。",
				"11. 导入时先校验整个文件，任何一行有误则全部不导入，并列出每个错误所在的工作表、行号和原因。文件不超过 10 MB，每个工作表不超过 20000 行。",
				"", "点位类型：");
		int r = 0;
		for (String line : lines) {
			Row row = sheet.createRow(r++);
			Cell cell = row.createCell(0);
			cell.setCellValue(line);
			if (r == 1) {
				cell.setCellStyle(bold);
			}
		}
		for (PointType type : pointTypes) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(type.code());
			row.createCell(1).setCellValue(type.nameZh());
			row.createCell(2).setCellValue(type.nameEn());
		}
		sheet.setColumnWidth(0, 20 * 256);
		sheet.setColumnWidth(1, 20 * 256);
	}
}

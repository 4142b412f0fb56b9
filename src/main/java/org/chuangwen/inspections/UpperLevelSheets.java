package org.chuangwen.inspections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The upper-level results sheet (省检/国检反馈): one line per lost point or observation, with point code, standard
 * code, result, get fraction, responsible unit code and note. Read with organisation's {@code SpreadsheetFile}.
 */
final class UpperLevelSheets {

	static final List<String> HEADER = List.of("点位编码 Point code*", "标准编码 Standard code*", "结果 Result*",
			"得分系数 Get fraction", "责任单位编码 Responsible unit code", "备注 Note");

	private UpperLevelSheets() {
	}

	/** A result as written in the sheet: 达标/合格/pass, 不达标/不合格/fail, 不适用/na, or the enum names. */
	static Optional<ObservationResult> result(String text) {
		String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		return switch (t) {
			case "达标", "合格", "pass", "compliant", "yes", "y", "是" -> Optional.of(ObservationResult.COMPLIANT);
			case "不达标", "不合格", "fail", "non_compliant", "non-compliant", "no", "n", "否" ->
				Optional.of(ObservationResult.NON_COMPLIANT);
			case "不适用", "na", "n/a", "not_applicable", "not applicable" -> Optional.of(ObservationResult.NOT_APPLICABLE);
			default -> Optional.empty();
		};
	}

	/** A get fraction 0..1 (a percentage such as "80%" is read as 0.8); empty for a blank cell; null when invalid. */
	static Optional<BigDecimal> fraction(String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return Optional.empty();
		}
		try {
			BigDecimal value = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2)
					: new BigDecimal(t);
			if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0 || value.stripTrailingZeros().scale() > 4) {
				return null;
			}
			return Optional.of(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("上级测评结果");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADER.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(HEADER.get(c));
				cell.setCellStyle(bold);
				sheet.setColumnWidth(c, (c == 5 ? 40 : 20) * 256);
			}
			sheet.createFreezePane(0, 1);
			Row example = sheet.createRow(1);
			List<String> values = List.of("LJ-P05-0001", "WC-Ⅲ-1-1", "不达标", "0.5", "U-LJ-CGJ", "站台有小广告");
			for (int c = 0; c < values.size(); c++) {
				example.createCell(c).setCellValue(values.get(c));
			}
			Sheet help = workbook.createSheet("填写说明");
			List<String> notes = List.of("每行一条上级测评（省检、国检）结果：一个点位的一条测评标准。",
					"点位编码：系统中已有的点位编码。标准编码：本轮测评体系中的标准编码，且该标准须适用于该点位的类型。",
					"结果：达标、不达标或不适用（也可填 pass、fail、na）。",
					"得分系数：0 到 1 之间的小数（如 0.8 表示失分 20%），可不填：达标为 1，不达标为 0；不适用不填。",
					"责任单位编码：上级认定的失分责任单位，可不填（默认为点位的责任单位）。",
					"每个不达标项目会自动生成一个问题（来源：省检/国检反馈），交点位的责任单位整改。",
					"整个文件先全部检查；任何一行有误都不导入，并列出每一处错误。每个文件最多 5000 行、5 MB。");
			for (int i = 0; i < notes.size(); i++) {
				help.createRow(i).createCell(0).setCellValue(notes.get(i));
			}
			help.setColumnWidth(0, 100 * 256);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

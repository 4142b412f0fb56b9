package org.chuangwen.scoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The round report and the accountability trace as Excel workbooks (headers in Chinese and English). */
public final class ScoringSheets {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private ScoringSheets() {
	}

	public static byte[] report(RoundReport report) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = bold(workbook);
			Sheet summary = workbook.createSheet("概况 Summary");
			String[][] facts = {
					{ "轮次 Round", report.round().name() },
					{ "点位 Points", String.valueOf(report.points()) },
					{ "问题 Problems", String.valueOf(report.problems()) },
					{ "责任单位 Units", String.valueOf(report.units()) },
					{ "有效测评次数 Observations", String.valueOf(report.observations()) },
					{ "满分 Maximum", text(report.total().maxScore()) },
					{ "得分 Score", text(report.total().score()) },
					{ "得分率 Rate %", text(report.total().percent()) },
					{ "生成时间 Generated", TIME.format(report.generatedAt()) } };
			for (int i = 0; i < facts.length; i++) {
				Row row = summary.createRow(i);
				row.createCell(0).setCellValue(facts[i][0]);
				row.getCell(0).setCellStyle(bold);
				row.createCell(1).setCellValue(facts[i][1]);
			}
			summary.setColumnWidth(0, 28 * 256);
			summary.setColumnWidth(1, 40 * 256);

			Sheet tree = sheet(workbook, bold, "按测评项目 By item", List.of("层级 Level", "编码 Code", "名称 Name",
					"分值 Max", "实际满分 Effective max", "得分 Score", "得分率 Rate %", "测评次数 Observations"));
			int r = 1;
			for (CriterionScore c : report.criteria()) {
				Row row = tree.createRow(r++);
				row.createCell(0).setCellValue(c.level());
				row.createCell(1).setCellValue(c.code());
				row.createCell(2).setCellValue(c.name());
				number(row, 3, c.maxScore());
				number(row, 4, c.effectiveMax());
				number(row, 5, c.score());
				number(row, 6, c.percent());
				row.createCell(7).setCellValue(c.observations());
			}
			lines(sheet(workbook, bold, "按单位 By unit", List.of("单位 Unit", "满分 Max", "得分 Score", "得分率 Rate %",
					"测评次数 Observations")), report.byUnit());

			Sheet worst = sheet(workbook, bold, "最差点位 Worst points", List.of("点位编码 Code", "点位 Point",
					"类型 Type", "责任单位 Unit", "得分率 Rate %", "不达标项 Failing items", "测评次数 Observations"));
			r = 1;
			for (RoundReport.PointScore p : report.worstPoints()) {
				Row row = worst.createRow(r++);
				row.createCell(0).setCellValue(p.code());
				row.createCell(1).setCellValue(p.name());
				row.createCell(2).setCellValue(p.typeCode());
				row.createCell(3).setCellValue(p.unitName());
				number(row, 4, p.percent());
				row.createCell(5).setCellValue(p.failingItems());
				row.createCell(6).setCellValue(p.observations());
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] trace(LossTrace trace) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = bold(workbook);
			Sheet items = sheet(workbook, bold, "失分明细 Lost points", List.of("点位编码 Point code", "点位 Point",
					"测评标准 Standard", "标准内容 Content", "结果 Result", "得分系数 Fraction", "失分 Lost",
					"责任单位 Unit", "包片领导 Leader", "责任人 Person", "测评时间 Observed", "问题编号 Problem"));
			int r = 1;
			for (LossTrace.LostItem i : trace.items()) {
				Row row = items.createRow(r++);
				row.createCell(0).setCellValue(i.pointCode());
				row.createCell(1).setCellValue(i.pointName());
				row.createCell(2).setCellValue(i.standardCode());
				row.createCell(3).setCellValue(i.standardContent());
				row.createCell(4).setCellValue(i.result());
				number(row, 5, i.getFraction());
				number(row, 6, i.lost());
				row.createCell(7).setCellValue(i.unitName());
				row.createCell(8).setCellValue(i.leaderName());
				row.createCell(9).setCellValue(i.personName());
				row.createCell(10).setCellValue(TIME.format(i.observedAt()));
				if (i.problemNumber() != null) {
					row.createCell(11).setCellValue(i.problemNumber());
				}
			}
			Sheet units = sheet(workbook, bold, "按单位 By unit", List.of("责任单位 Unit", "失分项 Items",
					"失分点位 Points", "失分 Lost"));
			r = 1;
			for (LossTrace.UnitLoss u : trace.units()) {
				Row row = units.createRow(r++);
				row.createCell(0).setCellValue(u.unitName());
				row.createCell(1).setCellValue(u.items());
				row.createCell(2).setCellValue(u.points());
				number(row, 3, u.lost());
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void lines(Sheet sheet, List<ScoreLine> lines) {
		int r = 1;
		for (ScoreLine l : lines) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(l.name());
			number(row, 1, l.maxScore());
			number(row, 2, l.score());
			number(row, 3, l.percent());
			row.createCell(4).setCellValue(l.observations());
		}
	}

	private static Sheet sheet(XSSFWorkbook workbook, CellStyle bold, String name, List<String> header) {
		Sheet sheet = workbook.createSheet(name);
		Row row = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			row.createCell(i).setCellValue(header.get(i));
			row.getCell(i).setCellStyle(bold);
			sheet.setColumnWidth(i, Math.max(12, header.get(i).length() + 6) * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}

	private static CellStyle bold(XSSFWorkbook workbook) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		style.setFont(font);
		return style;
	}

	private static void number(Row row, int column, BigDecimal value) {
		if (value != null) {
			row.createCell(column).setCellValue(value.doubleValue());
		}
	}

	private static String text(BigDecimal value) {
		return value == null ? "—" : value.toPlainString();
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}
}

package org.chuangwen.scoring.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.scoring.EvaluationDirectory;
import org.chuangwen.scoring.Indicator;
import org.chuangwen.scoring.Ranking;

/** Excel exports of rankings (with every indicator's computation) and of the annual appraisal. */
final class EvaluationSheets {

	private EvaluationSheets() {
	}

	static byte[] ranking(Ranking ranking, Function<String, String> text) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = bold(workbook);
			List<String> header = new java.util.ArrayList<>(List.of("名次", "单位编码", "单位", "综合指标值", "等级", "档次", "流动旗",
					"捆绑考评", "应处置数"));
			Ranking.Entry any = ranking.entries().isEmpty() ? null : ranking.entries().get(0);
			if (any != null) {
				for (Indicator i : any.performance().indicators()) {
					header.add(text.apply(i.messageKey()));
					header.add(text.apply(i.messageKey()) + "（计算）");
				}
			}
			Sheet sheet = sheet(workbook, bold, "排名", header);
			Row title = sheet.createRow(1);
			title.createCell(0).setCellValue(text.apply(ranking.category().messageKey()) + " · " + ranking.period().label()
					+ "（" + ranking.period().from() + " 至 " + ranking.period().last() + "）");
			int r = 2;
			for (Ranking.Entry e : ranking.entries()) {
				Row row = sheet.createRow(r++);
				if (e.rank() != null) {
					row.createCell(0).setCellValue(e.rank());
				}
				else {
					row.createCell(0).setCellValue("无数据");
				}
				row.createCell(1).setCellValue(e.code() == null ? "" : e.code());
				row.createCell(2).setCellValue(e.name());
				if (e.index() != null) {
					row.createCell(3).setCellValue(e.index());
					row.createCell(4).setCellValue(e.grade().name());
				}
				row.createCell(5).setCellValue(e.tier() == null ? "" : text.apply(e.tier().messageKey()));
				row.createCell(6).setCellValue(e.flag() == null ? "" : "red".equals(e.flag()) ? "红旗" : "黑旗");
				row.createCell(7).setCellValue(e.performance().bundleName() == null ? "" : e.performance().bundleName());
				row.createCell(8).setCellValue(e.performance().sums().dispatched());
				int c = 9;
				for (Indicator i : e.performance().indicators()) {
					if (i.denominator() == null) {
						row.createCell(c++).setCellValue(i.numerator());
						row.createCell(c++).setCellValue("");
					}
					else {
						if (i.rate() != null) {
							row.createCell(c).setCellValue(i.percent() / 100.0);
						}
						else {
							row.createCell(c).setCellValue("无数据");
						}
						c++;
						row.createCell(c++).setCellValue(i.numerator() + " / " + i.denominator());
					}
				}
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] appraisal(int year, List<EvaluationDirectory.AppraisalLine> lines, Function<String, String> text) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = bold(workbook);
			Sheet sheet = sheet(workbook, bold, year + "年度考核", List.of("类别", "名次", "单位编码", "单位", "年度综合指标值", "等级",
					"红旗次数", "黑旗次数", "扣减文明加分", "扣减年度考核（百分点）", "取消评先评优", "处罚条数"));
			int r = 1;
			for (EvaluationDirectory.AppraisalLine l : lines) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(text.apply(l.category().messageKey()));
				if (l.entry().rank() != null) {
					row.createCell(1).setCellValue(l.entry().rank());
				}
				row.createCell(2).setCellValue(l.entry().code() == null ? "" : l.entry().code());
				row.createCell(3).setCellValue(l.entry().name());
				if (l.entry().index() != null) {
					row.createCell(4).setCellValue(l.entry().index());
					row.createCell(5).setCellValue(l.entry().grade().name());
				}
				else {
					row.createCell(4).setCellValue("无数据");
				}
				row.createCell(6).setCellValue(l.redFlags());
				row.createCell(7).setCellValue(l.blackFlags());
				row.createCell(8).setCellValue(l.bonusPointsLost().doubleValue());
				row.createCell(9).setCellValue(l.appraisalPointsLost().doubleValue());
				row.createCell(10).setCellValue(l.losesAward() ? "是" : "否");
				row.createCell(11).setCellValue(l.penalties());
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Sheet sheet(XSSFWorkbook workbook, CellStyle bold, String name, List<String> header) {
		Sheet sheet = workbook.createSheet(name);
		Row row = sheet.createRow(0);
		for (int i = 0; i < header.size(); i++) {
			row.createCell(i).setCellValue(header.get(i));
			row.getCell(i).setCellStyle(bold);
			sheet.setColumnWidth(i, Math.max(10, header.get(i).length() * 2 + 4) * 256);
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

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}
}

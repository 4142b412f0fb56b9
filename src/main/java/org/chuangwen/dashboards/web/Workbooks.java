package org.chuangwen.dashboards.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the tables of a panel or of the weekly summary as an Excel workbook: one sheet per table, header in bold. */
final class Workbooks {

	private Workbooks() {
	}

	static byte[] write(List<DataTable> tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Set<String> names = new HashSet<>();
			for (DataTable table : tables) {
				Sheet sheet = workbook.createSheet(sheetName(table.caption(), names));
				Row header = sheet.createRow(0);
				for (int c = 0; c < table.columns().size(); c++) {
					Cell cell = header.createCell(c);
					cell.setCellValue(table.columns().get(c));
					cell.setCellStyle(bold);
				}
				int r = 1;
				for (DataTable.Row row : table.rows()) {
					Row line = sheet.createRow(r++);
					line.createCell(0).setCellValue(row.label() == null ? "" : row.label());
					for (int c = 0; c < row.cells().size(); c++) {
						Object v = row.cells().get(c).value();
						Cell cell = line.createCell(c + 1);
						if (v instanceof Number n) {
							cell.setCellValue(n.doubleValue());
						}
						else if (v != null) {
							cell.setCellValue(v.toString());
						}
					}
				}
				for (int c = 0; c < table.columns().size(); c++) {
					sheet.setColumnWidth(c, Math.min(60, Math.max(10, table.columns().get(c).length() * 2 + 4)) * 256);
				}
				if (table.rows().isEmpty()) {
					sheet.createRow(1).createCell(0).setCellValue("—");
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sheetName(String caption, Set<String> used) {
		String base = WorkbookUtil.createSafeSheetName(caption == null || caption.isBlank() ? "Sheet" : caption);
		if (base.length() > 28) {
			base = base.substring(0, 28);
		}
		String name = base;
		for (int i = 2; !used.add(name); i++) {
			name = base + " " + i;
		}
		return name;
	}
}

package org.chuangwen.dashboards.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chuangwen.dashboards.web.DataTable.cell;

/** A panel's export holds exactly the table behind its chart: one sheet per table, the header, labels, numbers. */
class WorkbooksTests {

	@Test
	void writesEachTableAsASheetWithItsHeaderLabelsAndNumbers() throws IOException {
		DataTable states = new DataTable("t1", "问题状态分布", List.of("状态", "问题数"),
				List.of(new DataTable.Row("待立案", "/problems/board?status=REPORTED", List.of(cell(12L, "/x"))),
						new DataTable.Row("已销号", null, List.of(cell(0L)))),
				"bar", 1);
		DataTable empty = new DataTable("t2", "问题状态分布", List.of("文号"), List.of(), null, 0);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Workbooks.write(List.of(states, empty))))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(2);
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("问题状态分布");
			assertThat(book.getSheetAt(1).getSheetName()).as("sheet names stay unique").isEqualTo("问题状态分布 2");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("问题数");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("待立案");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(12.0);
			assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isZero();
			assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).as("an empty table says so").isEqualTo("—");
		}
	}

	@Test
	void aTableOfZerosIsNothingToDraw() {
		DataTable zeros = new DataTable("t", "c", List.of("a", "b"),
				List.of(new DataTable.Row("x", null, List.of(cell(0L), cell("text")))), "bar", 1);
		assertThat(zeros.allZero()).isTrue();
		assertThat(new DataTable("t", "c", List.of("a", "b"), List.of(new DataTable.Row("x", null, List.of(cell(3L)))), "bar", 1)
			.allZero()).isFalse();
	}
}

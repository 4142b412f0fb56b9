package org.chuangwen.organisation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetFileTests {

	private static final List<String> HEADER = List.of("编码 Code*", "名称 Name*");

	@Test
	void readsTheDataRowsWithTheirExcelRowNumbersSkippingBlankRows() throws IOException {
		byte[] file = workbook(new String[] { "编码 Code*", "名称 Name*" }, new String[] { "A", "甲" }, new String[] { "", "" },
				new String[] { "B", "乙" });
		List<SpreadsheetFile.Line> lines = SpreadsheetFile.read(file, HEADER);
		assertThat(lines).extracting(SpreadsheetFile.Line::row).containsExactly(2, 4);
		assertThat(lines.get(1).cell(1)).isEqualTo("乙");
	}

	@Test
	void aTextFileRenamedToXlsxIsNotAnExcelFile() {
		byte[] text = "code,name\nA,甲\n".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> SpreadsheetFile.read(text, HEADER)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isEqualTo("import.file.notExcel"));
	}

	@Test
	void aDamagedZipIsUnreadable() {
		byte[] zipHeaderOnly = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 };
		assertThatThrownBy(() -> SpreadsheetFile.read(zipHeaderOnly, HEADER)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aFileOverFiveMegabytesIsRefusedBeforeReading() {
		byte[] big = new byte[(int) SpreadsheetFile.MAX_BYTES + 1];
		assertThatThrownBy(() -> SpreadsheetFile.read(big, HEADER)).isInstanceOf(ImportFileTooLargeException.class);
	}

	@Test
	void aFileWithAnotherHeaderIsRefused() throws IOException {
		byte[] file = workbook(new String[] { "Name", "Code" }, new String[] { "甲", "A" });
		assertThatThrownBy(() -> SpreadsheetFile.read(file, HEADER)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).messageKey()).isEqualTo("import.file.header"));
	}

	static byte[] workbook(String[]... rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("data");
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}

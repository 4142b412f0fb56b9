package org.chuangwen.organisation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.shared.InvalidInputException;

/**
 * An uploaded .xlsx read defensively: the size is checked before reading, the content (not the name) must be an
 * Office Open XML package, and the first sheet must start with the expected header row. Cells are read as the text
 * Excel shows, so a mobile number typed as a number still reads as its digits; dates read as yyyy-MM-dd. Every
 * module that imports a sheet (units, people, the task breakdown table) reads it here.
 */
public final class SpreadsheetFile {

	/** At most 5 MB per file. */
	public static final long MAX_BYTES = 5L * 1024 * 1024;

	/** At most 5,000 data rows per file. */
	public static final int MAX_ROWS = 5_000;

	/** One data row: its number as Excel shows it (header = 1) and its cells as trimmed text ("" when empty). */
	public record Line(int row, List<String> cells) {

		public String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}

		public boolean isBlank() {
			return cells.stream().allMatch(String::isEmpty);
		}
	}

	private SpreadsheetFile() {
	}

	/** Reads the data rows of the first sheet, after checking size, content type and header. */
	public static List<Line> read(byte[] content, List<String> header) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "import.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new ImportFileTooLargeException(MAX_BYTES);
		}
		FileMagic magic;
		try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(content))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw new InvalidInputException("file", "import.file.notExcel");
		}
		if (magic == FileMagic.OLE2) {
			throw new InvalidInputException("file", "import.file.oldExcel");
		}
		if (magic != FileMagic.OOXML) {
			throw new InvalidInputException("file", "import.file.notExcel");
		}
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new InvalidInputException("file", "import.file.noSheet");
			}
			Sheet sheet = workbook.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new InvalidInputException("file", "import.file.tooManyRows", MAX_ROWS);
			}
			DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
			Row headerRow = sheet.getRow(sheet.getFirstRowNum());
			if (headerRow == null || !matches(cells(headerRow, header.size(), formatter), header)) {
				throw new InvalidInputException("file", "import.file.header", String.join(" | ", header));
			}
			List<Line> lines = new ArrayList<>();
			for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Line line = new Line(r + 1, cells(row, header.size(), formatter));
				if (!line.isBlank()) {
					lines.add(line);
				}
			}
			if (lines.isEmpty()) {
				throw new InvalidInputException("file", "import.file.noRows");
			}
			return lines;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("file", "import.file.unreadable");
		}
	}

	private static List<String> cells(Row row, int count, DataFormatter formatter) {
		List<String> cells = new ArrayList<>(count);
		for (int c = 0; c < count; c++) {
			cells.add(text(row.getCell(c), formatter));
		}
		return cells;
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
				&& org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);
		}
		return formatter.formatCellValue(cell).strip();
	}

	/** A header matches when each expected title is present, ignoring the required-marker '*' and spaces. */
	private static boolean matches(List<String> actual, List<String> expected) {
		for (int i = 0; i < expected.size(); i++) {
			if (!normalise(actual.get(i)).equals(normalise(expected.get(i)))) {
				return false;
			}
		}
		return true;
	}

	private static String normalise(String title) {
		return title.replace("*", "").replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
	}
}

package org.chuangwen.criteria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameworkWorkbookTests {

	private static final List<PointType> POINT_TYPES = List.of(new PointType("P05", "公交站点", "bus stop", 5),
			new PointType("P06", "公交车", "bus", 6), new PointType("P08", "室外公共厕所", "outdoor public toilet", 8));

	private static FrameworkWorkbook.Parsed read(byte[] bytes) {
		return FrameworkWorkbook.read(new ByteArrayInputStream(bytes), bytes.length, POINT_TYPES);
	}

	private static FrameworkImportException.Reason refusal(byte[] bytes) {
		try {
			read(bytes);
		}
		catch (FrameworkImportException ex) {
			return ex.reason();
		}
		throw new AssertionError("not refused");
	}

	@Test
	void theTemplateReadsBackWithoutErrors() {
		FrameworkWorkbook.Parsed parsed = read(FrameworkWorkbook.template(POINT_TYPES));

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.draft().nodes()).hasSize(5);
		assertThat(parsed.draft().negativeItems()).singleElement()
			.satisfies(i -> assertThat(i.effect()).isEqualTo(NegativeEffect.VETO));
	}

	@Test
	void refusesContentThatIsNotAnXlsxWorkbookWhateverItsName() throws Exception {
		assertThat(refusal("层级,编码\n1,A\n".getBytes())).isEqualTo(FrameworkImportException.Reason.NOT_EXCEL);
		assertThat(refusal("%PDF-1.7 ...".getBytes())).isEqualTo(FrameworkImportException.Reason.NOT_EXCEL);
		try (HSSFWorkbook xls = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			xls.createSheet("测评体系");
			xls.write(out);
			assertThat(refusal(out.toByteArray())).isEqualTo(FrameworkImportException.Reason.LEGACY_EXCEL);
		}
		byte[] damaged = { 'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		assertThat(refusal(damaged)).isEqualTo(FrameworkImportException.Reason.UNREADABLE);
	}

	@Test
	void refusesAFileOverTheSizeOrRowLimit() throws Exception {
		assertThatThrownBy(() -> FrameworkWorkbook.read(new ByteArrayInputStream(new byte[0]),
				FrameworkWorkbook.MAX_BYTES + 1, POINT_TYPES))
			.isInstanceOfSatisfying(FrameworkImportException.class,
					ex -> assertThat(ex.reason()).isEqualTo(FrameworkImportException.Reason.TOO_LARGE));
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("测评体系");
			sheet.createRow(0).createCell(0).setCellValue("层级");
			sheet.createRow(FrameworkWorkbook.MAX_ROWS + 1).createCell(0).setCellValue("Ⅰ");
			workbook.write(out);
			assertThat(refusal(out.toByteArray())).isEqualTo(FrameworkImportException.Reason.TOO_LARGE);
		}
	}

	@Test
	void refusesAZipBombBeforePoiInflatesIt() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i <= FrameworkWorkbook.MAX_INFLATED_BYTES / zeros.length; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(out.size()).isLessThan((int) FrameworkWorkbook.MAX_BYTES);

		assertThat(refusal(out.toByteArray())).isEqualTo(FrameworkImportException.Reason.TOO_LARGE);
	}

	@Test
	void readsLevelsAsNumbersAndPointTypesByCodeOrChineseName() throws Exception {
		byte[] bytes = sheet(new Object[][] { { 1, "A", "", "项目", 10 }, { 2, "B", "A", "指标", 10 },
				{ 3, "C", "B", "内容", 10 }, { "S", "C-1", "C", "标准", null, "实地考察;材料审核", "P05、公交车；室外公共厕所" } });

		FrameworkWorkbook.Parsed parsed = read(bytes);

		assertThat(parsed.errors()).isEmpty();
		FrameworkDraft.Node standard = parsed.draft().nodes().get(3);
		assertThat(standard.level()).isEqualTo(CriterionLevel.STANDARD);
		assertThat(standard.methods()).containsExactly(AssessmentMethod.FIELD, AssessmentMethod.MATERIAL);
		assertThat(standard.pointTypes()).containsExactly("P05", "P06", "P08");
		assertThat(parsed.draft().nodes().get(0).maxScore()).isEqualByComparingTo("10");
	}

	@Test
	void reportsAnEmptyNameAnOverLongTextAndAWrongLevelUnderItsParent() throws Exception {
		byte[] bytes = sheet(new Object[][] { { "Ⅰ", "A", "", "项目" }, { "Ⅲ", "B", "A", "错层" }, { "Ⅱ", "C", "A", "" },
				{ "Ⅱ", "D", "A", "长".repeat(201) }, { "X", "E", "A", "未知层级" } });

		List<ImportError> errors = read(bytes).errors();

		assertThat(errors).extracting(ImportError::row).containsExactly(3, 4, 5, 6);
		assertThat(errors).extracting(ImportError::messageKey)
			.containsExactly("criteria.import.wrongLevel", "criteria.import.nameRequired", "criteria.import.tooLong",
					"criteria.import.unknownLevel");
	}

	private static byte[] sheet(Object[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("测评体系");
			Row header = sheet.createRow(0);
			String[] columns = { "层级", "编码", "上级编码", "名称或标准内容", "分值", "测评方法", "适用点位类型", "变化标记", "排序" };
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(columns[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					if (value instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (value != null && !value.toString().isEmpty()) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}

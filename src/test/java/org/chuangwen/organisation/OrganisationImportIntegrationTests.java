package org.chuangwen.organisation;

import java.nio.charset.StandardCharsets;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.demo.DemoCity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ChuangwenIntegrationTest
class OrganisationImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	private String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	private long units(String codePrefix) {
		return jdbc.sql("select count(*) from unit where code like :p").param("p", codePrefix + "%").query(Long.class).single();
	}

	@Test
	void anImportWithBadRowsReportsEveryRowAndImportsNothing() throws Exception {
		byte[] file = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.UNIT_HEADER.toArray(String[]::new),
				new String[] { "IMP-A-1", "导入单位一", "DEPARTMENT", DemoCity.DISTRICT_EAST, "", "", "" },
				new String[] { "IMP-A-2", "", "学校", "NO-SUCH-CODE", "", "", "" },
				new String[] { "IMP-A-1", "导入单位三", "FLYING_SAUCER", DemoCity.DISTRICT_EAST, "", "", "" },
				new String[] { DemoCity.UNIT_URBAN_MANAGEMENT, "x".repeat(101), "OTHER", DemoCity.CITY, "IMP-A-9", "", "" },
				new String[] { "IMP-A-5", "导入单位五", "企业", DemoCity.DISTRICT_EAST, "IMP-A-1", "0571-1234", "" });
		mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", "units.xlsx", null, file))
			.header("Authorization", bearer("office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.row == 3)]", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.row == 4)]", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.row == 5)]", hasSize(3)))
			.andExpect(jsonPath("$.errors[?(@.row == 2)]", hasSize(0)))
			.andExpect(jsonPath("$.errors[?(@.row == 6)]", hasSize(0)))
			.andExpect(jsonPath("$.errors[0].field").exists())
			.andExpect(jsonPath("$.errors[0].message").exists());
		assertThat(units("IMP-A-")).isZero();
	}

	@Test
	void aGoodFileIsImportedInFullAndAudited() throws Exception {
		byte[] file = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.UNIT_HEADER.toArray(String[]::new),
				new String[] { "IMP-B-1", "导入单位甲", "DEPARTMENT", DemoCity.DISTRICT_EAST, "", "", "" },
				new String[] { "IMP-B-2", "导入单位乙", "物业公司", DemoCity.STREET_EAST_1, "IMP-B-1", "", "人民路 1 号" });
		mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", "units.xlsx", null, file))
			.header("Authorization", bearer("district_office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2));
		assertThat(units("IMP-B-")).isEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from audit_event e join unit u on e.object_id = u.id::text
				where u.code like 'IMP-B-%' and e.action = 'unit.imported'
				""").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aDistrictOfficeCannotImportIntoAnotherDistrict() throws Exception {
		byte[] file = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.UNIT_HEADER.toArray(String[]::new),
				new String[] { "IMP-C-1", "西山单位", "DEPARTMENT", DemoCity.DISTRICT_WEST, "", "", "" });
		mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", "units.xlsx", null, file))
			.header("Authorization", bearer("district_office")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].field").value("jurisdictionCode"));
		assertThat(units("IMP-C-")).isZero();
	}

	@Test
	void peopleImportChecksUnitsAndMobiles() throws Exception {
		String takenMobile = jdbc.sql("select mobile from person where mobile is not null order by mobile limit 1").query(String.class).single();
		byte[] file = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.PERSON_HEADER.toArray(String[]::new),
				new String[] { "张三", DemoCity.UNIT_URBAN_MANAGEMENT, "科员", "13900000001", "" },
				new String[] { "李四", "U-NOPE", "科员", "1390000", "" },
				new String[] { "", DemoCity.UNIT_URBAN_MANAGEMENT, "", "13900000001", "" },
				new String[] { "王五", DemoCity.UNIT_URBAN_MANAGEMENT, "", takenMobile, "LJ-XX" });
		mvc.perform(multipart("/api/v1/people/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
			.header("Authorization", bearer("office"))
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.row == 3)]", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.row == 4)]", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.row == 5)]", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'unitCode')].message").value(org.hamcrest.Matchers.hasItem(containsString("U-NOPE"))));
		assertThat(jdbc.sql("select count(*) from person where mobile = '13900000001'").query(Long.class).single()).isZero();
	}

	@Test
	void aTextFileRenamedToXlsxGetsAClearMessageAndChangesNothing() throws Exception {
		byte[] csv = "单位编码,单位名称\nIMP-D-1,假单位\n".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", "units.xlsx", null, csv))
			.header("Authorization", bearer("office")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(".xlsx")));
		mvc.perform(multipart("/organisation/units/import").file(new MockMultipartFile("file", "units.xlsx", null, csv))
			.with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Excel")));
		assertThat(units("IMP-D-")).isZero();
	}

	@Test
	void anOversizedFileIsRefusedWith413() throws Exception {
		byte[] big = new byte[6 * 1024 * 1024];
		big[0] = 0x50;
		big[1] = 0x4B;
		mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", "big.xlsx", null, big))
			.header("Authorization", bearer("office")))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("5")));
	}

	@Test
	void importIsTheCampaignOfficesOnly() throws Exception {
		byte[] file = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.UNIT_HEADER.toArray(String[]::new),
				new String[] { "IMP-E-1", "单位", "DEPARTMENT", DemoCity.CITY, "", "", "" });
		mvc.perform(multipart("/api/v1/units/import").file(new MockMultipartFile("file", "units.xlsx", null, file))
			.header("Authorization", bearer("leader")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theImportPageShowsEveryBadRow() throws Exception {
		byte[] file = SpreadsheetFileTests.workbook(OrganisationSpreadsheets.UNIT_HEADER.toArray(String[]::new),
				new String[] { "IMP-F-1", "", "DEPARTMENT", DemoCity.CITY, "", "", "" },
				new String[] { "IMP-F-2", "单位", "DEPARTMENT", "NOWHERE", "", "", "" });
		mvc.perform(multipart("/organisation/units/import").file(new MockMultipartFile("file", "units.xlsx", null, file))
			.with(fixtures.signedInAs("office")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-row=\"2\"")))
			.andExpect(content().string(containsString("data-row=\"3\"")))
			.andExpect(content().string(containsString("NOWHERE")));
		assertThat(units("IMP-F-")).isZero();
	}

	@Test
	void exportsAndTemplatesAreExcelFiles() throws Exception {
		for (String path : new String[] { "/organisation/units/export", "/organisation/people/export?q=%E7%8E%8B",
				"/organisation/units/import/template", "/organisation/people/import/template" }) {
			byte[] body = mvc.perform(get(path).with(fixtures.signedInAs("district_office")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", containsString("attachment")))
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(body).startsWith(0x50, 0x4B);
		}
	}
}

package org.chuangwen.system;

import java.time.LocalDate;

import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.organisation.ApiTokens;
import org.chuangwen.shared.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The working calendar's API and page: everyone signed in reads it, the system administrator and the city office edit
 * it, every edit is validated and audited, and deadlines follow an edit at once. Edits use days of 2099 so that the
 * 2026 calendar other tests compute with stays as seeded.
 */
@ChuangwenIntegrationTest
class CalendarIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	String bearer(String username) {
		return "Bearer " + tokens.issue(fixtures.actor(username).userId()).token();
	}

	long audited(String action, String day) {
		return jdbc.sql("select count(*) from audit_event where action = :a and object_type = 'calendarDay' and object_id = :d")
			.param("a", action)
			.param("d", day)
			.query(Long.class)
			.single();
	}

	long markedDays() {
		return jdbc.sql("select count(*) from calendar_day").query(Long.class).single();
	}

	@Test
	void anySignedInUserReadsTheSeeded2026Calendar() throws Exception {
		mvc.perform(get("/api/v1/calendar").param("year", "2026").header("Authorization", bearer("unit_staff")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.year").value(2026))
			.andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
			.andExpect(jsonPath("$.workingDays").value(248))
			.andExpect(jsonPath("$.hoursPerWorkingDay").value(7.5))
			.andExpect(jsonPath("$.workingHours[0].from").value("08:30"))
			.andExpect(jsonPath("$.workingDaysPerMonth[1]").value(16))
			.andExpect(jsonPath("$.days[?(@.date == '2026-02-14')].kind").value(hasItem("WORKDAY")))
			.andExpect(jsonPath("$.days[?(@.date == '2026-10-01')].name").value(hasItem("国庆节")));
		mvc.perform(get("/api/v1/calendar").param("year", "1999").header("Authorization", bearer("unit_staff")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		mvc.perform(get("/api/v1/calendar").param("year", "2026")).andExpect(status().isUnauthorized());
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
	}

	@Test
	void theSystemAdministratorMarksChangesAndUnmarksADayAuditedAndDeadlinesFollowAtOnce() throws Exception {
		LocalDate monday = LocalDate.parse("2099-03-02");
		assertThat(calendar.isWorkingDay(monday)).isTrue();
		mvc.perform(put("/api/v1/calendar/2099-03-02").header("Authorization", bearer("sysadmin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOLIDAY\", \"name\": \" 测试假日 \"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.name").value("测试假日"))
			.andExpect(jsonPath("$.dayOfWeek").value("MONDAY"));
		assertThat(calendar.isWorkingDay(monday)).isFalse();
		assertThat(audited("calendar.day.marked", "2099-03-02")).isEqualTo(1);

		mvc.perform(put("/api/v1/calendar/2099-03-02").header("Authorization", bearer("sysadmin")).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"holiday\", \"name\": \"改名假日\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));
		mvc.perform(put("/api/v1/calendar/2099-03-02").header("Authorization", bearer("sysadmin")).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOLIDAY\", \"name\": \"过时的修改\"}"))
			.andExpect(status().isConflict());
		assertThat(audited("calendar.day.changed", "2099-03-02")).isEqualTo(1);
		assertThat(calendar.day(monday).orElseThrow().name()).isEqualTo("改名假日");

		mvc.perform(delete("/api/v1/calendar/2099-03-02").header("Authorization", bearer("sysadmin")).header("If-Match", "\"1\""))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/calendar/2099-03-02").header("Authorization", bearer("sysadmin")))
			.andExpect(status().isNotFound());
		assertThat(audited("calendar.day.unmarked", "2099-03-02")).isEqualTo(1);
		assertThat(calendar.isWorkingDay(monday)).isTrue();
	}

	@Test
	void badInputIsRefusedInChineseAndChangesNothing() throws Exception {
		long before = markedDays();
		mvc.perform(put("/api/v1/calendar/2099-03-03").header("Authorization", bearer("sysadmin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"WORKDAY\", \"name\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'kind')].message").value(hasItem("调休上班日必须是周六或周日（周一至周五本来就是工作日）。")))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(hasItem(containsString("必填"))));
		mvc.perform(put("/api/v1/calendar/2099-03-03").header("Authorization", bearer("sysadmin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOLIDAY\", \"name\": \"" + "长".repeat(51) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		mvc.perform(put("/api/v1/calendar/2099-02-30").header("Authorization", bearer("sysadmin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOLIDAY\", \"name\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("日期格式不正确")));
		mvc.perform(put("/api/v1/calendar/2101-01-01").header("Authorization", bearer("sysadmin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"HOLIDAY\", \"name\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("day"));
		mvc.perform(put("/api/v1/calendar/2099-03-07").header("Authorization", bearer("sysadmin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"MAYBE\", \"name\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(put("/api/v1/calendar/2099-03-03").header("Authorization", bearer("sysadmin")).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"WORKDAY\", \"name\": \"x\"}"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Saturday or a Sunday")));
		assertThat(markedDays()).isEqualTo(before);
	}

	@Test
	void onlyTheSystemAdministratorAndTheCityOfficeMayEdit() throws Exception {
		String body = "{\"kind\": \"WORKDAY\", \"name\": \"调休上班\"}";
		for (String username : new String[] { "unit_admin", "leader", "inspector", "secadmin", "auditor" }) {
			mvc.perform(put("/api/v1/calendar/2099-03-07").header("Authorization", bearer(username))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		}
		mvc.perform(put("/api/v1/calendar/2099-03-07").header("Authorization", bearer("district_office"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("市创文办")));
		assertThat(calendar.day(LocalDate.parse("2099-03-07"))).isEmpty();
		mvc.perform(put("/api/v1/calendar/2099-03-07").header("Authorization", bearer("office"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
		assertThat(calendar.isWorkingDay(LocalDate.parse("2099-03-07"))).isTrue(); // a Saturday, now worked
		mvc.perform(delete("/api/v1/calendar/2099-03-07").header("Authorization", bearer("unit_admin")))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/calendar/2099-03-07").header("Authorization", bearer("office")))
			.andExpect(status().isNoContent());
		assertThat(calendar.isWorkingDay(LocalDate.parse("2099-03-07"))).isFalse();
	}

	@Test
	void thePageShowsTheYearAndLetsTheOfficeEditIt() throws Exception {
		mvc.perform(get("/admin/calendar").param("year", "2026").with(fixtures.signedInAs("office")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026 年工作日历")))
			.andExpect(content().string(containsString("春节调休上班")))
			.andExpect(content().string(containsString("全年 248 个工作日")))
			.andExpect(content().string(containsString("添加节假日或调休上班日")));
		mvc.perform(get("/admin/calendar").param("year", "2026").with(fixtures.signedInAs("unit_staff")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("国庆节")))
			.andExpect(content().string(not(containsString("添加节假日或调休上班日"))));
		mvc.perform(get("/admin/calendar").param("year", "1800").with(fixtures.signedInAs("office")))
			.andExpect(status().isBadRequest());

		// refused: an adjusted working day on a Tuesday, no name — shown on the form, nothing saved
		mvc.perform(post("/admin/calendar/days").with(fixtures.signedInAs("office")).with(csrf())
			.param("date", "2099-03-03").param("kind", "WORKDAY").param("name", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("调休上班日必须是周六或周日")))
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(calendar.day(LocalDate.parse("2099-03-03"))).isEmpty();

		mvc.perform(post("/admin/calendar/days").with(fixtures.signedInAs("office")).with(csrf())
			.param("date", "2099-03-03").param("kind", "HOLIDAY").param("name", "页面假日"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/calendar?year=2099*"));
		assertThat(audited("calendar.day.marked", "2099-03-03")).isEqualTo(1);
		mvc.perform(get("/admin/calendar").param("year", "2099").param("edit", "2099-03-03").with(fixtures.signedInAs("office")))
			.andExpect(content().string(containsString("value=\"页面假日\"")))
			.andExpect(content().string(containsString("修改日期")))
			.andExpect(content().string(containsString("设置节假日/调休")));

		mvc.perform(post("/admin/calendar/days").with(fixtures.signedInAs("unit_staff")).with(csrf())
			.param("date", "2099-03-04").param("kind", "HOLIDAY").param("name", "不该保存"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/calendar/days/2099-03-03/delete").with(fixtures.signedInAs("district_office")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/calendar/days/2099-03-03/delete").with(fixtures.signedInAs("sysadmin")).with(csrf())
			.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(calendar.day(LocalDate.parse("2099-03-03"))).isEmpty();
		assertThat(audited("calendar.day.unmarked", "2099-03-03")).isEqualTo(1);
	}

	@Test
	void theCalendarIsLinkedFromTheHomePagesOfItsEditors() throws Exception {
		mvc.perform(get("/").with(fixtures.signedInAs("sysadmin"))).andExpect(content().string(containsString("/admin/calendar")));
		mvc.perform(get("/").with(fixtures.signedInAs("office"))).andExpect(content().string(containsString("/admin/calendar")));
		mvc.perform(get("/").with(fixtures.signedInAs("unit_staff")))
			.andExpect(content().string(not(containsString("/admin/calendar"))));
	}
}

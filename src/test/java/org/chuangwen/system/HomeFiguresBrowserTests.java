package org.chuangwen.system;

import java.util.Map;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.chuangwen.escalation.NoticeDirectory;
import org.chuangwen.escalation.NoticeFilter;
import org.chuangwen.escalation.NoticeState;
import org.chuangwen.organisation.Actor;
import org.chuangwen.points.PointDirectory;
import org.chuangwen.problems.ProblemDirectory;
import org.chuangwen.problems.ProblemFigures;
import org.chuangwen.problems.ProblemFilter;
import org.chuangwen.problems.ProblemStatus;
import org.chuangwen.shared.PageRequest;
import org.chuangwen.tasks.TaskCount;
import org.chuangwen.tasks.TaskDirectory;
import org.chuangwen.tasks.TaskFilter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page in a real browser at phone width, per role: every panel shows real figures (loaded as fragments from
 * the modules that own them) equal to what those modules' directories say for the same account, and no placeholder
 * text remains.
 */
@ChuangwenIntegrationTest
class HomeFiguresBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProblemDirectory problems;

	@Autowired
	ProblemFigures problemFigures;

	@Autowired
	TaskDirectory tasks;

	@Autowired
	NoticeDirectory notices;

	@Autowired
	PointDirectory points;

	/** Signs in at 390 px, waits for the figure blocks and answers figure key → shown value, per block id. */
	private String figure(BrowserTestSupport browser, String block, String key) {
		browser.visible(By.id(block));
		return browser.driver()
			.findElement(By.cssSelector("#" + block + " [data-figure='" + key + "'] .badge"))
			.getText()
			.strip();
	}

	private BrowserTestSupport phone(String username) {
		BrowserTestSupport browser = BrowserTestSupport.chromium(port);
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.signIn(username, Fixtures.PASSWORD);
		return browser;
	}

	private static void noPlaceholders(BrowserTestSupport browser) {
		browser.wait(d -> d.findElements(By.cssSelector(".cw-figures-loading")).isEmpty());
		String text = browser.driver().findElement(By.tagName("main")).getText();
		assertThat(text).doesNotContain("这里将显示").doesNotContain("正在加载").doesNotContain("暂时无法加载");
		// the page fits a phone: nothing wider than the window
		Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).isLessThanOrEqualTo(0L);
	}

	@Test
	void theOfficeSeesProblemsToRegisterAndDispatchOverdueNoticesAndReports() {
		Actor office = fixtures.actor("office");
		Map<ProblemStatus, Long> counts = problems.countsByStatus(office, ProblemFilter.none());
		TaskCount totals = tasks.totals(office, new TaskFilter(null, null, null, null, null, null));
		long open = notices.notices(office, new NoticeFilter(null, null, null, NoticeState.ISSUED, null), PageRequest.of(0, 1)).total();
		try (BrowserTestSupport browser = phone("office")) {
			assertThat(figure(browser, "figures-problems-OFFICE_ADMIN", "toRegister"))
				.isEqualTo(String.valueOf(counts.get(ProblemStatus.REPORTED)));
			assertThat(figure(browser, "figures-problems-OFFICE_ADMIN", "toDispatch"))
				.isEqualTo(String.valueOf(counts.get(ProblemStatus.REGISTERED)));
			assertThat(figure(browser, "figures-problems-OFFICE_ADMIN", "overdue"))
				.isEqualTo(String.valueOf(problems.countOverdue(office)));
			assertThat(figure(browser, "figures-notices-OFFICE_ADMIN", "open")).isEqualTo(String.valueOf(open));
			assertThat(figure(browser, "figures-tasks-OFFICE_ADMIN", "tasksToAccept"))
				.isEqualTo(String.valueOf(totals.submitted()));
			// the demo city has one unit missing last week's report (see the weekly-report demo)
			assertThat(Long.parseLong(figure(browser, "figures-tasks-OFFICE_ADMIN", "reportsMissing"))).isGreaterThanOrEqualTo(1);
			assertThat(figure(browser, "figures-tasks-OFFICE_ADMIN", "reportsSubmitted")).matches("\\d+ / \\d+");
			noPlaceholders(browser);
			// a figure leads to the list behind it
			browser.click(By.cssSelector("#figures-problems-OFFICE_ADMIN [data-figure='toDispatch'] a"));
			browser.wait(d -> d.getCurrentUrl().contains("/problems/board?status=REGISTERED"));
		}
	}

	@Test
	void theLeaderSeesSummaryFigures() {
		Actor leader = fixtures.actor("leader");
		Map<ProblemStatus, Long> counts = problems.countsByStatus(leader, ProblemFilter.none());
		try (BrowserTestSupport browser = phone("leader")) {
			assertThat(figure(browser, "figures-problems-LEADER", "closed"))
				.isEqualTo(String.valueOf(counts.get(ProblemStatus.CLOSED)));
			assertThat(figure(browser, "figures-problems-LEADER", "overdue")).isEqualTo(String.valueOf(problems.countOverdue(leader)));
			assertThat(figure(browser, "figures-problems-LEADER", "closedShare")).endsWith("%");
			assertThat(figure(browser, "figures-tasks-LEADER", "reportsLast")).contains("按时").contains("未交");
			assertThat(figure(browser, "figures-tasks-LEADER", "tasksAccepted")).contains("%");
			browser.visible(By.id("figures-notices-LEADER"));
			noPlaceholders(browser);
		}
	}

	@Test
	void aUnitSeesItsProblemsTasksReportAndNotices() {
		Actor unit = fixtures.actor("unit_admin");
		Map<ProblemStatus, Long> counts = problems.countsByStatus(unit, ProblemFilter.none());
		try (BrowserTestSupport browser = phone("unit_admin")) {
			assertThat(figure(browser, "figures-problems-UNIT_ADMIN", "overdue")).isEqualTo(String.valueOf(problems.countOverdue(unit)));
			assertThat(figure(browser, "figures-problems-UNIT_ADMIN", "toClaim"))
				.isEqualTo(String.valueOf(counts.get(ProblemStatus.DISPATCHED)));
			assertThat(Long.parseLong(figure(browser, "figures-problems-UNIT_ADMIN", "dueToday"))).isGreaterThanOrEqualTo(0);
			assertThat(figure(browser, "figures-tasks-UNIT_ADMIN", "report")).isNotBlank();
			assertThat(figure(browser, "figures-points-UNIT_ADMIN", "active"))
				.isEqualTo(String.valueOf(points.figures(unit).active()));
			browser.visible(By.id("figures-notices-UNIT_ADMIN"));
			noPlaceholders(browser);
		}
	}

	@Test
	void inspectorsAndGridWorkersSeeTheirOwnReports() {
		for (String username : new String[] { "inspector", "grid_worker" }) {
			Actor actor = fixtures.actor(username);
			Map<ProblemStatus, Long> mine = problemFigures.reportedBy(actor);
			long total = mine.values().stream().mapToLong(Long::longValue).sum() - mine.get(ProblemStatus.MERGED);
			String role = username.equals("inspector") ? "INSPECTOR" : "GRID_WORKER";
			try (BrowserTestSupport browser = phone(username)) {
				assertThat(figure(browser, "figures-problems-" + role, "mine")).isEqualTo(String.valueOf(total));
				assertThat(figure(browser, "figures-problems-" + role, "mineClosed"))
					.isEqualTo(String.valueOf(mine.get(ProblemStatus.CLOSED)));
				browser.visible(By.id("figures-points-" + role));
				noPlaceholders(browser);
			}
		}
	}
}

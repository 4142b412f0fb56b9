package org.chuangwen.scoring;

import java.util.List;
import java.util.Map;

import org.chuangwen.BrowserTestSupport;
import org.chuangwen.ChuangwenIntegrationTest;
import org.chuangwen.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real browser: the office opens the rankings from the menu, switches to tiers, and downloads the Excel export. */
@ChuangwenIntegrationTest
class EvaluationBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theRankingPageRendersWithTheDemoCityAndItsExcelExportDownloads() {
		try (BrowserTestSupport office = BrowserTestSupport.chromium(port)) {
			office.signIn("office", Fixtures.PASSWORD);
			office.visible(By.linkText("考评排名")).click();
			office.visible(By.id("ranking-filter"));
			office.open("/evaluation/rankings?period=month&unitType=department");
			WebElement table = office.visible(By.id("ranking-table"));
			List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
			assertThat(rows).hasSizeGreaterThan(1);
			assertThat(rows.get(0).getAttribute("data-rank")).isEqualTo("1");
			assertThat(office.visible(By.id("ranking-headline")).getText()).contains("局委部门");

			office.open("/evaluation/rankings?period=month&unitType=department&publish=tiers");
			assertThat(office.visible(By.id("ranking-table")).findElements(By.cssSelector("tbody tr td")).get(0).getText())
				.isEqualTo("好");

			String href = office.visible(By.id("ranking-export")).getAttribute("href");
			@SuppressWarnings("unchecked")
			Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) office.driver()).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done({
					    status: r.status, type: r.headers.get('content-type'),
					    disposition: r.headers.get('content-disposition'), size: (await r.arrayBuffer()).byteLength
					})).catch(e => done({error: String(e)}));
					""", href);
			assertThat(download.get("status")).isEqualTo(200L);
			assertThat((String) download.get("type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			assertThat((String) download.get("disposition")).contains("attachment").contains(".xlsx");
			assertThat((Long) download.get("size")).isGreaterThan(1000L);

			office.open("/evaluation/flags");
			office.visible(By.id("flags-table"));
		}
	}
}

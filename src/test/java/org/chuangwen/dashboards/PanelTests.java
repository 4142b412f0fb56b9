package org.chuangwen.dashboards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every panel of the dashboard is complete: a unique slug, a fragment in templates/dashboards/panels.html, a title in
 * both languages (what a new panel, e.g. the rankings, must bring along).
 */
class PanelTests {

	static Properties bundle(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = PanelTests.class.getResourceAsStream("/" + name)) {
			p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void everyPanelHasAUniqueSlugAFragmentAndATitleInBothLanguages() throws IOException {
		assertThat(Arrays.stream(Panel.values()).map(Panel::slug).distinct().count()).isEqualTo(Panel.values().length);
		String fragments;
		try (InputStream in = PanelTests.class.getResourceAsStream("/templates/dashboards/panels.html")) {
			fragments = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Properties zh = bundle("messages-dashboards.properties");
		Properties en = bundle("messages-dashboards_en.properties");
		for (Panel p : Panel.values()) {
			assertThat(fragments).as(p.name()).contains("th:fragment=\"" + p.fragment() + "\"");
			assertThat(zh.getProperty(p.titleKey())).as(p.titleKey()).isNotBlank();
			assertThat(en.getProperty(p.titleKey())).as(p.titleKey()).isNotBlank();
			assertThat(Panel.ofSlug(p.slug())).contains(p);
		}
		assertThat(Panel.WORST_POINTS.fragment()).isEqualTo("worstPoints");
		assertThat(Panel.ofSlug("nothing")).isEmpty();
	}

	@Test
	void theChineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		assertThat(bundle("messages-dashboards.properties").keySet())
			.isEqualTo(bundle("messages-dashboards_en.properties").keySet());
	}
}

package org.chuangwen.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese and English notification bundles carry the same keys, and every ladder step has its texts. */
class NotificationBundlesTests {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = NotificationBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties zh = load("messages-notifications.properties");
		Properties en = load("messages-notifications_en.properties");
		assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
	}

	@Test
	void everyStepHasANameAndAText() throws IOException {
		Properties zh = load("messages-notifications.properties");
		for (ReminderStep step : ReminderStep.values()) {
			assertThat(zh).containsKey(step.messageKey()).containsKey("notifications.kind." + step.name());
		}
	}
}

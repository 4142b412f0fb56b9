package org.chuangwen.system;

import java.nio.file.Path;

import org.chuangwen.ChuangwenApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product on a PostgreSQL it did not start itself (CHUANGWEN_DB_URL): the same migrations run, no embedded
 * server is started, and with the demo switched off the database holds no demo city.
 */
class ExternalDatabaseIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void runsTheSameMigrationsOnAnExternalDatabaseAndLoadsNoDemoWhenSwitchedOff() {
		EmbeddedDatabase external = EmbeddedDatabase.startDurable(dataDir.resolve("external"));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChuangwenApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--CHUANGWEN_DB_URL=" + external.jdbcUrl(), "--CHUANGWEN_DB_USER=postgres",
					"--chuangwen.demo.enabled=false", "--chuangwen.data-dir=" + dataDir.resolve("unused"),
					"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--server.port=0")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_setting('port')").query(String.class).single())
				.isEqualTo(external.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
			long applied = jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single();
			long shipped = new java.io.File("src/main/resources/db/migration").list((dir, name) -> name.endsWith(".sql")).length;
			assertThat(applied).isEqualTo(shipped);
			assertThat(jdbc.sql("select count(*) from jurisdiction").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from user_account").query(Long.class).single()).isZero();
			assertThat(dataDir.resolve("unused/pg")).as("no embedded server was started").doesNotExist();
		}
		finally {
			external.stop();
		}
	}
}

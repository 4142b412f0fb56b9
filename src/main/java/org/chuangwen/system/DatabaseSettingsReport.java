package org.chuangwen.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Logs the database's durability settings at start, so an operator can see that commits reach the disk. */
@Component
@Order(0)
class DatabaseSettingsReport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DatabaseSettingsReport.class);

	private final JdbcClient jdbc;

	DatabaseSettingsReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String version = jdbc.sql("show server_version").query(String.class).single();
		String fsync = jdbc.sql("show fsync").query(String.class).single();
		String synchronousCommit = jdbc.sql("show synchronous_commit").query(String.class).single();
		String dataDirectory = jdbc.sql("select current_setting('data_directory', true)").query(String.class).optional().orElse("?");
		log.info("Database: PostgreSQL {}, data directory {}, fsync={}, synchronous_commit={}", version, dataDirectory,
				fsync, synchronousCommit);
	}
}

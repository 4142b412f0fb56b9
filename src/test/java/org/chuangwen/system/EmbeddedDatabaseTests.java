package org.chuangwen.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The product's embedded PostgreSQL: durable settings, data kept across restarts, a second user of the same data
 * directory refused, and a server left behind by a killed JVM stopped cleanly before a new start.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void runsDurablyAndKeepsDataAcrossRestarts() throws Exception {
		EmbeddedDatabase first = EmbeddedDatabase.startDurable(dataDir);
		try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
				Statement s = c.createStatement()) {
			assertThat(single(s, "show fsync")).isEqualTo("on");
			assertThat(single(s, "show synchronous_commit")).isEqualTo("on");
			s.execute("create table kept (v text)");
			s.execute("insert into kept values ('创文')");
		}
		finally {
			first.stop();
		}
		EmbeddedDatabase second = EmbeddedDatabase.startDurable(dataDir);
		try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
				Statement s = c.createStatement()) {
			assertThat(single(s, "select v from kept")).isEqualTo("创文");
		}
		finally {
			second.stop();
		}
	}

	@Test
	void refusesASecondStartOnTheSameDataDirectory() {
		EmbeddedDatabase first = EmbeddedDatabase.startDurable(dataDir);
		try {
			assertThatThrownBy(() -> EmbeddedDatabase.startDurable(dataDir))
				.isInstanceOf(DataDirectoryUnavailableException.class)
				.hasMessageContaining("another Chuangwen process is already using this data directory");
		}
		finally {
			first.stop();
		}
	}

	@Test
	void stopsAServerLeftBehindByAKilledProcessAndKeepsItsData() throws Exception {
		EmbeddedDatabase first = EmbeddedDatabase.startDurable(dataDir);
		try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "postgres", "");
				Statement s = c.createStatement()) {
			s.execute("create table kept (v text)");
			s.execute("insert into kept values ('committed before the crash')");
		}
		// what a killed JVM leaves: its file lock is gone, its PostgreSQL still runs on the data directory
		first.releaseLockOnlyAsIfKilled();
		assertThat(Files.exists(dataDir.resolve("pg/postmaster.pid"))).isTrue();

		EmbeddedDatabase second = EmbeddedDatabase.startDurable(dataDir);
		try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "postgres", "");
				Statement s = c.createStatement()) {
			assertThat(single(s, "select v from kept")).isEqualTo("committed before the crash");
		}
		finally {
			second.stop();
		}
	}

	private static String single(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}

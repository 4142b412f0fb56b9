package org.chuangwen.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String SELECT = """
			select u.*, coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') as roles
			from user_account u
			""";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql(SELECT + " where lower(u.username) = lower(:username)")
			.param("username", username)
			.query(AccountRepository::map)
			.optional();
	}

	Optional<UserAccount> findById(UUID id) {
		return jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(AccountRepository::map).optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("select count(*) from user_account where lower(username) = lower(:u)")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UserAccount account) {
		jdbc.sql("""
				insert into user_account (id, username, password_hash, display_name, person_id, unit_id, jurisdiction_id,
				    enabled, failed_attempts, locked_until, password_changed_at, must_change_password, version)
				values (:id, :username, :hash, :displayName, :personId, :unitId, :jurisdictionId, :enabled, 0, null,
				    :changedAt, :mustChange, 0)
				""")
			.param("id", account.id())
			.param("username", account.username())
			.param("hash", account.passwordHash())
			.param("displayName", account.displayName())
			.param("personId", account.personId())
			.param("unitId", account.unitId())
			.param("jurisdictionId", account.jurisdictionId())
			.param("enabled", account.enabled())
			.param("changedAt", utc(account.passwordChangedAt()))
			.param("mustChange", account.mustChangePassword())
			.update();
		replaceRoles(account.id(), account.roles());
	}

	void replaceRoles(UUID userId, Set<Role> roles) {
		jdbc.sql("delete from user_role where user_id = :id").param("id", userId).update();
		for (Role role : roles) {
			jdbc.sql("insert into user_role (user_id, role) values (:id, :role)")
				.param("id", userId)
				.param("role", role.name())
				.update();
		}
	}

	/** Counts a failed login and locks the account when the policy's limit is reached; returns the new count. */
	int recordFailure(UUID userId, int maxAttempts, Instant lockUntil) {
		return jdbc.sql("""
				update user_account
				set failed_attempts = failed_attempts + 1,
				    locked_until = case when failed_attempts + 1 >= :max then :lockUntil else locked_until end
				where id = :id
				returning failed_attempts
				""")
			.param("id", userId)
			.param("max", maxAttempts)
			.param("lockUntil", utc(lockUntil))
			.query(Integer.class)
			.single();
	}

	void recordSuccess(UUID userId, Instant at) {
		jdbc.sql("update user_account set failed_attempts = 0, locked_until = null, last_login_at = :at where id = :id")
			.param("id", userId)
			.param("at", utc(at))
			.update();
	}

	void updatePassword(UUID userId, String hash, Instant at, boolean mustChange) {
		jdbc.sql("""
				update user_account set password_hash = :hash, password_changed_at = :at, must_change_password = :must,
				    failed_attempts = 0, locked_until = null, version = version + 1
				where id = :id
				""")
			.param("id", userId)
			.param("hash", hash)
			.param("at", utc(at))
			.param("must", mustChange)
			.update();
	}

	PasswordPolicy policy() {
		return jdbc.sql("select * from password_policy where id = 1")
			.query((rs, n) -> new PasswordPolicy(rs.getInt("min_length"), rs.getInt("min_character_classes"),
					rs.getInt("max_age_days"), rs.getInt("max_failed_attempts"), rs.getInt("lockout_minutes"),
					rs.getInt("version")))
			.single();
	}

	Optional<String> jurisdictionPath(UUID jurisdictionId) {
		return jdbc.sql("select path from jurisdiction where id = :id").param("id", jurisdictionId).query(String.class).optional();
	}

	Optional<String> unitJurisdictionPath(UUID unitId) {
		return jdbc.sql("select j.path from unit u join jurisdiction j on j.id = u.jurisdiction_id where u.id = :id")
			.param("id", unitId)
			.query(String.class)
			.optional();
	}

	List<UserAccount> all() {
		return jdbc.sql(SELECT + " order by u.username").query(AccountRepository::map).list();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		String roles = rs.getString("roles");
		Set<Role> parsed = roles.isEmpty() ? EnumSet.noneOf(Role.class)
				: Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), rs.getObject("person_id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getObject("jurisdiction_id", UUID.class), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
				instant(rs, "locked_until"), instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"),
				instant(rs, "last_login_at"), rs.getInt("version"), parsed);
	}
}

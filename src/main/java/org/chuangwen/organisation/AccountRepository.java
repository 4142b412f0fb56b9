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

import org.chuangwen.shared.Page;
import org.chuangwen.shared.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String SELECT = """
			select u.*, coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') as roles
			from user_account u
			""";

	/** What the administration pages and the API show of an account: never the password hash. */
	private static final String PROFILE_SELECT = """
			select u.id, u.username, u.display_name, u.unit_id, un.code as unit_code, un.name as unit_name,
			       u.jurisdiction_id, j.code as jurisdiction_code, j.name as jurisdiction_name, j.level as jurisdiction_level,
			       coalesce(j.path, uj.path) as scope_path,
			       u.enabled, u.failed_attempts, u.locked_until, u.password_changed_at, u.must_change_password,
			       u.last_login_at, u.created_at, u.version,
			       coalesce((select string_agg(r.role, ',' order by r.role) from user_role r where r.user_id = u.id), '') as roles
			""";

	private static final String PROFILE_FROM = """
			from user_account u
			left join unit un on un.id = u.unit_id
			left join jurisdiction uj on uj.id = un.jurisdiction_id
			left join jurisdiction j on j.id = u.jurisdiction_id
			""";

	/**
	 * The filters of the user list. An office admin's scope: every binding the account has (its unit's jurisdiction,
	 * its own jurisdiction) lies inside the scope path.
	 */
	private static final String PROFILE_WHERE = """
			where (cast(:text as text) is null or u.username ilike :text or u.display_name ilike :text)
			  and (cast(:role as text) is null or exists (select 1 from user_role r where r.user_id = u.id and r.role = :role))
			  and (cast(:unitId as uuid) is null or u.unit_id = :unitId)
			  and (cast(:jurisdictionId as uuid) is null or u.jurisdiction_id = :jurisdictionId or un.jurisdiction_id = :jurisdictionId)
			  and (cast(:scope as text) is null
			       or ((u.jurisdiction_id is null or j.path like :scope) and (u.unit_id is null or uj.path like :scope)))
			  and (not :businessOnly or not exists (select 1 from user_role r where r.user_id = u.id
			       and r.role in ('SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN')))
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

	/**
	 * Counts a failed login and locks the account when the policy's limit is reached; returns the new count. After a
	 * lock-out has run out, counting starts again from one.
	 */
	int recordFailure(UUID userId, int maxAttempts, Instant now, Instant lockUntil) {
		return jdbc.sql("""
				update user_account
				set failed_attempts = case when locked_until is not null and locked_until <= :now then 1
				                           else failed_attempts + 1 end,
				    locked_until = case
				        when locked_until is not null and locked_until <= :now then null
				        when failed_attempts + 1 >= :max then :lockUntil
				        else locked_until end
				where id = :id
				returning failed_attempts
				""")
			.param("id", userId)
			.param("max", maxAttempts)
			.param("now", utc(now))
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

	/** One page of accounts matching a query inside an optional jurisdiction path (null: everywhere). */
	Page<UserProfile> search(UserQuery query, String scopePath, boolean businessOnly, PageRequest page) {
		long total = filtered("select count(*) " + PROFILE_FROM + PROFILE_WHERE, query, scopePath, businessOnly)
			.query(Long.class)
			.single();
		List<UserProfile> items = filtered(PROFILE_SELECT + PROFILE_FROM + PROFILE_WHERE
				+ " order by lower(u.username) limit :limit offset :offset", query, scopePath, businessOnly)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AccountRepository::profile)
			.list();
		return Page.of(items, page, total);
	}

	private JdbcClient.StatementSpec filtered(String sql, UserQuery query, String scopePath, boolean businessOnly) {
		return jdbc.sql(sql)
			.param("text", pattern(query.text()))
			.param("role", query.role() == null ? null : query.role().name())
			.param("unitId", query.unitId())
			.param("jurisdictionId", query.jurisdictionId())
			.param("scope", scopePath == null ? null : scopePath + "%")
			.param("businessOnly", businessOnly);
	}

	Optional<UserProfile> profile(UUID id) {
		return jdbc.sql(PROFILE_SELECT + PROFILE_FROM + " where u.id = :id")
			.param("id", id)
			.query(AccountRepository::profile)
			.optional();
	}

	/** Changes name and binding if the version still matches; false when someone changed the account meanwhile. */
	boolean updateProfile(UUID id, int version, String displayName, UUID unitId, UUID jurisdictionId) {
		return jdbc.sql("""
				update user_account set display_name = :displayName, unit_id = :unitId, jurisdiction_id = :jurisdictionId,
				    version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", version)
			.param("displayName", displayName)
			.param("unitId", unitId)
			.param("jurisdictionId", jurisdictionId)
			.update() == 1;
	}

	/** Bumps the version (a change of roles changes the account); false when the version is stale. */
	boolean touch(UUID id, int version) {
		return jdbc.sql("update user_account set version = version + 1 where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	boolean setEnabled(UUID id, int version, boolean enabled) {
		return jdbc.sql("update user_account set enabled = :enabled, version = version + 1 where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.param("enabled", enabled)
			.update() == 1;
	}

	boolean unlock(UUID id, int version) {
		return jdbc.sql("""
				update user_account set failed_attempts = 0, locked_until = null, version = version + 1
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Revokes every API token of an account (disabled, password reset). */
	int revokeTokens(UUID userId) {
		return jdbc.sql("update api_token set revoked = true where user_id = :id and not revoked").param("id", userId).update();
	}

	boolean updatePolicy(PasswordPolicy policy) {
		return jdbc.sql("""
				update password_policy set min_length = :minLength, min_character_classes = :classes,
				    max_age_days = :maxAge, max_failed_attempts = :maxFailed, lockout_minutes = :lockout,
				    version = version + 1
				where id = 1 and version = :version
				""")
			.param("minLength", policy.minLength())
			.param("classes", policy.minCharacterClasses())
			.param("maxAge", policy.maxAgeDays())
			.param("maxFailed", policy.maxFailedAttempts())
			.param("lockout", policy.lockoutMinutes())
			.param("version", policy.version())
			.update() == 1;
	}

	/** Active units for a select box: matching a text, inside a jurisdiction path (null: everywhere), by name. */
	List<UserAccounts.Choice> unitChoices(String scopePath, String text, int limit) {
		return jdbc.sql("""
				select u.id, u.code, u.name, j.name as detail
				from unit u join jurisdiction j on j.id = u.jurisdiction_id
				where u.active
				  and (cast(:scope as text) is null or j.path like :scope)
				  and (cast(:text as text) is null or u.name ilike :text or u.code ilike :text)
				order by u.name, u.code limit :limit
				""")
			.param("scope", scopePath == null ? null : scopePath + "%")
			.param("text", pattern(text))
			.param("limit", limit)
			.query(AccountRepository::choice)
			.list();
	}

	/** Jurisdictions for a select box: matching a text, inside a path (null: everywhere), upper levels first. */
	List<UserAccounts.Choice> jurisdictionChoices(String scopePath, String text, int limit) {
		return jdbc.sql("""
				select j.id, j.code, j.name, j.level as detail
				from jurisdiction j
				where (cast(:scope as text) is null or j.path like :scope)
				  and (cast(:text as text) is null or j.name ilike :text or j.code ilike :text)
				order by array_position(array['PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'GRID'], j.level),
				         j.sort_order, j.code
				limit :limit
				""")
			.param("scope", scopePath == null ? null : scopePath + "%")
			.param("text", pattern(text))
			.param("limit", limit)
			.query(AccountRepository::choice)
			.list();
	}

	Optional<UserAccounts.Choice> unitChoice(UUID id) {
		return jdbc.sql("select u.id, u.code, u.name, j.name as detail from unit u join jurisdiction j on j.id = u.jurisdiction_id where u.id = :id")
			.param("id", id)
			.query(AccountRepository::choice)
			.optional();
	}

	Optional<UserAccounts.Choice> jurisdictionChoice(UUID id) {
		return jdbc.sql("select j.id, j.code, j.name, j.level as detail from jurisdiction j where j.id = :id")
			.param("id", id)
			.query(AccountRepository::choice)
			.optional();
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

	List<UUID> enabledAccountsOfPerson(UUID personId) {
		return jdbc.sql("select id from user_account where person_id = :person and enabled order by username")
			.param("person", personId)
			.query(UUID.class)
			.list();
	}

	List<UUID> enabledAccountsOfUnitWithRole(UUID unitId, Role role) {
		return jdbc.sql("""
				select a.id from user_account a join user_role r on r.user_id = a.id and r.role = :role
				where a.unit_id = :unit and a.enabled
				order by a.username
				""")
			.param("unit", unitId)
			.param("role", role.name())
			.query(UUID.class)
			.list();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** A LIKE pattern matching the text anywhere, its wildcards escaped; null for no text. */
	private static String pattern(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static Set<Role> roles(String roles) {
		return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class)
				: Arrays.stream(roles.split(","))
					.map(Role::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	private static UserAccounts.Choice choice(ResultSet rs, int row) throws SQLException {
		return new UserAccounts.Choice(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("detail"));
	}

	private static UserProfile profile(ResultSet rs, int row) throws SQLException {
		String level = rs.getString("jurisdiction_level");
		return new UserProfile(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				roles(rs.getString("roles")), rs.getObject("unit_id", UUID.class), rs.getString("unit_code"),
				rs.getString("unit_name"), rs.getObject("jurisdiction_id", UUID.class), rs.getString("jurisdiction_code"),
				rs.getString("jurisdiction_name"), level == null ? null : JurisdictionLevel.valueOf(level),
				rs.getString("scope_path"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
				instant(rs, "locked_until"), instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"),
				instant(rs, "last_login_at"), instant(rs, "created_at"), rs.getInt("version"));
	}

	private static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("display_name"), rs.getObject("person_id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getObject("jurisdiction_id", UUID.class), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
				instant(rs, "locked_until"), instant(rs, "password_changed_at"), rs.getBoolean("must_change_password"),
				instant(rs, "last_login_at"), rs.getInt("version"), roles(rs.getString("roles")));
	}
}

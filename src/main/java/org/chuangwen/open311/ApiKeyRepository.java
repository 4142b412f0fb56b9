package org.chuangwen.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.at;
import static org.chuangwen.shared.SqlValues.instant;

/** The API keys (V151 {@code open311_api_key}). */
@Repository
class ApiKeyRepository {

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ApiKey k, String hash, String jurisdictionPath) {
		jdbc.sql("""
				insert into open311_api_key (id, name, contact, key_prefix, key_hash, jurisdiction_id, jurisdiction_path,
				                             issued_at, issued_by)
				values (:id, :name, :contact, :prefix, :hash, :jurisdiction, :path, :at, :by)
				""")
			.param("path", jurisdictionPath)
			.param("id", k.id()).param("name", k.name()).param("contact", k.contact()).param("prefix", k.prefix())
			.param("hash", hash).param("jurisdiction", k.jurisdictionId()).param("at", at(k.issuedAt()))
			.param("by", k.issuedBy())
			.update();
	}

	Optional<ApiKey> find(UUID id) {
		return jdbc.sql("select * from open311_api_key where id = :id").param("id", id).query(ApiKeyRepository::key).optional();
	}

	Optional<ApiKey> findByHash(String hash) {
		return jdbc.sql("select * from open311_api_key where key_hash = :hash").param("hash", hash)
			.query(ApiKeyRepository::key).optional();
	}

	/** The keys issued inside a jurisdiction subtree, newest first. */
	List<ApiKey> inside(String jurisdictionPath) {
		return jdbc.sql("select * from open311_api_key where jurisdiction_path like :path order by issued_at desc, id")
			.param("path", org.chuangwen.shared.SqlValues.escapeLike(jurisdictionPath) + "%")
			.query(ApiKeyRepository::key)
			.list();
	}

	String pathOf(UUID id) {
		return jdbc.sql("select jurisdiction_path from open311_api_key where id = :id").param("id", id).query(String.class).single();
	}

	List<ApiKey> all() {
		return jdbc.sql("select * from open311_api_key order by issued_at desc, id").query(ApiKeyRepository::key).list();
	}

	boolean revoke(UUID id, int version, Instant at, UUID by, String reason) {
		return jdbc.sql("""
				update open311_api_key set revoked_at = :at, revoked_by = :by, revoke_reason = :reason, version = version + 1
				where id = :id and version = :version and revoked_at is null
				""")
			.param("at", at(at)).param("by", by).param("reason", reason).param("id", id).param("version", version)
			.update() == 1;
	}

	void used(UUID id, Instant at) {
		jdbc.sql("update open311_api_key set last_used_at = :at where id = :id").param("at", at(at)).param("id", id).update();
	}

	static ApiKey key(ResultSet rs, int row) throws SQLException {
		return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact"),
				rs.getString("key_prefix"), rs.getObject("jurisdiction_id", UUID.class), instant(rs, "issued_at"),
				rs.getObject("issued_by", UUID.class), instant(rs, "revoked_at"), rs.getObject("revoked_by", UUID.class),
				rs.getString("revoke_reason"), instant(rs, "last_used_at"), rs.getInt("version"));
	}
}

package org.chuangwen.open311;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.chuangwen.shared.SqlValues.at;

/** Requests posted through Open311 (V151 {@code open311_request}). */
@Repository
class Open311RequestRepository {

	/** What GET answers may show of a posted request: the address and media the reporter gave (no personal data). */
	record Public(UUID problemId, String addressString, String mediaUrl) {
	}

	private final JdbcClient jdbc;

	Open311RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String token, UUID problemId, UUID keyId, Instant at, NewServiceRequest r) {
		jdbc.sql("""
				insert into open311_request (token, problem_id, api_key_id, requested_at, address_string, address_id,
				                             media_url, email, device_id, account_id, first_name, last_name, phone)
				values (:token, :problem, :key, :at, :address, :addressId, :media, :email, :device, :account, :first,
				        :last, :phone)
				""")
			.param("token", token).param("problem", problemId).param("key", keyId).param("at", at(at))
			.param("address", blankToNull(r.addressString())).param("addressId", blankToNull(r.addressId()))
			.param("media", blankToNull(r.mediaUrl())).param("email", blankToNull(r.email()))
			.param("device", blankToNull(r.deviceId())).param("account", blankToNull(r.accountId()))
			.param("first", blankToNull(r.firstName())).param("last", blankToNull(r.lastName()))
			.param("phone", blankToNull(r.phone()))
			.update();
	}

	/** Everything posted with a request, personal data included (for the campaign office). */
	Optional<PostedDetails> details(UUID problemId) {
		return jdbc.sql("""
				select r.*, k.name as app_name from open311_request r join open311_api_key k on k.id = r.api_key_id
				where r.problem_id = :problem
				""")
			.param("problem", problemId)
			.query((rs, n) -> new PostedDetails(problemId, rs.getString("app_name"), org.chuangwen.shared.SqlValues.instant(rs, "requested_at"),
					rs.getString("address_string"), rs.getString("address_id"), rs.getString("media_url"), rs.getString("email"),
					rs.getString("device_id"), rs.getString("account_id"), rs.getString("first_name"), rs.getString("last_name"),
					rs.getString("phone")))
			.optional();
	}

	Optional<UUID> problemOfToken(String token) {
		return jdbc.sql("select problem_id from open311_request where token = :token").param("token", token)
			.query(UUID.class).optional();
	}

	Map<UUID, Public> publicParts(Collection<UUID> problemIds) {
		if (problemIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select problem_id, address_string, media_url from open311_request where problem_id = any(:ids)")
			.param("ids", problemIds.toArray(UUID[]::new))
			.query((rs, n) -> new Public(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(Public::problemId, p -> p));
	}

	List<String> tokensOfKey(UUID keyId) {
		return jdbc.sql("select token from open311_request where api_key_id = :key order by requested_at desc")
			.param("key", keyId).query(String.class).list();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}

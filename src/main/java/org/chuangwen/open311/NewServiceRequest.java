package org.chuangwen.open311;

import java.util.List;
import java.util.Map;

/**
 * A POST requests as received (all text, checked by {@link Open311Requests#post}). {@code attributes}: the answers
 * to the service's attributes, by attribute code. Personal fields (email, device, account, names, phone) are kept for
 * the campaign office only.
 */
public record NewServiceRequest(String apiKey, String jurisdictionId, String serviceCode, String lat, String lng,
		String addressString, String addressId, String description, String mediaUrl,
		Map<String, List<String>> attributes, String email, String deviceId, String accountId, String firstName,
		String lastName, String phone) {

	public NewServiceRequest {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}
}

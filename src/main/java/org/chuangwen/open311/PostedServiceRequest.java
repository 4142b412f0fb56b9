package org.chuangwen.open311;

/** The answer to a POST requests: the request's id, the token to follow it by, and the notice for the reporter. */
public record PostedServiceRequest(String serviceRequestId, String token, String accountId) {
}

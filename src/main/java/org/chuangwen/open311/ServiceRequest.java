package org.chuangwen.open311;

import java.time.Instant;
import java.util.List;

/**
 * A problem as Open311 shows it (GET requests): only what the public may see, never who reported it.
 *
 * @param serviceRequestId the problem's number
 * @param open open or closed (closed: closed, rejected or merged)
 * @param statusNote the key (and arguments) of the public note on the status
 * @param agencyResponsible the handling unit's name, once dispatched
 * @param expected the deadline, while one runs
 * @param updated the last change (for a closed request: when it was closed)
 * @param address the point's name and address, or the address the reporter gave
 * @param addressId the point's code
 */
public record ServiceRequest(String serviceRequestId, boolean open, String statusNote, List<Object> statusNoteArgs,
		String serviceCode, String serviceName, String serviceNameEn, String description, String agencyResponsible,
		Instant requested, Instant updated, Instant expected, String address, String addressId, Double lat, Double lng,
		String mediaUrl) {
}

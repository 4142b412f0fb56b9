/**
 * Citizens and the public (群众参与, DOMAIN §12): the reporting page without sign-in (photo, map pin or address,
 * category, description, optional contact), the tracking code and status page, the rating once closed, the text
 * message when the report is settled, the office's queue of reports waiting to be registered, merged or rejected, and
 * the public pages (campaign progress, the problem map without personal data). Abuse protection: per address and per
 * device throttling ({@link org.chuangwen.system.RequestThrottle}), size and type limits, refusal of a photo already
 * reported; the reporter's contact is seen by the office only.
 * <p>
 * At the edge (floor 7): nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public portal",
		allowedDependencies = { "shared", "audit", "organisation", "points", "problems", "blobs", "notifications",
				"system", "scoring" })
package org.chuangwen.publicportal;

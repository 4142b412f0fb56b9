/**
 * Open311 GeoReport v2 under {@code /open311/v2} (DOMAIN §12, issue 7): a protocol adapter only. Services are the
 * problem categories (minor classes, grouped by major class) with their extra questions as attributes; requests are
 * problems, posted through {@link org.chuangwen.problems.ProblemManagement#reportFromOutside} as the untrusted source
 * OPEN311 (they wait in REPORTED for the campaign office) and read back without any personal data of reporters. API
 * keys for posting are issued and revoked by the office ({@link org.chuangwen.open311.ApiKeys}, page
 * {@code /open311/keys}). Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311",
		allowedDependencies = { "shared", "audit", "organisation", "problems", "points", "system" })
package org.chuangwen.open311;

/**
 * Criteria (DOMAIN §4): campaigns with their versioned frameworks, the criterion tree (levels Ⅰ/Ⅱ/Ⅲ) with numbered
 * standards, their assessment methods and point types, the negative list with its incidents, the prerequisite
 * framework, quantitative indicators with reported values and cross-campaign mappings of standards; Excel import
 * and export of a framework. Depends on shared, audit and organisation only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Criteria",
		allowedDependencies = { "shared", "audit", "organisation" })
package org.chuangwen.criteria;

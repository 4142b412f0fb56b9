/**
 * Organisation (DOMAIN §3): the jurisdiction tree, units, people, command posts, the responsibility map, and the
 * accounts and roles of the people who use the system (DOMAIN §2), with the scope each of them may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package org.chuangwen.organisation;

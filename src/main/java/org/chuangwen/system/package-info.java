/**
 * The running system: the embedded database, security (sign-in, lock-out, API tokens, scoping of sessions), web
 * configuration, languages, error pages, the shared idempotency mechanism and the home pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.chuangwen.system;

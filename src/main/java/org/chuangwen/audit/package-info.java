/**
 * The append-only, hash-chained audit trail: every change of state in every module is recorded here with who,
 * when, what, why and the state before and after. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package org.chuangwen.audit;

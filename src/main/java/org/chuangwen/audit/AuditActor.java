package org.chuangwen.audit;

/** Who made a change: a user's id and name, or the system itself (jobs, the demo city). */
public record AuditActor(String id, String name) {

	public static final AuditActor SYSTEM = new AuditActor(null, "system");
}

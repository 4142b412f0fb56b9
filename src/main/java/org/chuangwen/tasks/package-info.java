/**
 * Task breakdown and supervision (DOMAIN §5): every standard of a framework (or a key task outside it) broken down
 * into tasks with lead, responsible and supporting units, a responsible leader, a deadline, deliverables and a weight;
 * the task lifecycle (issued → claimed → in progress → submitted → accepted | returned; overdue derived); the breakdown
 * table (任务分解表) as Excel; the unit's task page and the campaign office's overview. Deadlines are handed to the
 * reminder ladder (notifications).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks",
		allowedDependencies = { "shared", "audit", "organisation", "criteria", "notifications", "blobs" })
package org.chuangwen.tasks;

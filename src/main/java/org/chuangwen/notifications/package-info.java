/**
 * Notifications and the reminder ladder (DOMAIN §5 三次催报): deadlines other modules track (tasks now; materials,
 * reports and problems later), the reminders sent before them, the accountability list after them, the in-app
 * notification centre and the outbound channels (SMS, e-mail). Sits below the modules whose deadlines it watches.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.chuangwen.notifications;

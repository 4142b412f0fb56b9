/**
 * Notifications and the reminder ladder (DOMAIN §5 三次催报): deadlines other modules track (tasks now; materials,
 * reports and problems later), the reminders sent before them, the accountability list after them, the in-app
 * notification centre, the outbound channels (SMS, e-mail) and the countdown to the assessment. Sits below the
 * modules whose deadlines it watches.
 * <ul>
 * <li>{@link org.chuangwen.notifications.ReminderLadder}: {@code track}/{@code settle} a deadline (other modules).</li>
 * <li>{@link org.chuangwen.notifications.ReminderSweep}: the cluster-safe job climbing the ladder (D−7 liaison, D−5
 * unit head, D−3 responsible leader, after D overdue); offsets per jurisdiction in
 * {@link org.chuangwen.notifications.ReminderSettings}.</li>
 * <li>{@link org.chuangwen.notifications.NotificationCentre}: each account's notifications; recipients resolved by
 * {@code Recipients} (the person's linked account, otherwise the UNIT_ADMIN accounts of the person's unit).</li>
 * <li>{@link org.chuangwen.notifications.OutboundChannel}: SPI for SMS/e-mail; {@code OutboundDelivery} retries.</li>
 * <li>{@link org.chuangwen.notifications.Accountability}: the overdue list (问责清单) and its Excel export.</li>
 * <li>{@link org.chuangwen.notifications.Countdown}: assessment dates, daily schedule, the home-page panel.</li>
 * </ul>
 * Pages: {@code /notifications}, {@code /notifications/accountability}, {@code /notifications/settings}; fragments for
 * other pages: {@code /notifications/badge} (navbar) and {@code /notifications/countdown/panel} (home pages). API:
 * {@code GET /api/v1/notifications}, {@code POST /api/v1/notifications/{id}/read},
 * {@code POST /api/v1/notifications/read-all}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.chuangwen.notifications;

/**
 * Dashboards (DOMAIN §13): the command dashboard (驾驶舱) of the campaign office and the leaders — countdown to the
 * assessment, current score and forecast, problems by state and by SLA light, the map of points by state, the trend of
 * new against closed problems, the worst points, the overdue list and the latest notices — its big-screen mode, and
 * the leader's weekly summary. Read-only: it only queries the public APIs of the modules below it and exports what it
 * shows; nothing depends on it.
 * <p>
 * Each panel is one {@link org.chuangwen.dashboards.Panel} and loads as its own htmx fragment
 * ({@code GET /dashboard/panels/{slug}}), so a slow query delays only its panel. Every chart is drawn from the table
 * printed under it (the accessible text alternative, in a {@code <details>}), each cell of which links to the list
 * behind it; the same table is the panel's Excel export ({@code GET /dashboard/panels/{slug}.xlsx}). A new panel (e.g.
 * the rankings of the scoring module) is a constant of {@code Panel}, a method of
 * {@link org.chuangwen.dashboards.web.PanelTables} building its table, and a fragment in
 * {@code templates/dashboards/panels.html}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboards",
		allowedDependencies = { "shared", "organisation", "criteria", "notifications", "points", "tasks", "problems",
				"escalation", "inspections", "scoring" })
package org.chuangwen.dashboards;

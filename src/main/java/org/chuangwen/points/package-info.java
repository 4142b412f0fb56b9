/**
 * Inspection points (DOMAIN §6): the registry of points with their type (criteria's P01–P26), address, location,
 * jurisdiction node and grid, responsible unit, leader and person, and status; grid boundaries that route a location
 * to its grid; the map (GeoJSON), Excel import and export.
 * <p>
 * For other modules: {@link org.chuangwen.points.PointDirectory} (point, pointByCode, near, ofType — unscoped — and
 * the Actor-scoped search), {@link org.chuangwen.points.PointManagement} (commands),
 * {@link org.chuangwen.points.GridLocator} (location → grid), {@link org.chuangwen.points.Geo} (haversine distance,
 * boxes, point-in-polygon) and the {@link org.chuangwen.points.OpenProblemCounts} hook by which a higher module
 * colours the map's pins.
 * <p>
 * Decisions: a point's location is required (the map, radius search, routing and evidence checks need it). The
 * campaign office maintains points inside its jurisdiction subtree; leaders, inspectors and grid workers read theirs;
 * a unit's accounts read only the points their unit answers for, read-only (see {@code PointAccess}). Names and the
 * jurisdiction path of organisation objects are copied onto the point when it is written, so lists need no joins into
 * organisation's tables. A unit's code and name follow organisation's {@code UnitRenamed} event
 * ({@code PointUnitNames}); the jurisdiction's names are refreshed by the next change of the point (organisation
 * publishes no event when a jurisdiction moves). Points have photos (blobs, {@code point_photo}): the office and the
 * responsible unit add and remove them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points",
		allowedDependencies = { "shared", "audit", "organisation", "criteria", "blobs" })
package org.chuangwen.points;

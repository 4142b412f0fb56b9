/**
 * Inspection points (DOMAIN §6): the registry of points with their type, address, location, jurisdiction node and
 * grid, responsible unit, leader and person, and status; grid boundaries that route a location to its grid; the map
 * (GeoJSON), Excel import and export. Other modules use {@link org.chuangwen.points.PointDirectory} (queries),
 * {@link org.chuangwen.points.GridLocator} (location → grid) and {@link org.chuangwen.points.Geo} (distances).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points",
		allowedDependencies = { "shared", "audit", "organisation", "criteria", "blobs" })
package org.chuangwen.points;

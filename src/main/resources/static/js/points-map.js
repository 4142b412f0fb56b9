/*
 * Maps of the points pages (Leaflet, served from the webjar; never a CDN).
 * - #points-map-canvas: the map of all points. Pins come from GET /api/v1/points/map?bbox=west,south,east,north
 *   (GeoJSON; each pin's properties.state is 'active', 'retired' or 'problems' — the last only when the problems
 *   module provides open-problem counts), grid outlines from GET /api/v1/grids/outlines. Both reload when the view
 *   moves or a filter changes.
 * - #point-map: one point's place with its grid's outline.
 * - #use-my-location on the point form: fills latitude/longitude from the device.
 * Tiles are optional (chuangwen.map.tiles-url, empty by default): without them the map shows a plain background with
 * the grid outlines, so it works with no internet.
 */
(function () {
  'use strict';

  var COLOURS = { active: '#198754', problems: '#dc3545', retired: '#6c757d' };

  function baseMap(element, options) {
    var map = L.map(element, Object.assign({ zoomSnap: 0.25, attributionControl: true }, options || {}));
    var tiles = element.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
    }
    return map;
  }

  function pin(latlng, state) {
    return L.circleMarker(latlng, {
      radius: 6, weight: 1.5, color: '#ffffff', fillColor: COLOURS[state] || COLOURS.active, fillOpacity: 0.95,
      className: 'cw-pin-marker cw-pin-marker-' + state
    });
  }

  function text(value) {
    var span = document.createElement('span');
    span.textContent = value == null ? '' : String(value);
    return span.innerHTML;
  }

  function allPointsMap(element) {
    var map = baseMap(element, { preferCanvas: false });
    var extent = element.dataset.extent ? JSON.parse(element.dataset.extent) : null;
    if (extent) {
      map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: [10, 10] });
    } else {
      map.setView([35, 105], 4);
    }
    var outlines = L.geoJSON(null, {
      style: { color: '#5b7083', weight: 1, fillColor: '#dbe4ec', fillOpacity: 0.35 },
      interactive: false
    }).addTo(map);
    var pins = L.layerGroup().addTo(map);
    var form = document.getElementById('map-filter');
    var showGrids = document.getElementById('m-grids');
    var count = document.getElementById('map-count');
    var pending = null;

    var loadedBounds = null;

    function bbox() {
      var b = loadedBounds;
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
      return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
        clamp(b.getNorth(), -90, 90)].map(function (v) { return v.toFixed(6); }).join(',');
    }

    /* Pins are fetched for the view padded by half its size, so small moves (and a popup panning into view) need no
       reload; a filter change always reloads. */
    function moved() {
      if (loadedBounds && loadedBounds.contains(map.getBounds())) { return; }
      load();
    }

    function load() {
      loadedBounds = map.getBounds().pad(0.5);
      if (pending) { pending.abort(); }
      pending = new AbortController();
      var params = new URLSearchParams({ bbox: bbox() });
      new FormData(form).forEach(function (value, key) { if (value) { params.set(key, value); } });
      var signal = pending.signal;
      fetch(element.dataset.pins + '?' + params, { credentials: 'same-origin', signal: signal, headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) {
          pins.clearLayers();
          data.features.forEach(function (f) {
            var p = f.properties;
            var marker = pin([f.geometry.coordinates[1], f.geometry.coordinates[0]], p.state);
            var problems = p.openProblems != null ? '<br>' + text(p.openProblems) : '';
            marker.bindPopup('<a class="cw-pin-link" href="' + element.dataset.detail + encodeURIComponent(p.id) + '">'
              + text(p.name) + '</a><br><small>' + text(p.code) + ' · ' + text(p.typeCode) + '<br>' + text(p.unitName)
              + problems + '</small>');
            marker.bindTooltip(p.name);
            pins.addLayer(marker);
          });
          element.dataset.loaded = String(data.features.length);
          count.textContent = (element.dataset.count || '{0}').replace('{0}', data.features.length)
            + (data.truncated ? ' ' + (element.dataset.truncated || '') : '');
        })
        .catch(function (e) { if (e.name !== 'AbortError') { count.textContent = '!'; } });
      if (showGrids.checked) {
        fetch(element.dataset.outlines + '?' + new URLSearchParams({ bbox: bbox() }), { credentials: 'same-origin', signal: signal })
          .then(function (r) { return r.ok ? r.json() : { features: [] }; })
          .then(function (data) { outlines.clearLayers(); outlines.addData(data); })
          .catch(function () { /* outlines are decoration */ });
      } else {
        outlines.clearLayers();
      }
    }

    map.on('moveend', moved);
    form.addEventListener('change', load);
    form.addEventListener('submit', function (e) { e.preventDefault(); load(); });
    load();
  }

  function onePointMap(element) {
    var lat = parseFloat(element.dataset.lat), lng = parseFloat(element.dataset.lng);
    var map = baseMap(element, { scrollWheelZoom: false });
    if (element.dataset.boundary) {
      var ring = JSON.parse(element.dataset.boundary);
      var outline = L.polygon(ring, { color: '#5b7083', weight: 1.5, fillColor: '#dbe4ec', fillOpacity: 0.4, interactive: false }).addTo(map);
      map.fitBounds(outline.getBounds().extend([lat, lng]), { padding: [20, 20] });
    } else {
      map.setView([lat, lng], 16);
    }
    pin([lat, lng], element.dataset.state).addTo(map);
  }

  function myLocationButton(button) {
    if (!navigator.geolocation) { button.hidden = true; return; }
    button.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
        document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
      });
    });
  }

  function start() {
    var all = document.getElementById('points-map-canvas');
    if (all && window.L) { allPointsMap(all); }
    var one = document.getElementById('point-map');
    if (one && window.L) { onePointMap(one); }
    var locate = document.getElementById('use-my-location');
    if (locate) { myLocationButton(locate); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());

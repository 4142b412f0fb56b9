/*
 * The grid boundary editor (/grids/{id}/boundary/edit), Leaflet from the webjar. Tiles are optional: without them the
 * map shows a plain background with the neighbouring grids' outlines (GET /points/map/outlines), as the point map does.
 * - click the map: a new vertex on the nearest edge (the first three clicks just draw the ring in order);
 * - drag a vertex: move it; tap a vertex: select it, then "delete selected vertex";
 * - the GeoJSON box always shows the ring being edited (a closed Polygon, [lng, lat]); paste or upload GeoJSON and
 *   press "preview" to load it into the editor. The server checks the polygon again when it is saved.
 */
(function () {
  'use strict';

  function baseMap(element) {
    var map = L.map(element, { zoomSnap: 0.25, doubleClickZoom: false });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution || '' }).addTo(map);
    }
    return map;
  }

  /* The ring of a GeoJSON text as [[lat, lng], …] (not closed), or an Error saying what is wrong. */
  function parse(text) {
    var node;
    try { node = JSON.parse(text); } catch (e) { throw new Error('JSON'); }
    function polygon(n) {
      if (!n || typeof n !== 'object') { throw new Error('type'); }
      if (n.type === 'Polygon') { return n.coordinates; }
      if (n.type === 'MultiPolygon' && n.coordinates && n.coordinates.length === 1) { return n.coordinates[0]; }
      if (n.type === 'Feature') { return polygon(n.geometry); }
      if (n.type === 'FeatureCollection' && n.features && n.features.length === 1) { return polygon(n.features[0]); }
      throw new Error('type: ' + n.type);
    }
    var rings = polygon(node);
    if (!Array.isArray(rings) || rings.length !== 1 || !Array.isArray(rings[0])) { throw new Error('rings'); }
    var ring = rings[0].map(function (p) {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') { throw new Error('position'); }
      return [p[1], p[0]];
    });
    if (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) {
      ring.pop();
    }
    return ring;
  }

  function geojson(ring) {
    if (ring.length === 0) { return ''; }
    var coordinates = ring.concat([ring[0]]).map(function (p) { return [+p[1].toFixed(6), +p[0].toFixed(6)]; });
    return JSON.stringify({ type: 'Polygon', coordinates: [coordinates] });
  }

  function editor(element) {
    var map = baseMap(element);
    var textarea = document.getElementById('geojson');
    var count = document.getElementById('vertex-count');
    var deleteButton = document.getElementById('delete-vertex');
    var previewError = document.getElementById('preview-error');
    var saved = element.dataset.saved ? parse(element.dataset.saved) : [];
    var ring = saved.slice();
    if (textarea.value.trim()) {
      try { ring = parse(textarea.value); } catch (e) { /* keep the saved ring; the server's error is on the page */ }
    }
    var selected = -1;
    var neighbours = L.geoJSON(null, {
      style: { color: '#6c757d', weight: 1, fillColor: '#dee2e6', fillOpacity: 0.35 }, interactive: false
    }).addTo(map);
    var shape = L.polygon([], { color: '#0d6efd', weight: 2, fillOpacity: 0.15, interactive: false }).addTo(map);
    var handles = L.layerGroup().addTo(map);

    if (element.dataset.city) {
      var c = JSON.parse(element.dataset.city);
      L.rectangle([[c[0], c[1]], [c[2], c[3]]], { color: '#adb5bd', weight: 1, dashArray: '6 6', fill: false, interactive: false }).addTo(map);
    }

    function draw(fromText) {
      shape.setLatLngs(ring);
      handles.clearLayers();
      ring.forEach(function (p, i) {
        var marker = L.marker(p, {
          draggable: true, keyboard: true, title: String(i + 1),
          icon: L.divIcon({ className: 'cw-vertex' + (i === selected ? ' cw-selected' : ''), iconSize: null })
        });
        marker.on('click', function () { selected = selected === i ? -1 : i; draw(); });
        marker.on('drag', function (e) { ring[i] = [e.latlng.lat, e.latlng.lng]; shape.setLatLngs(ring); });
        marker.on('dragend', function () { draw(); });
        handles.addLayer(marker);
      });
      element.dataset.vertices = String(ring.length);
      count.textContent = (element.dataset.verticesLabel || '{0}').replace('{0}', ring.length);
      deleteButton.disabled = selected < 0;
      if (!fromText) { textarea.value = geojson(ring); }
    }

    /* a click on the map: a vertex on the nearest edge (in screen distance), or the next one while drawing */
    map.on('click', function (e) {
      var p = [e.latlng.lat, e.latlng.lng];
      if (ring.length < 3) {
        ring.push(p);
      } else {
        var at = map.latLngToLayerPoint(e.latlng), best = 0, bestDistance = Infinity;
        for (var i = 0; i < ring.length; i++) {
          var a = map.latLngToLayerPoint(ring[i]), b = map.latLngToLayerPoint(ring[(i + 1) % ring.length]);
          var d = L.LineUtil.pointToSegmentDistance(at, a, b);
          if (d < bestDistance) { bestDistance = d; best = i; }
        }
        ring.splice(best + 1, 0, p);
      }
      selected = -1;
      draw();
    });

    deleteButton.addEventListener('click', function () {
      if (selected >= 0) { ring.splice(selected, 1); selected = -1; draw(); }
    });
    document.getElementById('clear-ring').addEventListener('click', function () { ring = []; selected = -1; draw(); });
    var reset = document.getElementById('reset-ring');
    if (reset) {
      reset.addEventListener('click', function () { ring = saved.slice(); selected = -1; draw(); fit(); });
    }

    function preview() {
      previewError.textContent = '';
      try {
        ring = parse(textarea.value);
      } catch (e) {
        previewError.textContent = (previewError.dataset.template || '{0}').replace('{0}', e.message);
        return;
      }
      selected = -1;
      draw(true);
      fit();
    }
    document.getElementById('preview-geojson').addEventListener('click', preview);
    document.getElementById('geojson-file').addEventListener('change', function (e) {
      var file = e.target.files && e.target.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () { textarea.value = String(reader.result); preview(); };
      reader.readAsText(file);
    });

    function fit() {
      if (ring.length >= 2) {
        map.fitBounds(L.latLngBounds(ring).pad(0.6));
      } else if (element.dataset.extent) {
        var x = JSON.parse(element.dataset.extent);
        map.fitBounds([[x[0], x[1]], [x[2], x[3]]]);
      } else {
        map.setView([35, 105], 4);
      }
    }

    var pending = null;
    function loadNeighbours() {
      var b = map.getBounds().pad(0.5);
      if (pending) { pending.abort(); }
      pending = new AbortController();
      var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); }).join(',');
      fetch(element.dataset.outlines + '?' + new URLSearchParams({ bbox: bbox }), { credentials: 'same-origin', signal: pending.signal })
        .then(function (r) { return r.ok ? r.json() : { features: [] }; })
        .then(function (data) {
          neighbours.clearLayers();
          neighbours.addData({ type: 'FeatureCollection', features: data.features.filter(function (f) {
            return !f.properties || f.properties.gridId !== element.dataset.grid;
          }) });
          element.dataset.neighbours = String(neighbours.getLayers().length);
        })
        .catch(function () { /* neighbours are orientation only */ });
    }
    map.on('moveend', loadNeighbours);
    fit();
    draw(!!textarea.value.trim());
    loadNeighbours();
  }

  function start() {
    var element = document.getElementById('grid-edit-map');
    if (element && window.L) { editor(element); }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());

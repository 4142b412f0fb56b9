// The intake form: "use my location" and a pin map (Leaflet without tiles: works offline; the pin is what counts).
document.addEventListener('DOMContentLoaded', function () {
  var lat = document.getElementById('lat');
  var lng = document.getElementById('lng');
  var locate = document.getElementById('locate');
  if (locate && navigator.geolocation) {
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        lat.value = pos.coords.latitude.toFixed(6);
        lng.value = pos.coords.longitude.toFixed(6);
        if (window.cwPin) { window.cwPin(pos.coords.latitude, pos.coords.longitude); }
      });
    });
  }
  var box = document.getElementById('pin-map');
  if (!box || typeof L === 'undefined') { return; }
  var extent = (box.dataset.extent || '').split(',').map(Number);
  var map = L.map(box, { attributionControl: false });
  if (extent.length === 4 && extent.every(function (n) { return !isNaN(n); })) {
    map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]]);
  } else {
    map.setView([30.0, 120.0], 12);
  }
  var marker = null;
  window.cwPin = function (a, b) {
    if (marker) { marker.setLatLng([a, b]); } else { marker = L.circleMarker([a, b], { radius: 8 }).addTo(map); }
  };
  if (lat.value && lng.value) { window.cwPin(Number(lat.value), Number(lng.value)); }
  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lng.value = e.latlng.lng.toFixed(6);
    window.cwPin(e.latlng.lat, e.latlng.lng);
  });
});

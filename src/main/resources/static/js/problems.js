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

// A search box over a long select (data-filters="#select-id"): typing keeps only the options whose name contains the
// text (the empty first option and the chosen one stay). Options are removed and re-added rather than hidden, which
// phones' pickers ignore.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-filters]').forEach(function (box) {
    var select = document.querySelector(box.getAttribute('data-filters'));
    if (!select) { return; }
    var all = Array.prototype.slice.call(select.options);
    box.addEventListener('input', function () {
      var text = box.value.trim().toLowerCase();
      var chosen = select.value;
      while (select.options.length) { select.remove(0); }
      all.forEach(function (option, i) {
        if (i === 0 || option.value === chosen || !text || option.text.toLowerCase().indexOf(text) >= 0) {
          select.add(option);
        }
      });
      select.value = chosen;
      if (text && select.options.length > 1 && !chosen) { select.selectedIndex = 1; }
    });
  });
});

// A photo over the upload limit is refused at once, before the form is sent (the server refuses it too, but only
// after the whole upload, and with a page of its own): the file input says why and the form cannot be submitted.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var max = Number(input.getAttribute('data-max-bytes'));
    input.addEventListener('change', function () {
      var big = Array.prototype.filter.call(input.files || [], function (f) { return f.size > max; });
      var message = big.length ? (input.getAttribute('data-too-large') || '').replace('{0}', big[0].name) : '';
      input.setCustomValidity(message);
      input.classList.toggle('is-invalid', big.length > 0);
      var feedback = input.parentElement && input.parentElement.querySelector('.invalid-feedback');
      if (feedback && big.length) { feedback.textContent = message; }
      if (big.length) { input.reportValidity(); }
    });
  });
});

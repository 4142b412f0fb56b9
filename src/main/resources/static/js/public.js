// The public pages: photos shrunk on the phone before upload, "use my location", a pin map loaded only when asked
// for (Leaflet without tiles: the pin is what counts), and the public problem map. Everything degrades to a plain form.
(function () {
  'use strict';
  var MAX_SIDE = 1600;
  var QUALITY = 0.8;

  function shrink(file) {
    return new Promise(function (resolve) {
      if (!/^image\/(jpeg|png)$/.test(file.type) || file.size < 300 * 1024 || !window.createImageBitmap) {
        resolve(file);
        return;
      }
      createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement('canvas');
        canvas.width = Math.round(bitmap.width * scale);
        canvas.height = Math.round(bitmap.height * scale);
        canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          if (!blob || blob.size >= file.size) { resolve(file); return; }
          resolve(new File([blob], file.name.replace(/\.\w+$/, '') + '.jpg', { type: 'image/jpeg' }));
        }, 'image/jpeg', QUALITY);
      }, function () { resolve(file); });
    });
  }

  function photos(form) {
    var input = form.querySelector('#photos');
    var preview = form.querySelector('#photo-preview');
    if (!input) { return; }
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      Promise.all(files.map(shrink)).then(function (small) {
        if (window.DataTransfer) {
          try {
            var dt = new DataTransfer();
            small.forEach(function (f) { dt.items.add(f); });
            input.files = dt.files;
          } catch (e) { /* the originals are sent */ }
        }
        if (preview) {
          preview.innerHTML = '';
          small.forEach(function (f) {
            var img = document.createElement('img');
            img.alt = f.name;
            img.src = URL.createObjectURL(f);
            preview.appendChild(img);
          });
        }
      });
    });
  }

  function loadLeaflet(button, done) {
    if (window.L) { done(); return; }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = button.getAttribute('data-leaflet-css');
    document.head.appendChild(css);
    var js = document.createElement('script');
    js.src = button.getAttribute('data-leaflet-js');
    js.onload = done;
    document.head.appendChild(js);
  }

  function location(form) {
    var lat = form.querySelector('#lat');
    var lng = form.querySelector('#lng');
    var text = form.querySelector('#where-text');
    var map = null;
    var marker = null;
    function pin(a, b, label) {
      lat.value = a.toFixed(6);
      lng.value = b.toFixed(6);
      if (text) { text.textContent = label + ' ' + lat.value + ', ' + lng.value; }
      if (map) {
        if (marker) { marker.setLatLng([a, b]); } else { marker = L.circleMarker([a, b], { radius: 9 }).addTo(map); }
      }
    }
    var locate = form.querySelector('#locate');
    var open = form.querySelector('#open-map');
    var label = open ? open.getAttribute('data-pinned') : '';
    if (locate) {
      locate.addEventListener('click', function () {
        if (!navigator.geolocation) { alert(locate.getAttribute('data-failed')); return; }
        navigator.geolocation.getCurrentPosition(function (pos) {
          pin(pos.coords.latitude, pos.coords.longitude, label);
          if (map) { map.setView([pos.coords.latitude, pos.coords.longitude], 16); }
        }, function () { alert(locate.getAttribute('data-failed')); }, { enableHighAccuracy: true, timeout: 15000 });
      });
    }
    if (open) {
      open.addEventListener('click', function () {
        var box = form.querySelector('#pin-map');
        box.hidden = false;
        loadLeaflet(open, function () {
          if (map) { return; }
          map = L.map(box, { attributionControl: false });
          if (lat.value && lng.value) {
            map.setView([Number(lat.value), Number(lng.value)], 16);
            pin(Number(lat.value), Number(lng.value), label);
          } else {
            fetch(box.closest('form').getAttribute('action').replace(/report$/, 'map/pins'))
              .then(function (r) { return r.json(); })
              .then(function (data) {
                var pts = data.items.map(function (p) { return [p.lat, p.lng]; });
                if (pts.length) { map.fitBounds(pts); } else { map.setView([30, 114], 12); }
              }, function () { map.setView([30, 114], 12); });
          }
          map.on('click', function (e) { pin(e.latlng.lat, e.latlng.lng, label); });
        });
      });
    }
  }

  function sending(form) {
    var send = form.querySelector('#send');
    form.addEventListener('submit', function () {
      if (send) { send.disabled = true; send.textContent = send.getAttribute('data-sending'); }
    });
  }

  function publicMap() {
    var box = document.getElementById('public-map');
    if (!box || !window.L) { return; }
    var map = L.map(box, { attributionControl: false });
    fetch(box.getAttribute('data-pins')).then(function (r) { return r.json(); }).then(function (data) {
      var bounds = [];
      data.items.forEach(function (p) {
        L.circleMarker([p.lat, p.lng], { radius: 6, color: p.closed ? '#15803d' : '#d97706', fillOpacity: 0.7 })
          .bindTooltip(p.category).addTo(map);
        bounds.push([p.lat, p.lng]);
      });
      if (bounds.length) { map.fitBounds(bounds); } else { map.setView([30, 114], 11); }
      var count = document.getElementById('pin-count');
      if (count) { count.textContent = box.getAttribute('data-count').replace('{0}', data.items.length); }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('citizen-report');
    if (form) { photos(form); location(form); sending(form); }
    publicMap();
  });
})();

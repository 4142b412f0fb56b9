/*
 * The command dashboard's charts (ECharts from the webjar, never a CDN) and map (Leaflet, tiles optional).
 * Every chart is drawn from the table under it (<div class="cw-chart" data-chart="bar|hbar|line|pie"
 * data-table="<table id>" data-series="n">): the row headers are the categories, the first n value columns the series
 * (their <th> the series names), a row's data-color its colour. A click on a chart element follows the link of the
 * table cell it stands for, so the chart opens the list behind it. Panels arrive as htmx fragments (and are replaced
 * every 60 s in the big-screen mode): charts are set up after each swap and disposed before their element goes.
 */
(function () {
  'use strict';

  var dark = function () { return document.body.classList.contains('cw-screen'); };

  function readTable(table, series) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th')).map(function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var categories = [], colours = [], values = [], links = [];
    for (var s = 0; s < series; s++) { values.push([]); links.push([]); }
    rows.forEach(function (tr) {
      categories.push(tr.querySelector('th').textContent.trim());
      colours.push(tr.dataset.color || null);
      var cells = tr.querySelectorAll('td');
      for (var s = 0; s < series; s++) {
        var td = cells[s];
        values[s].push(td && td.dataset.value !== undefined ? Number(td.dataset.value) : null);
        var a = td ? td.querySelector('a[href]') : null;
        links[s].push(a ? a.getAttribute('href') : null);
      }
    });
    return { names: heads.slice(1, 1 + series), categories: categories, colours: colours, values: values, links: links };
  }

  function option(kind, d) {
    var text = dark() ? '#dee2e6' : '#212529';
    var base = { backgroundColor: 'transparent', textStyle: { color: text }, tooltip: { trigger: kind === 'pie' ? 'item' : 'axis' },
      grid: { left: 8, right: 16, top: d.names.length > 1 ? 28 : 12, bottom: 8, containLabel: true } };
    if (d.names.length > 1) { base.legend = { top: 0, textStyle: { color: text } }; }
    if (kind === 'pie') {
      base.series = [{ type: 'pie', radius: ['35%', '70%'], name: d.names[0],
        label: { color: text, formatter: '{b}: {c}' },
        data: d.categories.map(function (c, i) {
          return { name: c, value: d.values[0][i], itemStyle: d.colours[i] ? { color: d.colours[i] } : undefined };
        }) }];
      return base;
    }
    var horizontal = kind === 'hbar';
    var category = { type: 'category', data: horizontal ? d.categories.slice().reverse() : d.categories,
      axisLabel: { color: text, hideOverlap: true, width: horizontal ? 140 : undefined, overflow: 'truncate' } };
    var value = { type: 'value', minInterval: 1, axisLabel: { color: text } };
    base.xAxis = horizontal ? value : category;
    base.yAxis = horizontal ? category : value;
    base.series = d.names.map(function (name, s) {
      var data = d.values[s].map(function (v, i) {
        return d.colours[i] && d.names.length === 1 ? { value: v, itemStyle: { color: d.colours[i] } } : v;
      });
      return { type: kind === 'line' ? 'line' : 'bar', name: name, data: horizontal ? data.slice().reverse() : data,
        smooth: kind === 'line', symbolSize: 7, emphasis: { focus: 'series' } };
    });
    return base;
  }

  function setUp(root) {
    if (!window.echarts) { return; }
    (root || document).querySelectorAll('.cw-chart:not([data-ready])').forEach(function (el) {
      var table = document.getElementById(el.dataset.table);
      if (!table) { return; }
      var kind = el.dataset.chart;
      var d = readTable(table, Number(el.dataset.series || 1));
      var chart = echarts.init(el, dark() ? 'dark' : null, { renderer: 'canvas' });
      chart.setOption(option(kind, d));
      chart.on('click', function (p) {
        var s = kind === 'pie' ? 0 : p.seriesIndex;
        var i = kind === 'hbar' ? d.categories.length - 1 - p.dataIndex : p.dataIndex;
        var href = d.links[s] && d.links[s][i];
        if (href) { window.location.href = href; }
      });
      el.dataset.ready = 'true';
      el.cwChart = chart;
      // the card may settle to its size after the chart is set up (the big screen's grid, a phone turned): follow it
      if (window.ResizeObserver) {
        new ResizeObserver(function () { if (!chart.isDisposed()) { chart.resize(); } }).observe(el);
      }
    });
    (root || document).querySelectorAll('.cw-dash-map:not([data-ready])').forEach(map);
  }

  var COLOURS = { active: '#198754', problems: '#dc3545', retired: '#6c757d' };

  function map(element) {
    if (!window.L) { return; }
    element.dataset.ready = 'true';
    var m = L.map(element, { zoomSnap: 0.25, attributionControl: false });
    var extent = element.dataset.extent ? JSON.parse(element.dataset.extent) : null;
    if (extent) {
      m.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: [10, 10] });
    } else {
      m.setView([35, 105], 4);
    }
    var b = extent ? [extent[1], extent[0], extent[3], extent[2]].join(',') : '-180,-90,180,90';
    fetch(element.dataset.pins + '?status=&bbox=' + encodeURIComponent(b), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .then(function (geo) {
        (geo.features || []).forEach(function (f) {
          var c = f.geometry.coordinates, p = f.properties;
          L.circleMarker([c[1], c[0]], { radius: 5, weight: 1, color: '#ffffff', fillColor: COLOURS[p.state] || COLOURS.active,
            fillOpacity: 0.95, className: 'cw-pin-marker cw-pin-marker-' + p.state })
            .bindTooltip(p.code + ' ' + p.name + (p.openProblems ? ' (' + p.openProblems + ')' : ''))
            .on('click', function () { window.location.href = element.dataset.detail + p.id; })
            .addTo(m);
        });
      });
    element.cwMap = m;
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        m.invalidateSize();
        if (extent) { m.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: [10, 10] }); }
      }).observe(element);
    }
  }

  function dispose(root) {
    root.querySelectorAll('.cw-chart[data-ready]').forEach(function (el) { if (el.cwChart) { el.cwChart.dispose(); } });
    root.querySelectorAll('.cw-dash-map[data-ready]').forEach(function (el) { if (el.cwMap) { el.cwMap.remove(); } });
  }

  // a panel that cannot be loaded says so instead of "loading" for ever (the big screen retries on its next refresh)
  function failed(e) {
    var elt = e.detail.elt;
    if (!elt || !elt.closest || !(elt.closest('.cw-dashboard') || elt.closest('.cw-screen-grid'))) { return; }
    var body = elt.querySelector('.cw-loading .card-body') || elt.querySelector('.cw-loading');
    if (body) { body.textContent = document.documentElement.lang === 'en' ? 'This panel cannot be shown just now.' : '此面板暂时无法显示。'; }
  }
  document.addEventListener('htmx:responseError', failed);
  document.addEventListener('htmx:sendError', failed);
  document.addEventListener('DOMContentLoaded', function () { setUp(document); });
  document.addEventListener('htmx:beforeSwap', function (e) { if (e.detail.target) { dispose(e.detail.target); } });
  document.addEventListener('htmx:afterSettle', function (e) { setUp(e.detail.target || document); });
  window.addEventListener('resize', function () {
    document.querySelectorAll('.cw-chart[data-ready]').forEach(function (el) { if (el.cwChart) { el.cwChart.resize(); } });
  });
  var clock = document.getElementById('screen-clock');
  if (clock) {
    var tick = function () { clock.textContent = new Date().toLocaleString(document.documentElement.lang || 'zh-CN', { hour12: false }); };
    tick();
    setInterval(tick, 1000);
  }
})();

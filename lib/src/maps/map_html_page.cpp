// The interactive map page's own stylesheet and scripts (maps/map_html_page.hpp). The script draws
// the page from DATA (map_html.cpp); strings from the data only ever reach the DOM through textContent
// (or escapeHtml for the two Leaflet controls that take HTML).
#include "maps/map_html_page.hpp"

namespace basural::detail {
namespace {

// Runs before Leaflet: any uncaught error is counted on <html data-basural-errors> and its message
// kept in <pre id="basural-errors">, so a headless browser's DOM dump shows whether the page worked.
constexpr std::string_view ERROR_HOOK = R"JS(
(function () {
  var count = 0;
  window.addEventListener('error', function (e) {
    count += 1;
    document.documentElement.setAttribute('data-basural-errors', String(count));
    var pre = document.getElementById('basural-errors');
    if (pre) pre.textContent += (e && e.message ? e.message : 'error') + '\n';
  });
})();
)JS";

constexpr std::string_view PAGE_CSS = R"CSS(
html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 8px 14px; border-bottom: 1px solid #ccc; }
header h1 { font-size: 20px; margin: 0; color: #1a1a1a; }
header p { margin: 2px 0 0; color: #555; font-size: 13px; }
#map { flex: 1; min-height: 300px; }
.leaflet-container { background: #d4e6f1; }
.basural-legend { background: rgba(255,255,255,0.92); padding: 6px 10px; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font-size: 12px; line-height: 18px; max-height: 55vh; overflow: auto; }
.basural-legend h4 { margin: 4px 0 2px; font-size: 12px; }
.basural-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
  border: 1px solid #333; margin-right: 6px; vertical-align: middle; box-sizing: border-box; }
.basural-swatch.basural-hollow { background: transparent; border: 2px solid #555; }
.basural-swatch.basural-area { border-radius: 0; width: 14px; }
.basural-size-key svg { vertical-align: middle; margin-right: 6px; }
.basural-popup { max-height: 320px; overflow: auto; }
.basural-popup table { border-collapse: collapse; margin: 2px 0 6px; }
.basural-popup th { text-align: left; padding-right: 8px; font-weight: 600; vertical-align: top; }
.basural-popup .basural-note { color: #8a3b00; margin-top: 4px; }
.basural-facility svg { display: block; }
.basural-place { font-size: 11px; color: #1a1a1a; white-space: nowrap;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.basural-place::before { content: ""; display: inline-block; width: 5px; height: 5px; border-radius: 50%;
  background: #1a1a1a; border: 1px solid #fff; margin-right: 3px; vertical-align: middle; }
#basural-errors { display: none; }
)CSS";

constexpr std::string_view PAGE_JS = R"JS(
(function () {
  'use strict';
  var D = DATA, T = DATA.text;
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function rowsTable(rows) {
    var table = el('table');
    rows.forEach(function (kv) {
      var tr = table.insertRow();
      tr.appendChild(el('th', '', kv[0]));
      tr.appendChild(el('td', '', kv[1]));
    });
    return table;
  }
  // A popup of one or more entries {title, rows, note}, under an optional heading.
  function popup(heading, entries) {
    return function () {
      var div = el('div', 'basural-popup');
      if (heading) div.appendChild(el('div', 'basural-note', heading));
      entries.forEach(function (e) {
        div.appendChild(el('strong', '', e.title));
        if (e.rows.length) div.appendChild(rowsTable(e.rows));
        if (e.note) div.appendChild(el('div', 'basural-note', e.note));
      });
      return div;
    };
  }
  function swatchHtml(colour, extra) {
    return '<span class="basural-swatch ' + (extra || '') + '" style="background:' + escapeHtml(colour) + '"></span>';
  }

  var map = L.map('map', { zoomSnap: 0.25, preferCanvas: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  D.attribution.forEach(function (line) { map.attributionControl.addAttribution(escapeHtml(line)); });
  L.control.scale({ imperial: false, metric: true, position: 'bottomleft' }).addTo(map);

  var overlays = {};
  var neighbours = L.geoJSON(D.neighbours, {
    style: { color: '#a6a6a6', weight: 0.8, fillColor: '#e3e3e3', fillOpacity: 1 },
    interactive: false
  }).addTo(map);
  if (D.neighbours.features.length) overlays[escapeHtml(T.neighbours)] = neighbours;
  var focus = L.geoJSON(D.focus, {
    style: { color: '#4d4d4d', weight: 1.2, fillColor: '#f5f1e6', fillOpacity: 1 },
    interactive: false
  }).addTo(map);
  overlays[escapeHtml(D.focus.features[0].properties.name || D.focus.features[0].properties.iso3)] = focus;
  if (D.admin1.features.length) {
    var states = L.featureGroup();
    L.geoJSON(D.admin1, {
      style: function (f) {
        return f.properties.veiled ? { stroke: false, fillColor: '#ffffff', fillOpacity: 0.6 }
                                   : { stroke: false, fillOpacity: 0 };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(function () { return el('span', '', f.properties.name); }, { sticky: true });
      }
    }).addTo(states);
    L.geoJSON(D.admin1_lines, { style: { color: '#9a9a9a', weight: 0.8 }, interactive: false }).addTo(states);
    if (D.admin1_zoom_lines.features.length)
      L.geoJSON(D.admin1_zoom_lines, { style: { color: '#4d4d4d', weight: 1.6 }, interactive: false }).addTo(states);
    states.addTo(map);
    overlays[escapeHtml(T.admin1)] = states;
  }
  var catchments = L.geoJSON(D.catchments, {
    style: { color: '#6a51a3', weight: 1.5, dashArray: '4 2', fillColor: '#6a51a3', fillOpacity: 0.15 },
    onEachFeature: function (f, layer) {
      layer.bindPopup(popup('', [{ title: f.properties.label, rows: [], note: '' }]));
    }
  }).addTo(map);
  if (D.catchments.features.length) overlays[escapeHtml(T.catchments)] = catchments;

  // Sites: one marker per place and colour (sites at the same point, such as a municipal seat, share
  // one), one toggle per legend entry. Markers grow as the map is zoomed in.
  var groups = D.legend.map(function () { return L.featureGroup(); });
  var markers = [];
  var siteCount = 0;
  D.sites.features.forEach(function (f) {
    var p = f.properties;
    var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
    var marker = L.circleMarker(ll, {
      className: 'basural-site' + (p.estimated ? ' basural-estimated' : ''),
      radius: p.radius_px,
      color: p.estimated ? p.colour : '#333333',
      weight: p.estimated ? 2 : 0.8,
      fillColor: p.colour,
      fillOpacity: p.estimated ? 0 : 0.9
    });
    marker.basuralRadius = p.radius_px;
    marker.bindPopup(popup(p.heading, p.members.map(function (m) {
      return { title: m.label, rows: m.rows, note: m.estimated ? T.estimated_note : '' };
    })), { maxWidth: 360 });
    marker.addTo(groups[p.group]);
    markers.push(marker);
    siteCount += p.members.length + p.more;
  });
  D.legend.forEach(function (e, i) {
    if (!groups[i].getLayers().length) return;
    groups[i].addTo(map);
    overlays[swatchHtml(e.colour) + escapeHtml(e.text)] = groups[i];
  });

  var ICONS = {
    proposed: '<svg width="18" height="18" viewBox="-9 -9 18 18"><polygon points="0,-8 1.97,-2.72 7.61,-2.47 3.2,1.04 4.7,6.47 0,3.36 -4.7,6.47 -3.2,1.04 -7.61,-2.47 -1.97,-2.72" fill="#4a1486" stroke="#fff" stroke-width="1.2"/></svg>',
    existing: '<svg width="14" height="14" viewBox="-7 -7 14 14"><rect x="-5" y="-5" width="10" height="10" fill="#252525" stroke="#fff" stroke-width="1.2"/></svg>',
    existing_unused: '<svg width="14" height="14" viewBox="-7 -7 14 14"><rect x="-5" y="-5" width="10" height="10" fill="#fff" stroke="#252525" stroke-width="1.4"/></svg>'
  };
  var kinds = ['existing_unused', 'existing', 'proposed'];
  var facilityLayers = {};
  kinds.forEach(function (k) { facilityLayers[k] = L.featureGroup(); });
  var facilityCount = 0;
  D.facilities.features.forEach(function (f) {
    var p = f.properties;
    var icon = L.divIcon({
      className: 'basural-facility basural-' + p.kind.replace('_', '-'),
      html: ICONS[p.kind],
      iconSize: p.kind === 'proposed' ? [18, 18] : [14, 14]
    });
    var m = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon: icon, keyboard: false });
    m.bindPopup(popup('', [{ title: p.title, rows: p.rows, note: '' }]));
    m.addTo(facilityLayers[p.kind]);
    if (p.kind !== 'existing_unused') facilityCount += 1;
  });
  kinds.forEach(function (k) {
    if (!facilityLayers[k].getLayers().length) return;
    facilityLayers[k].addTo(map);
    overlays[escapeHtml(T[k])] = facilityLayers[k];
  });

  if (D.places.length) {
    var places = L.featureGroup();
    D.places.forEach(function (pl) {
      var icon = L.divIcon({ className: 'basural-place', html: el('span', '', pl.name), iconSize: null,
                             iconAnchor: [3, 7] });
      L.marker([pl.lat, pl.lon], { icon: icon, keyboard: false, interactive: false }).addTo(places);
    });
    places.addTo(map);
    overlays[escapeHtml(T.places)] = places;
  }
  L.control.layers(null, overlays, { collapsed: false, position: 'topright' }).addTo(map);

  var legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    var div = el('div', 'basural-legend');
    div.appendChild(el('h4', '', D.legend_heading));
    D.legend.forEach(function (e) {
      var row = el('div');
      var sw = el('span', 'basural-swatch');
      sw.style.background = e.colour;
      row.appendChild(sw);
      row.appendChild(document.createTextNode(e.text));
      div.appendChild(row);
    });
    if (T.hollow) {
      var row = el('div');
      row.appendChild(el('span', 'basural-swatch basural-hollow'));
      row.appendChild(document.createTextNode(T.hollow));
      div.appendChild(row);
    }
    if (T.size) {
      div.appendChild(el('div', '', T.size));
      // Reference circles at the first view's scale, as on the print map.
      D.size_keys.forEach(function (k) {
        var d = 2 * k.radius_px + 2;
        var row = el('div', 'basural-size-key');
        row.innerHTML = '<svg width="' + d + '" height="' + d + '"><circle class="basural-size-circle" cx="' +
          d / 2 + '" cy="' + d / 2 + '" r="' + k.radius_px + '" fill="#bdbdbd" stroke="#333333" ' +
          'stroke-width="0.8"/></svg>';
        row.appendChild(document.createTextNode(k.text));
        div.appendChild(row);
      });
    }
    if (D.catchments.features.length) {
      var c = el('div');
      var s = el('span', 'basural-swatch basural-area');
      s.style.background = 'rgba(106,81,163,0.15)';
      s.style.borderColor = '#6a51a3';
      c.appendChild(s);
      c.appendChild(document.createTextNode(T.catchment));
      div.appendChild(c);
    }
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  legend.addTo(map);

  map.fitBounds(D.view, { padding: [12, 12] });
  var baseZoom = map.getZoom();
  var root = document.documentElement;
  function rescale() {
    var k = Math.min(2.5, Math.max(0.5, Math.pow(2, (map.getZoom() - baseZoom) / 2)));
    markers.forEach(function (m) { m.setRadius(m.basuralRadius * k); });
    root.setAttribute('data-basural-marker-scale', String(Math.round(k * 100) / 100));
  }
  map.on('zoomend', rescale);
  rescale();
  window.basuralMap = map;  // for scripts that drive the page (the tests zoom it)
  root.setAttribute('data-basural-sites', String(siteCount));
  root.setAttribute('data-basural-markers', String(markers.length));
  root.setAttribute('data-basural-facilities', String(facilityCount));
  // What the browser fetched over the network (Resource Timing: images, scripts, tiles; file:// loads
  // are not timed): nothing, the page works offline. Counted again a little later for lazy loads.
  function countRequests() {
    var n = window.performance && performance.getEntriesByType ? performance.getEntriesByType('resource').length : -1;
    root.setAttribute('data-basural-requests', String(n));
  }
  countRequests();
  window.setTimeout(countRequests, 1000);
  root.setAttribute('data-basural-ready', 'true');
})();
)JS";

}  // namespace

std::string_view map_page_error_hook() noexcept
{
    return ERROR_HOOK;
}

std::string_view map_page_css() noexcept
{
    return PAGE_CSS;
}

std::string_view map_page_script() noexcept
{
    return PAGE_JS;
}

}  // namespace basural::detail

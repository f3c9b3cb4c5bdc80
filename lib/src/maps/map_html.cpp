// The offline interactive map: one HTML file with Leaflet 1.9.4 inlined and the scene as GeoJSON.
// Every string from the scene reaches the page either HTML-escaped (title, subtitle) or inside the
// JSON data (escaped for a <script> element) and then into the DOM through textContent, never
// through innerHTML.
#include "basural/maps/map.hpp"

#include "basural/base/atomic_output.hpp"
#include "maps/leaflet_assets.hpp"
#include "maps/map_view.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace basural {
namespace {

using Json = nlohmann::ordered_json;

std::string html_escape(std::string_view raw)
{
    const std::string s = detail::valid_utf8(raw);
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

/// JSON text that is safe inside a <script> element: "<", ">" and "&" (which can only occur in
/// strings) become \u escapes, so "</script>" or "<!--" in a name cannot end the script; U+2028 and
/// U+2029 are escaped for older JavaScript parsers. Invalid UTF-8 becomes U+FFFD.
std::string script_safe_json(const Json& j)
{
    const std::string raw = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(raw.size() + raw.size() / 16);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else if (c == '\xE2' && i + 2 < raw.size() && raw[i + 1] == '\x80' && (raw[i + 2] == '\xA8' || raw[i + 2] == '\xA9')) {
            out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

/// Degrees rounded to 1e-6 (about 0.1 m): enough for any map, and keeps the page small.
double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

Json position(const LonLat& p)
{
    return Json::array({round6(p.lon_deg), round6(p.lat_deg)});
}

Json multipolygon(const std::vector<MapPolygon>& polygons)
{
    Json coords = Json::array();
    for (const auto& poly : polygons) {
        Json rings = Json::array();
        for (const auto& ring : poly) {
            if (ring.size() < 3)
                continue;
            Json r = Json::array();
            for (const auto& p : ring)
                if (std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg))
                    r.push_back(position(p));
            if (r.size() < 3)
                continue;
            if (r.front() != r.back())
                r.push_back(r.front());  // GeoJSON rings are closed
            rings.push_back(std::move(r));
        }
        if (!rings.empty())
            coords.push_back(std::move(rings));
    }
    return Json{{"type", "MultiPolygon"}, {"coordinates", std::move(coords)}};
}

Json feature(Json geometry, Json properties)
{
    return Json{{"type", "Feature"}, {"properties", std::move(properties)}, {"geometry", std::move(geometry)}};
}

Json collection(Json features)
{
    return Json{{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

Json country_feature(const MapCountry& c)
{
    return feature(multipolygon(c.polygons), Json{{"iso3", c.iso3}, {"name", c.name}});
}

Json pairs(const std::vector<std::pair<std::string, std::string>>& kv)
{
    Json out = Json::array();
    for (const auto& [k, v] : kv)
        out.push_back(Json::array({k, v}));
    return out;
}

Json scene_json(const MapScene& scene, const MapStyle& style)
{
    const PointColours colours = colour_points(scene, style.colour_by);
    double max_size = 0.0;
    for (const auto& p : scene.points)
        if (p.size_value && std::isfinite(*p.size_value))
            max_size = std::max(max_size, *p.size_value);

    Json neighbours = Json::array();
    for (const auto& c : scene.neighbours)
        neighbours.push_back(country_feature(c));
    Json catchments = Json::array();
    for (const auto& c : scene.catchments)
        catchments.push_back(feature(multipolygon(c.polygons), Json{{"label", c.label}}));

    // Sites, larger symbols first (as on the print map) so small ones stay clickable on top.
    std::vector<std::size_t> order(scene.points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::vector<double> radius(scene.points.size());
    for (std::size_t i = 0; i < scene.points.size(); ++i)
        radius[i] = std::round(symbol_radius_px(scene.points[i].size_value, max_size) * 100.0) / 100.0;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return radius[a] > radius[b]; });
    const auto placeable = [](const LonLat& p) { return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg); };
    Json sites = Json::array();
    for (std::size_t i : order) {
        const MapPoint& p = scene.points[i];
        if (!placeable(p.location))
            continue;  // as on the print map: a position that cannot be placed is not drawn
        sites.push_back(feature(Json{{"type", "Point"}, {"coordinates", position(p.location)}},
                                Json{{"id", p.id},
                                     {"label", p.label},
                                     {"colour", colours.colours[i].hex()},
                                     {"group", colours.legend_index[i]},
                                     {"radius_px", radius[i]},
                                     {"estimated", p.estimated},
                                     {"properties", pairs(p.properties)}}));
    }
    Json facilities = Json::array();
    for (const auto& f : scene.facilities) {
        if (!placeable(f.location))
            continue;
        Json props{{"id", f.id},
                   {"label", f.label},
                   {"kind", f.kind == FacilityKind::proposed ? "proposed" : "existing"},
                   {"properties", pairs(f.properties)}};
        if (f.size_value && std::isfinite(*f.size_value))
            props["size_value"] = *f.size_value;
        facilities.push_back(feature(Json{{"type", "Point"}, {"coordinates", position(f.location)}}, std::move(props)));
    }
    Json legend = Json::array();
    for (const auto& e : colours.legend)
        legend.push_back(Json{{"label", e.label}, {"colour", e.colour.hex()}, {"count", e.count}});

    // The same view as the print map: the country's main polygons and its sites.
    double lon_min = 180.0, lon_max = -180.0, lat_min = 90.0, lat_max = -90.0;
    for (const auto& p : detail::map_view_extent(scene)) {
        lon_min = std::min(lon_min, p.lon_deg);
        lon_max = std::max(lon_max, p.lon_deg);
        lat_min = std::min(lat_min, p.lat_deg);
        lat_max = std::max(lat_max, p.lat_deg);
    }

    return Json{{"title", scene.title},
                {"view", Json::array({Json::array({round6(lat_min), round6(lon_min)}),
                                      Json::array({round6(lat_max), round6(lon_max)})})},
                {"focus", collection(Json::array({country_feature(scene.focus)}))},
                {"neighbours", collection(std::move(neighbours))},
                {"catchments", collection(std::move(catchments))},
                {"sites", collection(std::move(sites))},
                {"facilities", collection(std::move(facilities))},
                {"legend_heading", colours.heading},
                {"legend", std::move(legend)},
                {"size_label", scene.size_label},
                {"attribution", scene.attribution_lines}};
}

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
.basural-popup table { border-collapse: collapse; margin-top: 4px; }
.basural-popup th { text-align: left; padding-right: 8px; font-weight: 600; vertical-align: top; }
.basural-popup .basural-note { color: #8a3b00; margin-top: 4px; }
.basural-facility svg { display: block; }
#basural-errors { display: none; }
)CSS";

// Draws the page from DATA. Strings from the data only ever reach the DOM through textContent
// (or escapeHtml for the two Leaflet controls that take HTML).
constexpr std::string_view PAGE_JS = R"JS(
(function () {
  'use strict';
  var D = DATA;
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
  function popup(title, rows, note) {
    return function () {
      var div = el('div', 'basural-popup');
      div.appendChild(el('strong', '', title));
      if (rows.length) {
        var table = el('table');
        rows.forEach(function (kv) {
          var tr = table.insertRow();
          tr.appendChild(el('th', '', kv[0]));
          tr.appendChild(el('td', '', kv[1]));
        });
        div.appendChild(table);
      }
      if (note) div.appendChild(el('div', 'basural-note', note));
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
  if (D.neighbours.features.length) overlays['Neighbouring countries'] = neighbours;
  var focus = L.geoJSON(D.focus, {
    style: { color: '#4d4d4d', weight: 1.2, fillColor: '#f5f1e6', fillOpacity: 1 },
    interactive: false
  }).addTo(map);
  overlays[escapeHtml(D.focus.features[0].properties.name || D.focus.features[0].properties.iso3)] = focus;
  var catchments = L.geoJSON(D.catchments, {
    style: { color: '#6a51a3', weight: 1.5, dashArray: '4 2', fillColor: '#6a51a3', fillOpacity: 0.15 },
    onEachFeature: function (f, layer) { layer.bindPopup(popup('Catchment', [], f.properties.label)); }
  }).addTo(map);
  if (D.catchments.features.length)
    overlays['Catchments (' + D.catchments.features.length + ')'] = catchments;

  // One toggle per legend entry.
  var groups = D.legend.map(function () { return L.featureGroup(); });
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
    marker.bindPopup(popup(p.label || p.id, p.properties,
      p.estimated ? 'Estimated: a model output, not an observation.' : ''));
    marker.addTo(groups[p.group]);
    siteCount += 1;
  });
  D.legend.forEach(function (e, i) {
    var n = groups[i].getLayers().length;
    if (!n) return;
    groups[i].addTo(map);
    overlays[swatchHtml(e.colour) + escapeHtml(e.label) + ' (' + n + ')'] = groups[i];
  });

  var STAR = '<svg width="18" height="18" viewBox="-9 -9 18 18"><polygon points="0,-8 1.97,-2.72 7.61,-2.47 3.2,1.04 4.7,6.47 0,3.36 -4.7,6.47 -3.2,1.04 -7.61,-2.47 -1.97,-2.72" fill="#4a1486" stroke="#fff" stroke-width="1.2"/></svg>';
  var SQUARE = '<svg width="14" height="14" viewBox="-7 -7 14 14"><rect x="-5" y="-5" width="10" height="10" fill="#252525" stroke="#fff" stroke-width="1.2"/></svg>';
  var proposed = L.featureGroup(), existing = L.featureGroup();
  var facilityCount = 0;
  D.facilities.features.forEach(function (f) {
    var p = f.properties;
    var isProposed = p.kind === 'proposed';
    var icon = L.divIcon({
      className: 'basural-facility basural-' + p.kind,
      html: isProposed ? STAR : SQUARE,
      iconSize: isProposed ? [18, 18] : [14, 14]
    });
    var rows = p.properties.slice();
    var m = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon: icon, keyboard: false });
    m.bindPopup(popup((isProposed ? 'Proposed facility: ' : 'Existing landfill: ') + (p.label || p.id), rows, ''));
    m.addTo(isProposed ? proposed : existing);
    facilityCount += 1;
  });
  if (proposed.getLayers().length) {
    proposed.addTo(map);
    overlays['Proposed facilities (' + proposed.getLayers().length + ')'] = proposed;
  }
  if (existing.getLayers().length) {
    existing.addTo(map);
    overlays['Existing landfills (' + existing.getLayers().length + ')'] = existing;
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
      row.appendChild(document.createTextNode(e.count ? e.label + ' (' + e.count + ')' : e.label));
      div.appendChild(row);
    });
    var estimated = D.sites.features.filter(function (f) { return f.properties.estimated; }).length;
    if (estimated) {
      var row = el('div');
      row.appendChild(el('span', 'basural-swatch basural-hollow'));
      row.appendChild(document.createTextNode('Hollow: estimated (' + estimated + '), a model output, not observed'));
      div.appendChild(row);
    }
    if (D.size_label) div.appendChild(el('div', '', 'Symbol area proportional to ' + D.size_label));
    if (D.catchments.features.length) {
      var c = el('div');
      var s = el('span', 'basural-swatch basural-area');
      s.style.background = 'rgba(106,81,163,0.15)';
      s.style.borderColor = '#6a51a3';
      c.appendChild(s);
      c.appendChild(document.createTextNode('Catchment'));
      div.appendChild(c);
    }
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  legend.addTo(map);

  map.fitBounds(D.view, { padding: [12, 12] });
  var root = document.documentElement;
  root.setAttribute('data-basural-sites', String(siteCount));
  root.setAttribute('data-basural-facilities', String(facilityCount));
  root.setAttribute('data-basural-ready', 'true');
})();
)JS";

}  // namespace

void write_map_html(const MapScene& scene, const std::string& path, const MapStyle& style)
{
    std::string licence(detail::leaflet_license());
    for (std::size_t pos; (pos = licence.find("--")) != std::string::npos;)
        licence.replace(pos, 2, "- -");  // "--" may not appear inside an HTML comment

    std::string page;
    page.reserve(detail::leaflet_js().size() + detail::leaflet_css().size() + 65536);
    page += "<!DOCTYPE html>\n<html lang=\"en\" data-basural-errors=\"0\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<meta name=\"generator\" content=\"basural " BASURAL_VERSION_STRING "\">\n";
    page += "<title>" + html_escape(scene.title) + "</title>\n";
    page += "<!-- Leaflet 1.9.4 (https://leafletjs.com) is inlined below under its licence:\n" + licence + "-->\n";
    page += "<style>\n";
    page += detail::leaflet_css();
    page += "\n</style>\n<style>";
    page += PAGE_CSS;
    page += "</style>\n</head>\n<body>\n<pre id=\"basural-errors\"></pre>\n<script>";
    page += ERROR_HOOK;
    page += "</script>\n<header><h1>" + html_escape(scene.title) + "</h1>";
    if (!scene.subtitle.empty())
        page += "<p>" + html_escape(scene.subtitle) + "</p>";
    page += "</header>\n<div id=\"map\"></div>\n<script>\n";
    page += detail::leaflet_js();
    page += "\n</script>\n<script>\nvar DATA = ";
    page += script_safe_json(scene_json(scene, style));
    page += ";\n";
    page += PAGE_JS;
    page += "</script>\n</body>\n</html>\n";
    write_file_atomically(path, page);
}

}  // namespace basural

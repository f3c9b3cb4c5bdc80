// The HTML map (lib/src/maps/map_html.cpp, map_html_page.cpp): self-contained, escaped, drawn by headless
// Chromium; sites at one point share one marker.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

TEST_CASE("HTML: self-contained, strings escaped, deterministic", "[map][html]")
{
    const auto dir = scratch("html");
    MapScene s = fixture_scene();
    s.title = "Testland </script><script>alert(1)</script> \"São Tomé\" & 'Príncipe'";
    s.points[0].label = "Lixão </script> \"do\" Morro";
    const auto path = dir / "testland.html";
    write_map_html(s, path.string());
    const std::string html = slurp(path);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    // Three scripts (error hook, Leaflet, the map) and no other "</script" anywhere: the data's
    // "</script>" is escaped, so it cannot end the data script early.
    CHECK(count_of(html, "<script>") == 3);
    CHECK(count_of(html, "</script") == 3);
    CHECK(html.find("Lix\xC3\xA3o \\u003c/script\\u003e \\\"do\\\" Morro") != std::string::npos);
    CHECK(html.find("<title>Testland &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;São Tomé&quot; "
                    "&amp; &#39;Príncipe&#39;</title>") != std::string::npos);
    // Offline: nothing loaded from elsewhere.
    CHECK(html.find("<script src") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("Leaflet 1.9.4") != std::string::npos);
    CHECK(html.find("BSD 2-Clause License") != std::string::npos);
    // render_map dispatches .html here too; same scene, same bytes.
    const auto again = dir / "again.html";
    render_map(s, default_map_style(), again.string());
    CHECK(html == slurp(again));
}

TEST_CASE("HTML: headless Chromium draws every site and facility without a script error", "[map][html][chromium]")
{
    const auto dir = scratch("chromium");
    MapScene s = fixture_scene();
    s.title = "Testland </script> \"São Tomé\"";
    s.points[0].label = "Lixão </script><script>document.title='pwned'</script>";
    // A site with no usable position is left out, not passed to Leaflet (which would throw).
    s.points.push_back(site("nowhere", {std::nan(""), 0.0}, "open_dump", 1.0));
    const auto path = dir / "testland.html";
    write_map_html(s, path.string());
    const std::string dom = chromium_dom(path, dir);
    INFO("page errors: " << dom.substr(0, 2000));
    CHECK(dom.find("data-basural-errors=\"0\"") != std::string::npos);
    CHECK(dom.find("data-basural-ready=\"true\"") != std::string::npos);
    CHECK(dom.find("data-basural-requests=\"0\"") != std::string::npos);  // no network request
    CHECK(dom.find("data-basural-sites=\"5\"") != std::string::npos);
    CHECK(dom.find("data-basural-facilities=\"1\"") != std::string::npos);
    // Leaflet's own elements: one SVG path per site marker, one icon per facility.
    CHECK(count_of(dom, "<path class=\"basural-site") == 5);
    CHECK(count_of(dom, "<path class=\"basural-site basural-estimated") == 1);
    CHECK(count_of(dom, "basural-facility basural-proposed") == 1);
    CHECK(count_of(dom, "class=\"leaflet-control-scale-line\"") == 1);
    CHECK(count_of(dom, "<div class=\"leaflet-control-layers leaflet-control-layers-expanded") == 1);
    // 9 toggles: neighbours, Testland, catchments, 5 site categories, proposed facilities.
    CHECK(count_of(dom, "<input type=\"checkbox\" class=\"leaflet-control-layers-selector\"") == 9);
    // The attribution control (not just the page's data) shows the sources; the legend is drawn.
    const auto attribution = dom.find("<div class=\"leaflet-control-attribution");
    REQUIRE(attribution != std::string::npos);
    const std::string attribution_div = dom.substr(attribution, dom.find("</div>", attribution) - attribution);
    CHECK(attribution_div.find(">Leaflet</a>") != std::string::npos);
    CHECK(attribution_div.find("Boundaries: Natural Earth, Sites: SNIS 2022 (Brazil), Places: GeoNames") !=
          std::string::npos);
    CHECK(dom.find("<div class=\"basural-legend leaflet-control\"><h4>Site type</h4>") != std::string::npos);
    CHECK(dom.find("<title>pwned</title>") == std::string::npos);
}

TEST_CASE("HTML: sites at one point share one marker whose popup lists them all", "[map][html]")
{
    const auto dir = scratch("html_shared");
    MapScene s = fixture_scene();
    s.locale = locale_of("pt");
    s.points.push_back(site("1b", {-49.5, -14.5}, "open_dump", 20.0));  // at site 1's point, same colour
    const auto path = dir / "shared.html";
    write_map_html(s, path.string());
    const std::string html = slurp(path);
    CHECK(html.find("<html lang=\"pt\"") != std::string::npos);
    CHECK(html.find("\"heading\":\"2 locais neste ponto\"") != std::string::npos);
    CHECK(count_of(html, "\"members\":[") == 5);  // 6 sites, 5 markers
    CHECK(html.find("\"label\":\"Site 1\"") != std::string::npos);
    CHECK(html.find("\"label\":\"Site 1b\"") != std::string::npos);
    CHECK(html.find("\"proposed\":\"Aterros sanitários regionais propostos (1)\"") != std::string::npos);
}

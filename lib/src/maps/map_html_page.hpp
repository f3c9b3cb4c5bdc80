#pragma once
// The interactive map page's own stylesheet and scripts (map_html_page.cpp), written into the page by
// write_map_html (map_html.cpp) after Leaflet's.

#include <string_view>

namespace basural::detail {

/// Runs first: counts uncaught script errors on <html data-basural-errors>.
std::string_view map_page_error_hook() noexcept;
std::string_view map_page_css() noexcept;
/// Draws the page from the global DATA (the scene as JSON) and, when done, sets data-basural-ready,
/// data-basural-sites, data-basural-markers, data-basural-facilities and data-basural-requests (what
/// the browser fetched over the network: 0) on <html>.
std::string_view map_page_script() noexcept;

}  // namespace basural::detail

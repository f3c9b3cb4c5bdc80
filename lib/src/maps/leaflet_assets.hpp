#pragma once
// Leaflet 1.9.4 (third_party/leaflet/), embedded at build time by cmake/embed_file.cmake.

#include <cstddef>
#include <string_view>

namespace basural::detail {

extern const unsigned char LEAFLET_JS[];
extern const std::size_t LEAFLET_JS_SIZE;
extern const unsigned char LEAFLET_CSS[];
extern const std::size_t LEAFLET_CSS_SIZE;
extern const unsigned char LEAFLET_LICENSE[];
extern const std::size_t LEAFLET_LICENSE_SIZE;

inline std::string_view leaflet_js() noexcept
{
    return {reinterpret_cast<const char*>(LEAFLET_JS), LEAFLET_JS_SIZE};
}
inline std::string_view leaflet_css() noexcept
{
    return {reinterpret_cast<const char*>(LEAFLET_CSS), LEAFLET_CSS_SIZE};
}
inline std::string_view leaflet_license() noexcept
{
    return {reinterpret_cast<const char*>(LEAFLET_LICENSE), LEAFLET_LICENSE_SIZE};
}

}  // namespace basural::detail

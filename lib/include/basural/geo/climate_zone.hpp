#pragma once
/// \file climate_zone.hpp
/// The IPCC 2006 climate zones that set the decay rate k of waste at a disposal site
/// (2006 IPCC Guidelines, Vol. 5 Ch. 3, Table 3.3), approximated from a site's position alone:
/// no temperature or precipitation raster ships with basural. The rule and its known errors are in
/// docs/methods/methane.md ("Climate zone").

#include "basural/geo/lon_lat.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace basural {

/// Table 3.3's four zones. "temperate" stands for the table's "boreal and temperate".
///  - tropical: mean annual temperature (MAT) > 20 °C; wet when mean annual precipitation (MAP) >= 1000 mm.
///  - temperate: MAT <= 20 °C; wet when MAP / potential evapotranspiration (PET) > 1.
enum class ClimateZone { temperate_dry, temperate_wet, tropical_dry, tropical_wet };

std::string_view to_string(ClimateZone z) noexcept;
/// Parses the spelling to_string writes; std::nullopt otherwise.
std::optional<ClimateZone> parse_climate_zone(std::string_view s) noexcept;
bool is_tropical(ClimateZone z) noexcept;
bool is_wet(ClimateZone z) noexcept;

/// Latitude of the tropics of Cancer and Capricorn (Earth's obliquity, 23.44° in the 2020s).
inline constexpr double TROPIC_LATITUDE_DEG = 23.44;

/// A coarse hand-drawn polygon (longitude, latitude in degrees, planar) around a region of Latin
/// America whose climate is dry in Table 3.3's sense (MAP < 1000 mm in the tropics, MAP/PET < 1
/// outside them). See docs/methods/methane.md for what each one covers and what it misses.
struct DryRegion {
    std::string_view name;
    std::vector<LonLat> ring;  ///< open ring (first vertex not repeated)
};

/// The documented dry regions, in a fixed order.
const std::vector<DryRegion>& dry_regions();

/// The name of the first dry region containing `p`, or "" when none does.
std::string_view dry_region_at(const LonLat& p) noexcept;

/// Climate zone by the documented rule: tropical when |latitude| <= TROPIC_LATITUDE_DEG, dry when
/// inside one of dry_regions(). An approximation: highland sites inside the tropics (Bogotá, Quito,
/// La Paz, Mexico City) are cooler than 20 °C and lowland sites just outside them (Asunción,
/// Monterrey) are warmer; callers with better data pass their own zone to estimate_site_methane.
ClimateZone climate_zone_at(const LonLat& p) noexcept;

}  // namespace basural

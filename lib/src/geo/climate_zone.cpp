#include "basural/geo/climate_zone.hpp"

#include <array>
#include <cmath>
#include <utility>

namespace basural {
namespace {

constexpr std::array<std::pair<ClimateZone, std::string_view>, 4> ZONES{{
    {ClimateZone::temperate_dry, "temperate_dry"},
    {ClimateZone::temperate_wet, "temperate_wet"},
    {ClimateZone::tropical_dry, "tropical_dry"},
    {ClimateZone::tropical_wet, "tropical_wet"},
}};

// Even-odd ray casting in the plane of (longitude, latitude) degrees. The rings are coarse
// (vertices tens to hundreds of km apart) and none crosses the antimeridian, so planar is enough.
bool inside_ring(const std::vector<LonLat>& ring, const LonLat& p) noexcept
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const LonLat& a = ring[i];
        const LonLat& b = ring[j];
        if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg)) {
            const double lon_at = a.lon_deg + (p.lat_deg - a.lat_deg) * (b.lon_deg - a.lon_deg) / (b.lat_deg - a.lat_deg);
            if (p.lon_deg < lon_at)
                inside = !inside;
        }
    }
    return inside;
}

}  // namespace

std::string_view to_string(ClimateZone z) noexcept
{
    for (const auto& [value, name] : ZONES)
        if (value == z)
            return name;
    return "unknown";
}

std::optional<ClimateZone> parse_climate_zone(std::string_view s) noexcept
{
    for (const auto& [value, name] : ZONES)
        if (name == s)
            return value;
    return std::nullopt;
}

bool is_tropical(ClimateZone z) noexcept { return z == ClimateZone::tropical_dry || z == ClimateZone::tropical_wet; }
bool is_wet(ClimateZone z) noexcept { return z == ClimateZone::tropical_wet || z == ClimateZone::temperate_wet; }

// The vertices were drawn by hand around the dry areas of LAC where people (and so dumps) are, from
// the aridity (MAP/PET) and precipitation patterns of the CGIAR Global Aridity Index and the
// Köppen-Geiger maps of Beck et al. (2018). Checks of major cities on either side of each boundary
// are in tests/unit/geo/test_climate_zone.cpp; the cover and the known gaps are listed in
// docs/methods/methane.md.
const std::vector<DryRegion>& dry_regions()
{
    static const std::vector<DryRegion> regions{
        {"northern and central Mexico",
         {{-117.3, 32.75}, {-114.5, 33.0}, {-106.5, 32.0}, {-101.0, 30.5}, {-98.5, 28.0},  {-97.0, 26.0},
          {-97.5, 24.0},   {-99.0, 22.6},  {-99.6, 21.5},  {-98.9, 20.9},  {-98.3, 20.3},  {-97.6, 19.7},
          {-97.3, 18.9},   {-97.2, 18.3},  {-98.0, 18.2},  {-98.6, 18.9},  {-99.5, 19.05}, {-100.2, 19.2},
          {-101.5, 19.4},  {-101.7, 19.6}, {-102.2, 20.0}, {-102.8, 20.8}, {-103.0, 22.2}, {-104.5, 23.5},
          {-106.0, 23.3},  {-109.3, 22.6}, {-110.3, 22.8}, {-112.5, 24.5}, {-115.5, 27.5}, {-117.5, 30.5}}},
        {"Caribbean coast of Colombia and Venezuela",
         {{-75.3, 10.1},  {-75.3, 11.3}, {-72.5, 12.7}, {-71.0, 12.0},  {-69.5, 12.3}, {-66.0, 11.2},
          {-63.0, 11.3},  {-63.0, 10.4}, {-64.5, 9.9},  {-66.5, 10.15}, {-68.3, 10.05}, {-69.8, 9.8},
          {-70.5, 10.3},  {-71.2, 10.2}, {-72.1, 10.3}, {-73.0, 9.9},   {-74.0, 9.7}}},
        {"coast of Manabí and Santa Elena (Ecuador)",
         {{-81.2, -2.5}, {-80.3, -2.5}, {-80.2, -1.5}, {-80.3, -0.6}, {-81.0, -0.5}}},
        {"north-east Brazil semi-arid",
         {{-41.2, -3.2},  {-40.0, -3.3},  {-39.0, -4.0},  {-38.0, -4.6},  {-37.2, -4.9},  {-36.0, -5.0},
          {-35.9, -6.5},  {-35.7, -7.5},  {-35.9, -8.5},  {-36.3, -9.2},  {-37.2, -10.0}, {-38.3, -11.5},
          {-39.3, -13.5}, {-40.0, -15.2}, {-41.5, -15.7}, {-43.0, -15.5}, {-44.0, -14.5}, {-44.0, -11.0},
          {-43.2, -9.5},  {-42.6, -7.5},  {-42.2, -5.8},  {-41.8, -4.5}}},
        {"Pacific coast, central Andes and the arid diagonal of Argentina",
         {// east side, north to south: Andes of Peru and Bolivia, Chaco, Pampas, Atlantic coast
          {-80.0, -3.4},  {-79.3, -5.0},  {-78.2, -7.0},  {-77.0, -9.0},  {-75.5, -11.0}, {-74.5, -12.5},
          {-72.5, -13.0}, {-70.5, -14.0}, {-68.5, -15.0}, {-67.8, -16.3}, {-65.5, -17.2}, {-64.5, -18.5},
          {-64.0, -21.5}, {-62.5, -22.0}, {-60.0, -21.0}, {-59.5, -24.0}, {-61.5, -27.0}, {-62.0, -30.0},
          {-61.5, -32.0}, {-62.0, -35.0}, {-61.5, -38.0}, {-61.5, -39.5}, {-63.5, -42.0}, {-64.5, -45.0},
          {-65.5, -48.0}, {-67.5, -51.5}, {-67.0, -53.5},
          // west side, south to north: Patagonian Andes, central Chile, Pacific coast
          {-71.5, -53.5}, {-72.5, -51.5}, {-71.8, -48.0}, {-71.5, -45.0}, {-71.3, -42.0}, {-71.3, -40.0},
          {-71.0, -37.0}, {-70.5, -35.5}, {-72.5, -35.5}, {-72.0, -33.0}, {-71.8, -30.0}, {-71.0, -26.0},
          {-70.9, -23.5}, {-70.7, -20.0}, {-71.5, -18.0}, {-74.0, -16.0}, {-76.5, -14.0}, {-77.5, -12.0},
          {-79.0, -9.0},  {-80.0, -7.0},  {-81.6, -5.5},  {-81.5, -4.0},  {-80.5, -3.3}}},
    };
    return regions;
}

std::string_view dry_region_at(const LonLat& p) noexcept
{
    for (const auto& region : dry_regions())
        if (inside_ring(region.ring, p))
            return region.name;
    return "";
}

ClimateZone climate_zone_at(const LonLat& p) noexcept
{
    const bool tropical = std::fabs(p.lat_deg) <= TROPIC_LATITUDE_DEG;
    const bool dry = !dry_region_at(p).empty();
    if (tropical)
        return dry ? ClimateZone::tropical_dry : ClimateZone::tropical_wet;
    return dry ? ClimateZone::temperate_dry : ClimateZone::temperate_wet;
}

}  // namespace basural

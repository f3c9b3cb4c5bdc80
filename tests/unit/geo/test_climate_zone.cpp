// The position rule for IPCC climate zones, checked on cities whose climate is well known
// (approximate mean annual precipitation (MAP) from their climate normals, and their Köppen class).
#include "basural/geo/climate_zone.hpp"

#include <catch2/catch.hpp>

using namespace basural;

namespace {
struct City {
    const char* name;
    LonLat where;
    ClimateZone expected;
};
}  // namespace

TEST_CASE("climate zone by position for cities on either side of each dry-region boundary", "[climate_zone]")
{
    const std::vector<City> cities{
        // Wet tropics (MAP well above 1000 mm).
        {"Manaus (MAP ~2300 mm, Af)", {-60.02, -3.12}, ClimateZone::tropical_wet},
        {"Panama City (~1900 mm)", {-79.52, 8.98}, ClimateZone::tropical_wet},
        {"Santo Domingo (~1400 mm)", {-69.93, 18.49}, ClimateZone::tropical_wet},
        {"Havana (~1200 mm), just south of the tropic", {-82.38, 23.13}, ClimateZone::tropical_wet},
        {"Recife (~2400 mm), east of the semi-arid", {-34.88, -8.05}, ClimateZone::tropical_wet},
        {"Fortaleza (~1600 mm), north of the semi-arid", {-38.54, -3.73}, ClimateZone::tropical_wet},
        {"Salvador (~2100 mm)", {-38.50, -12.97}, ClimateZone::tropical_wet},
        {"Teresina (~1300 mm), west of the semi-arid", {-42.80, -5.09}, ClimateZone::tropical_wet},
        {"Xalapa (~1500 mm), Gulf slope", {-96.92, 19.54}, ClimateZone::tropical_wet},
        {"Guadalajara (~1000 mm)", {-103.35, 20.67}, ClimateZone::tropical_wet},
        {"Santa Cruz de la Sierra (~1300 mm)", {-63.18, -17.78}, ClimateZone::tropical_wet},
        {"Medellín (~1700 mm)", {-75.57, 6.25}, ClimateZone::tropical_wet},
        // Dry tropics (MAP below 1000 mm).
        {"Lima (~10 mm, BWh)", {-77.04, -12.05}, ClimateZone::tropical_dry},
        {"Piura (BWh)", {-80.63, -5.19}, ClimateZone::tropical_dry},
        {"Arequipa (~100 mm)", {-71.54, -16.40}, ClimateZone::tropical_dry},
        {"Arica (~1 mm)", {-70.30, -18.48}, ClimateZone::tropical_dry},
        {"La Paz (~600 mm)", {-68.13, -16.50}, ClimateZone::tropical_dry},
        {"Cochabamba (~450 mm)", {-66.16, -17.39}, ClimateZone::tropical_dry},
        {"Barranquilla (~800 mm)", {-74.80, 10.96}, ClimateZone::tropical_dry},
        {"Maracaibo (~550 mm)", {-71.64, 10.65}, ClimateZone::tropical_dry},
        {"Caracas (~900 mm)", {-66.90, 10.50}, ClimateZone::tropical_dry},
        {"Manta (~300 mm)", {-80.72, -0.97}, ClimateZone::tropical_dry},
        {"Campina Grande (~800 mm)", {-35.88, -7.23}, ClimateZone::tropical_dry},
        {"Petrolina (~500 mm)", {-40.50, -9.39}, ClimateZone::tropical_dry},
        {"Feira de Santana (~850 mm)", {-38.97, -12.27}, ClimateZone::tropical_dry},
        {"Mexico City (~800 mm)", {-99.13, 19.43}, ClimateZone::tropical_dry},
        {"Querétaro (~550 mm, BSh)", {-100.39, 20.59}, ClimateZone::tropical_dry},
        {"Cabo San Lucas (BWh)", {-109.91, 22.89}, ClimateZone::tropical_dry},
        // Temperate (outside the tropics), dry: MAP/PET < 1.
        {"Monterrey (BSh)", {-100.31, 25.67}, ClimateZone::temperate_dry},
        {"Hermosillo (BWh)", {-110.96, 29.07}, ClimateZone::temperate_dry},
        {"Tijuana (BSk)", {-117.02, 32.53}, ClimateZone::temperate_dry},
        {"Ciudad Juárez (BWk)", {-106.45, 31.69}, ClimateZone::temperate_dry},
        {"Antofagasta (BWk)", {-70.40, -23.65}, ClimateZone::temperate_dry},
        {"Santiago (~310 mm)", {-70.65, -33.45}, ClimateZone::temperate_dry},
        {"Mendoza (BWk)", {-68.84, -32.89}, ClimateZone::temperate_dry},
        {"Córdoba, Argentina (~800 mm, high PET)", {-64.18, -31.42}, ClimateZone::temperate_dry},
        {"Bahía Blanca (~600 mm)", {-62.27, -38.72}, ClimateZone::temperate_dry},
        {"Neuquén (BWk)", {-68.06, -38.95}, ClimateZone::temperate_dry},
        {"Comodoro Rivadavia (BSk)", {-67.50, -45.87}, ClimateZone::temperate_dry},
        // Temperate wet: MAP/PET > 1.
        {"Buenos Aires (~1200 mm)", {-58.38, -34.60}, ClimateZone::temperate_wet},
        {"Rosario (~1000 mm)", {-60.65, -32.95}, ClimateZone::temperate_wet},
        {"Montevideo (~1100 mm)", {-56.16, -34.90}, ClimateZone::temperate_wet},
        {"São Paulo (~1450 mm)", {-46.63, -23.55}, ClimateZone::temperate_wet},
        {"Porto Alegre (~1400 mm)", {-51.23, -30.03}, ClimateZone::temperate_wet},
        {"Concepción, Chile (~1100 mm)", {-73.05, -36.83}, ClimateZone::temperate_wet},
        {"Valdivia (~1800 mm)", {-73.25, -39.81}, ClimateZone::temperate_wet},
    };
    for (const auto& c : cities) {
        INFO(c.name);
        CHECK(climate_zone_at(c.where) == c.expected);
    }
}

TEST_CASE("documented limits of the position rule", "[climate_zone]")
{
    // These are the rule's known errors (docs/methods/methane.md): asserted so that a change to the
    // rule that fixes or moves them is noticed and documented.
    // Bogotá: mean annual temperature ~14 °C, so IPCC "temperate"; the latitude rule says tropical.
    CHECK(climate_zone_at({-74.07, 4.71}) == ClimateZone::tropical_wet);
    // Asunción: MAT ~23 °C, so IPCC "tropical"; at 25.3° S the latitude rule says temperate.
    CHECK(climate_zone_at({-57.58, -25.30}) == ClimateZone::temperate_wet);
    // Tegucigalpa: MAP ~900 mm, dry, but the Central American dry corridor has no dry region.
    CHECK(climate_zone_at({-87.21, 14.07}) == ClimateZone::tropical_wet);
}

TEST_CASE("dry regions are named; zones print and parse", "[climate_zone]")
{
    CHECK(dry_region_at({-77.04, -12.05}) == "Pacific coast, central Andes and the arid diagonal of Argentina");
    CHECK(dry_region_at({-60.02, -3.12}).empty());
    for (auto z : {ClimateZone::temperate_dry, ClimateZone::temperate_wet, ClimateZone::tropical_dry,
                   ClimateZone::tropical_wet})
        CHECK(parse_climate_zone(to_string(z)) == z);
    CHECK_FALSE(parse_climate_zone("boreal").has_value());
    CHECK(is_tropical(ClimateZone::tropical_dry));
    CHECK_FALSE(is_tropical(ClimateZone::temperate_wet));
    CHECK(is_wet(ClimateZone::temperate_wet));
    CHECK_FALSE(is_wet(ClimateZone::tropical_dry));
}

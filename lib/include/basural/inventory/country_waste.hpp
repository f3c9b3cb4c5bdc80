#pragma once
/// \file country_waste.hpp
/// Per-country municipal solid waste parameters (generation, collection, disposal and composition
/// shares) and the loader of the shipped table datasets/lac_country_waste.csv (see datasets/README.md:
/// built from the World Bank's What a Waste 2.0). Percentages are 0-100, as in the source.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace basural {

/// One country's waste parameters; every number is std::nullopt when the source gives none.
struct CountryWaste {
    std::string iso3;  ///< ISO 3166-1 alpha-3
    std::string name;
    std::optional<std::int64_t> population;
    std::optional<double> msw_t_per_year;
    std::optional<double> msw_kg_per_capita_day;
    std::optional<double> collection_coverage_pct;
    std::optional<double> open_dump_pct;
    std::optional<double> controlled_landfill_pct;
    std::optional<double> sanitary_landfill_pct;
    std::optional<double> landfill_unspecified_pct;
    std::optional<double> composition_food_organic_pct;
    std::optional<double> composition_paper_cardboard_pct;
    std::optional<double> composition_wood_pct;
    std::optional<double> composition_yard_garden_green_pct;
    std::optional<double> composition_plastic_pct;
    std::optional<double> composition_glass_pct;
    std::optional<double> composition_metal_pct;
    std::optional<double> composition_rubber_leather_pct;
    std::optional<double> composition_other_pct;
};

/// The columns of a country waste table, in order (iso3, name, population, msw_t_per_year, ...).
const std::vector<std::string>& country_waste_columns();

/// Reads a country waste table through GDAL. Throws basural::input_error naming file, record, field and
/// value when a column is missing, iso3 is not three capital letters or repeats, a number is not a
/// number, a percentage is outside [0, 100] or a quantity is negative.
std::vector<CountryWaste> load_country_waste(const std::filesystem::path& path);

/// Waste generated per person per day: msw_kg_per_capita_day when given, otherwise
/// msw_t_per_year x 1000 / 365 / population when both are known and population > 0.
std::optional<double> msw_kg_per_capita_day_of(const CountryWaste& c) noexcept;

}  // namespace basural

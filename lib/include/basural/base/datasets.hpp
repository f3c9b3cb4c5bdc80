#pragma once
/// \file datasets.hpp
/// Where the shipped datasets (datasets/ in the source tree, share/basural/datasets once installed) are.

#include <filesystem>
#include <string_view>
#include <vector>

namespace basural {

/// File names of the shipped datasets (see datasets/README.md).
inline constexpr std::string_view SHIPPED_INVENTORY = "lac_sites.csv";
inline constexpr std::string_view SHIPPED_COUNTRIES = "lac_countries.geojson";
inline constexpr std::string_view SHIPPED_PLACES = "lac_places.csv";
inline constexpr std::string_view SHIPPED_COUNTRY_WASTE = "lac_country_waste.csv";
/// Non-LAC Natural Earth countries around LAC (properties iso_n3, name), drawn grey on maps.
inline constexpr std::string_view SHIPPED_WORLD_CONTEXT = "world_context.geojson";
/// First-level units (states, provinces, departments) of the 33 countries: iso3, name, admin1_code.
inline constexpr std::string_view SHIPPED_ADMIN1 = "lac_admin1.geojson";

/// Directories searched for shipped datasets: $BASURAL_DATA_DIR alone when it is set; otherwise the
/// install location relative to the running executable (<prefix>/bin/../share/basural/datasets),
/// then the install location configured at build time (for the library used by another program,
/// e.g. python3 running the basural module), then the source tree the binary was built from.
std::vector<std::filesystem::path> dataset_search_path();

/// Full path of a shipped dataset; throws basural::input_error naming every place searched
/// when it is in none of them.
std::filesystem::path find_dataset(std::string_view file_name);

/// `given` when it is not empty (a path the user named), else the shipped dataset `shipped_file`
/// (find_dataset): what every command reads when an input option is left out.
std::string given_or_shipped(const std::string& given, std::string_view shipped_file);

/// An input that may be left out: "" for `none`, `given` when the user named a path, else the shipped
/// dataset `shipped_file` when it is installed and "" when it is not (the command then goes without).
std::string given_shipped_or_none(const std::string& given, std::string_view shipped_file);

/// The library's version ("0.1.0").
std::string_view version() noexcept;

}  // namespace basural

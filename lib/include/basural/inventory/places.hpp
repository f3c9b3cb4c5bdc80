#pragma once
/// \file places.hpp
/// Populated places (GeoNames points with their population) and the loader of the shipped table
/// datasets/lac_places.csv (see datasets/README.md for its source and licence).

#include "basural/inventory/site.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace basural {

/// One populated place: a point standing for a whole town or city.
struct Place {
    std::string id;                          ///< GeoNames geonameid
    std::string name;
    std::string country_iso3;                ///< ISO 3166-1 alpha-3
    std::string feature_code;                ///< GeoNames feature code (PPL, PPLA, PPLC, ...); "" = unknown
    std::string admin1_code;                 ///< GeoNames admin1 code; "" = unknown
    std::optional<std::int64_t> population;  ///< std::nullopt when the source gives none
    LonLat location;                         ///< WGS84
};

/// The columns of a places table, in order:
/// geonameid,name,country,feature_code,admin1_code,population,lon,lat.
const std::vector<std::string>& place_columns();

/// Reads a places table through GDAL (CSV, or any vector format with these attribute columns).
/// Throws basural::input_error naming file, record, field and value when a column is missing, an id is
/// empty or repeated, a country is not three capital letters, a population is not a whole number >= 0,
/// or lon/lat are missing or outside [-180, 180] / [-90, 90].
std::vector<Place> load_places(const std::filesystem::path& path);

}  // namespace basural

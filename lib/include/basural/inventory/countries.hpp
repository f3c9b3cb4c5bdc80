#pragma once
/// \file countries.hpp
/// The 33 countries of Latin America and the Caribbean and their boundaries: which country a point
/// lies in, with a tolerance in metres for coastal sites that coarse coastlines leave in the sea.

#include "basural/geo/lon_lat.hpp"
#include "basural/geo/polygon_rings.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// One of the 33 independent states of Latin America and the Caribbean (UN M49 region 419).
struct LacCountry {
    std::string_view iso3;    ///< ISO 3166-1 alpha-3 ("BRA")
    std::string_view iso2;    ///< ISO 3166-1 alpha-2 ("BR")
    std::string_view iso_n3;  ///< ISO 3166-1 numeric, three digits ("076")
    std::string_view name;    ///< English short name ("Brazil")
};

/// The 33 LAC countries, sorted by iso3.
const std::vector<LacCountry>& lac_countries();

/// The LAC country with this exact (upper-case) alpha-3 code, or nullptr.
const LacCountry* find_lac_country(std::string_view iso3) noexcept;

// Ring, PolygonRings and MultiPolygonRings (a country's mainland, islands...): basural/geo/polygon_rings.hpp.

/// Default tolerance for "is this point in its country": 5 km. Natural Earth's 1:10m coastlines are
/// generalised to about 1 mm on a 1:10,000,000 map, i.e. about 1-2 km on the ground, and bays,
/// estuaries and river mouths are cut across; landfills and dumps sit on shores and estuaries
/// (e.g. Gramacho on Guanabara Bay). 5 km keeps those while still catching sites placed in the
/// wrong country or kilometres out at sea. Land borders are checked with the same tolerance, so a
/// site within 5 km of a border is accepted on either side of it.
inline constexpr double DEFAULT_COASTAL_TOLERANCE_M = 5000.0;

/// Country polygons loaded from a vector file (GeoJSON, GeoPackage...) in WGS84 whose features
/// carry the property `iso3` (also read: `name`, `iso_n3`) and Polygon or MultiPolygon geometries.
/// Several features with the same iso3 are one country.
///
/// Point-in-country uses GEOS prepared geometries behind an R-tree of polygon bounding boxes.
/// Distances to a country are in metres: the boundary segments near the point (found through a
/// second R-tree) are projected on an azimuthal equidistant projection centred on the point, built
/// from exact WGS84 geodesics (distance and azimuth from the point to each vertex), where the
/// distance from the centre is the geodesic distance; the segment between two projected vertices is
/// taken as straight, which for segments of a few km is off by centimetres.
/// Longitudes are taken as they are (no wrap across the antimeridian, which no LAC country crosses).
///
/// Queries are const but not safe to run from several threads at once on the same object.
class CountryBoundaries {
public:
    /// Loads boundaries; throws basural::input_error naming the file (and record) on bad input.
    explicit CountryBoundaries(const std::string& path);
    ~CountryBoundaries();
    CountryBoundaries(CountryBoundaries&&) noexcept;
    CountryBoundaries& operator=(CountryBoundaries&&) noexcept;

    /// The file the boundaries came from.
    const std::string& path() const noexcept;
    /// ISO3 codes present, sorted.
    std::vector<std::string> codes() const;
    /// iso3 -> name as given in the file ("" when the file has no name).
    std::map<std::string, std::string> names() const;
    bool has(std::string_view iso3) const noexcept;
    /// A country's polygons as WGS84 rings; throws basural::usage_error for a code not in the file.
    const MultiPolygonRings& polygons(std::string_view iso3) const;

    /// The country whose polygons cover `p` (boundary included; where countries share a border
    /// or overlap, the first by iso3). Otherwise the nearest country within `tolerance_m`
    /// (ties: the first by iso3). std::nullopt when none.
    std::optional<std::string> country_at(const LonLat& p, double tolerance_m = 0.0) const;

    /// True when `p` is in the country or within `tolerance_m` metres of it.
    /// False for a code not in the file.
    bool contains(std::string_view iso3, const LonLat& p, double tolerance_m = 0.0) const;

    /// Geodesic distance in metres from `p` to the country (0 inside). The search is limited to
    /// `max_m` for speed: returns +infinity when the country is farther than `max_m`.
    double distance_m(std::string_view iso3, const LonLat& p, double max_m) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace basural

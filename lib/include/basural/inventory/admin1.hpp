#pragma once
/// \file admin1.hpp
/// First-level units (states, provinces, departments) of the LAC countries and their boundaries: the
/// unit a point lies in, and a unit found by its code or name. Per-state figures (coverage --by admin1,
/// info --by admin1, the report) rest on it; the shipped layer is datasets/lac_admin1.geojson.

#include "basural/inventory/countries.hpp"
#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// Default tolerance for a point outside every unit of its country: 25 km. The shipped units are
/// generalised (boundary segments of 6.6 km at the median, datasets/README.md), so coastal towns and
/// dumps on estuaries fall outside them by several km; 25 km still keeps a point out of a unit across
/// a bay it does not belong to in nearly every case, and a point that far out is left unknown.
inline constexpr double DEFAULT_ADMIN1_TOLERANCE_M = 25000.0;

/// One first-level unit.
struct Admin1Unit {
    std::string country_iso3;
    std::string code;   ///< as the inventory writes admin1_code (IBGE and INEGI codes for BRA and MEX)
    std::string name;
};

/// Units loaded from a vector file in WGS84 whose features carry `iso3`, `admin1_code` and `name`
/// (Polygon or MultiPolygon; several features with the same iso3 and code are one unit).
/// Point-in-unit uses GEOS prepared geometries behind an R-tree of polygon bounding boxes.
/// Queries are const but not safe to run from several threads at once on the same object.
class Admin1Boundaries {
public:
    /// Throws basural::input_error naming the file, record, field and value on bad input (a missing
    /// property, an empty code, a geometry that is not a polygon).
    explicit Admin1Boundaries(const std::string& path);
    ~Admin1Boundaries();
    Admin1Boundaries(Admin1Boundaries&&) noexcept;
    Admin1Boundaries& operator=(Admin1Boundaries&&) noexcept;

    const std::string& path() const noexcept;
    /// Every unit, sorted by country then code.
    const std::vector<Admin1Unit>& units() const noexcept;
    /// The units of one country, in units() order (indices into units()).
    std::vector<std::size_t> units_of(std::string_view iso3) const;
    const MultiPolygonRings& polygons(std::size_t unit) const;

    /// The unit of `iso3` whose code equals `code_or_name`, else whose name matches it ignoring case
    /// and accents ("sao paulo" finds "São Paulo"); std::nullopt when none.
    std::optional<std::size_t> find(std::string_view iso3, std::string_view code_or_name) const;

    /// The unit of country `iso3` that covers `p` (boundary included; where units overlap, the first
    /// by code); otherwise the unit of `iso3` nearest to `p` within `tolerance_m` (geodesic distance to
    /// the nearest point of its boundary); std::nullopt when none.
    std::optional<std::size_t> unit_at(const LonLat& p, std::string_view iso3,
                                       double tolerance_m = DEFAULT_ADMIN1_TOLERANCE_M) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The first-level unit a site or place is counted in. `code` and `name` empty: unknown (no unit
/// within the tolerance, or no layer for the country and nothing in the inventory).
struct Admin1Key {
    std::string country_iso3;
    std::string code;
    std::string name;
    bool derived = false;   ///< found from the location (point in polygon), not read in the inventory
    bool known() const noexcept { return !code.empty() || !name.empty(); }
    friend bool operator==(const Admin1Key&, const Admin1Key&) = default;
};

/// The unit of each site (index-aligned): the layer's unit whose code is the site's admin1_code, or
/// whose name matches its admin1_name (fold_name); the site's own admin1_code and admin1_name when the
/// layer has no such unit (a unit the layer does not know stays the inventory's); the unit its
/// location lies in (unit_at, within tolerance_m, derived) when the site names none; else unknown.
/// `boundaries` may be null: then only what the inventory says.
std::vector<Admin1Key> site_admin1(const std::vector<Site>& sites, const Admin1Boundaries* boundaries,
                                   double tolerance_m = DEFAULT_ADMIN1_TOLERANCE_M);

/// The unit of each place (index-aligned), always from its location (GeoNames admin1 codes are not
/// the official ones): unit_at within tolerance_m, else unknown. `boundaries` null: all unknown.
std::vector<Admin1Key> place_admin1(const std::vector<Place>& places, const Admin1Boundaries* boundaries,
                                    double tolerance_m = DEFAULT_ADMIN1_TOLERANCE_M);

/// What fill_admin1_codes did.
struct Admin1Fill {
    std::size_t without_code = 0;    ///< sites that had no admin1_code
    std::size_t from_name = 0;       ///< of which given the code of the unit their admin1_name names
    std::size_t from_location = 0;   ///< of which given the code and name of the unit they lie in
};

/// Gives every site without admin1_code the code of a unit of `boundaries`: the unit its admin1_name
/// names (find), else, when it has no admin1_name, the unit its location lies in (unit_at within
/// tolerance_m), whose name it also takes. Sites in no unit, and sites naming a unit the layer does
/// not have, are left as they are.
Admin1Fill fill_admin1_codes(std::vector<Site>& sites, const Admin1Boundaries& boundaries,
                             double tolerance_m = DEFAULT_ADMIN1_TOLERANCE_M);

/// `s` folded for matching names: ASCII letters lower-cased, the accented Latin letters of Spanish,
/// Portuguese and French reduced to their base letter, runs of blanks, '-' and '_' made one space.
std::string fold_name(std::string_view s);

}  // namespace basural

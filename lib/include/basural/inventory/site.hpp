#pragma once
/// \file site.hpp
/// One disposal site in basural's documented schema (docs/data-schema.md).
/// What the source does not say is explicit: std::nullopt for numbers and yes/no answers,
/// an `unknown` enumerator for vocabularies, never 0 or "".

#include "basural/geo/lon_lat.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// How precisely `location` places the site.
enum class LocationPrecision { surveyed, municipal_seat, estimated };
/// What kind of disposal site it is.
enum class SiteType { open_dump, controlled_dump, sanitary_landfill, other };
/// Operating status.
enum class SiteStatus { active, inactive, closing, closed, remediated, unknown };
/// Landfill gas handling.
enum class GasCapture { none, drainage, flaring, energy, unknown };
/// Where a record (or one of its values) comes from: observed in a source, derived from observed
/// values by a documented rule, or estimated by a model.
enum class Provenance { observed, derived, estimated };

std::string_view to_string(LocationPrecision v) noexcept;
std::string_view to_string(SiteType v) noexcept;
std::string_view to_string(SiteStatus v) noexcept;
std::string_view to_string(GasCapture v) noexcept;
std::string_view to_string(Provenance v) noexcept;

/// Parse the schema's own spelling (as written by to_string); std::nullopt when not one of them.
std::optional<LocationPrecision> parse_location_precision(std::string_view s) noexcept;
std::optional<SiteType> parse_site_type(std::string_view s) noexcept;
std::optional<SiteStatus> parse_site_status(std::string_view s) noexcept;
std::optional<GasCapture> parse_gas_capture(std::string_view s) noexcept;
std::optional<Provenance> parse_provenance(std::string_view s) noexcept;

/// One municipality that reports a site (docs/data-schema.md, `reporting_municipalities`).
struct ReportingMunicipality {
    std::string code;  ///< official code (IBGE, INEGI...); "" = unknown
    std::string name;  ///< "" = unknown
    bool operator==(const ReportingMunicipality&) const = default;
};

/// One disposal site.
struct Site {
    std::string site_id;            ///< stable, unique within an inventory
    std::string name;               ///< "" only when the source gives none
    std::string country_iso3;       ///< ISO 3166-1 alpha-3
    std::string admin1_name;        ///< state / province / department; "" = unknown
    std::string admin1_code;        ///< official code of admin1; "" = unknown
    std::string municipality_name;  ///< "" = unknown
    std::string municipality_code;  ///< official code (IBGE, INEGI, ...); "" = unknown
    LonLat location;                ///< WGS84
    LocationPrecision location_precision = LocationPrecision::estimated;
    SiteType site_type = SiteType::other;
    SiteStatus status = SiteStatus::unknown;
    std::optional<double> area_ha;
    std::optional<double> depth_m;
    std::optional<double> waste_t_per_day;
    std::optional<double> waste_in_place_t;
    std::optional<int> opening_year;
    std::optional<int> closure_year;
    std::optional<bool> open_burning;
    std::optional<int> waste_pickers;         ///< people working on site
    std::optional<int> child_waste_pickers;   ///< of whom children (up to 14 years)
    GasCapture gas_capture = GasCapture::unknown;
    std::optional<bool> receives_other_municipalities;
    Provenance provenance = Provenance::observed;        ///< of the record as a whole
    std::optional<Provenance> waste_provenance;          ///< of waste_t_per_day, when known
    std::string source;             ///< dataset the record comes from (e.g. "SNIS-RS 2022")
    std::string source_record;      ///< the record's key or number in that source
    /// Schema columns whose values were derived by a documented rule rather than read from the
    /// source (e.g. "country" by point in polygon), in schema column order, each once; empty:
    /// every given value is as the source says.
    std::vector<std::string> derived_fields;
    /// For a site reported by several municipalities (a shared, intermunicipal site): all of them,
    /// its own municipality included; empty: only the site's own municipality (or unknown).
    std::vector<ReportingMunicipality> reporting_municipalities;
};

/// True when `field` is listed in the site's derived_fields.
bool is_derived(const Site& site, std::string_view field) noexcept;

/// Adds `field` to the site's derived_fields (keeping schema column order and each name once).
/// Throws std::invalid_argument for a name that is not a schema column (or is derived_fields).
void mark_derived(Site& site, std::string_view field);

/// derived_fields as a schema cell: the names joined by ";" ("" when none).
std::string format_derived_fields(const std::vector<std::string>& fields);

/// A derived_fields cell: ";"-separated schema column names, blanks around each ignored, empty
/// names skipped; returned in schema column order, each once. On a name that is not a schema
/// column (or is derived_fields itself) returns std::nullopt and sets `bad_name` to it.
std::optional<std::vector<std::string>> parse_derived_fields(std::string_view cell, std::string& bad_name);

/// reporting_municipalities as a schema cell: entries "CODE NAME" joined by "; ", with CODE "?"
/// when unknown and NAME omitted when unknown ("09005 Gustavo A. Madero; ? 25 de Mayo; 09007").
std::string format_reporting_municipalities(const std::vector<ReportingMunicipality>& list);

/// A reporting_municipalities cell in the form above: entries separated by ";", the code is the
/// entry's first blank-separated token ("?" = unknown), the rest (trimmed) its name. Returns
/// std::nullopt, with `problem` set, for an empty entry between separators or an entry "?"
/// alone (neither code nor name).
std::optional<std::vector<ReportingMunicipality>> parse_reporting_municipalities(std::string_view cell,
                                                                                  std::string& problem);

/// The schema's column names, in the documented order (docs/data-schema.md); the shipped
/// inventory and `basural import` write exactly these.
const std::vector<std::string>& site_schema_columns();

}  // namespace basural

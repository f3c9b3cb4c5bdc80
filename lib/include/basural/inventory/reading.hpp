#pragma once
/// \file reading.hpp
/// Loading any vector source (GeoPackage, Shapefile, GeoJSON, CSV with lon/lat columns,
/// FlatGeobuf, KML, XLSX, PG:...) into the site schema, with every record either loaded or
/// rejected with a reason.

#include "basural/inventory/countries.hpp"
#include "basural/inventory/mapping.hpp"
#include "basural/base/progress.hpp"
#include "basural/inventory/shared_sites.hpp"
#include "basural/inventory/site.hpp"
#include "basural/inventory/validation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace basural {

/// A record that was not loaded, and why.
struct Reject {
    std::string file;         ///< the source as given (a PG: string without its password)
    std::int64_t record = 0;  ///< 1-based feature number in the source (CSV: data row, header excluded)
    std::string field;        ///< the source column (or schema field, "geometry", "location") at fault
    std::string value;        ///< the offending value as text ("" when empty)
    std::string reason;       ///< reads after "<field> '<value>' ": what is wrong and how to mend it
    std::string check;        ///< the check that failed (validation.hpp, checks::*)

    /// "<file> record <n>: <field> '<value>' <reason>", the form of basural::input_error.
    std::string message() const;
};

/// A record merged into an earlier site as one shared site (a near duplicate of the same type).
struct Merge {
    std::int64_t record = 0;       ///< the merged (later) record, 1-based as in Reject
    std::string site_id;           ///< its site_id as read
    std::int64_t into_record = 0;  ///< the record of the site it merged into
    std::string into_site_id;
    double distance_m = 0.0;       ///< geodesic distance between the two records' locations
};

/// Sites loaded from one source.
/// Invariant: records_read == sites.size() + merges.size() + rejects.size().
struct Inventory {
    std::string source;               ///< the source as given (PG: strings without password)
    std::vector<Site> sites;          ///< in source order
    std::vector<Reject> rejects;      ///< sorted by record
    std::vector<Merge> merges;        ///< sorted by record
    std::int64_t records_read = 0;
    /// What the loader decided on its own that a user should know (an encoding assumed, a header
    /// row recognised, values derived), one sentence each, for the command to print.
    std::vector<std::string> notices;
};

/// Whether a spreadsheet's (XLSX, ODS) first row names the columns.
enum class HeaderRow {
    automatic,  ///< GDAL's guess, and a first row of text naming the mapping's (or at least two schema)
                ///< columns is the header even when the rows below are text too
    yes,
    no,
};

struct LoadOptions {
    /// Layer to read; empty: the only layer (a source with several layers needs one named).
    std::string layer;
    /// CRS of the coordinates as stated by the user ("EPSG:31983"); overrides the source's own.
    /// Without it a CSV or spreadsheet's lon/lat columns are WGS84 degrees, and any other source
    /// without a CRS is refused.
    std::optional<std::string> source_crs;
    /// Source columns and terms -> schema; sources already in the schema need none.
    FieldMapping mapping;
    /// Character encoding of a CSV or Shapefile without encoding metadata (UTF-8, LATIN1,
    /// ISO-8859-15, CP1252); empty: CSV text must be UTF-8 (records that are not are rejected
    /// with not_utf8) and a Shapefile's .cpg is trusted.
    std::string encoding;
    /// Spreadsheets only: whether the first row is the header.
    HeaderRow header = HeaderRow::automatic;
    /// Check each site lies in its stated country.
    bool check_countries = true;
    /// Country boundaries; empty: the shipped datasets/lac_countries.geojson.
    std::string countries_path;
    /// Already loaded boundaries (take precedence over countries_path; not owned).
    const CountryBoundaries* countries = nullptr;
    double coastal_tolerance_m = DEFAULT_COASTAL_TOLERANCE_M;
    /// Sites of the same type closer than this are one site; <= 0 disables.
    double near_duplicate_m = DEFAULT_NEAR_DUPLICATE_M;
    /// What becomes of such a near duplicate: merged into the earlier site (a site reported by
    /// several municipalities, merge_shared_site) or rejected (near_duplicate).
    NearDuplicates near_duplicates = NearDuplicates::merge;
    /// The year after which opening years are "in the future"; 0: the current year.
    int current_year = 0;
    ProgressFn progress;
};

/// Reads a source into the schema. Bad records become rejects (never fatal, never silently
/// dropped); whole-source problems (cannot open, no layer chosen, no CRS, a required column
/// missing, a mapping naming an absent column) throw input_error; bad options throw usage_error.
Inventory load_inventory(const std::string& path, const LoadOptions& options = {});

/// The shipped inventory (datasets/lac_sites.csv), checked against the shipped boundaries.
Inventory load_shipped_inventory();

}  // namespace basural

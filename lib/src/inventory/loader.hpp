#pragma once
// Private: the inventory loader (load_inventory, reading.hpp), one object per load. Its steps are
// defined in loader_setup.cpp (opening the source, finding the schema's columns, the CRS and the
// boundaries) and reading.cpp (reading records: steps 1-9 of validation.hpp).

#include "basural/inventory/reading.hpp"

#include "base/text.hpp"
#include "detail/crs.hpp"
#include "detail/gdal.hpp"
#include "detail/geos.hpp"
#include "inventory/schema_fields.hpp"

#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basural::detail {

using Kind = FieldKind;

inline constexpr const char* DEFAULT_LON_NAMES = "lon,longitude,x,lng";
inline constexpr const char* DEFAULT_LAT_NAMES = "lat,latitude,y";

inline std::string extension_of(const std::string& path)
{
    return lower(std::filesystem::path(path).extension().string());
}

inline std::vector<std::string> split_names(const std::string& csv)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= csv.size()) {
        const auto next = csv.find(',', i);
        out.push_back(csv.substr(i, next == std::string::npos ? std::string::npos : next - i));
        if (next == std::string::npos)
            break;
        i = next + 1;
    }
    return out;
}

inline std::string layer_columns(OGRFeatureDefn* defn)
{
    // the first few and a count: a header may have a million columns
    constexpr int SHOWN = 10;
    std::vector<std::string> names;
    for (int i = 0; i < defn->GetFieldCount() && i < SHOWN; ++i)
        names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    std::string out = join_capped(names, SHOWN);
    if (defn->GetFieldCount() > SHOWN)
        out += " and " + std::to_string(defn->GetFieldCount() - SHOWN) + " more";
    return out.empty() ? "none" : out;
}

/// A value of one record as read from the source, before interpretation. The text views the
/// feature's own storage of a string field, or the slot's buffer (numbers, recoded text, text of
/// fields of any other type), or the mapping's default; valid while the record is processed.
struct RawValue {
    std::string_view text;        ///< "" when empty / NULL
    std::optional<double> number; ///< set when the source column is numeric
    int values = 1;               ///< how many values a list field holds (text: them joined by ", ")
    bool empty() const noexcept { return text.empty(); }
};

/// One schema field: where it comes from, its default and where it goes in a Site.
struct Slot {
    std::string schema;
    Kind kind = Kind::text;
    int index = -1;             ///< source field index, -1 when none
    std::string column;         ///< source column name ("" when none)
    OGRFieldType type = OFTString;
    std::optional<std::string> fallback;  ///< the mapping's default
    std::string Site::*text = nullptr;
    std::optional<double> Site::*real = nullptr;
    std::optional<int> Site::*integer = nullptr;
    std::string buffer;  ///< storage for values that are not views of the feature (numbers, recoded text)
    /// Source terms already looked up (vocabulary fields): most sources use a handful of terms.
    std::vector<std::pair<std::string, std::optional<std::string>>> seen_terms;
};

enum class CoordMode { geometry, csv, attributes };

class Loader {
public:
    Loader(const std::string& path, const LoadOptions& o)
        : m_path(path), m_display(display_name(path)), m_options(o), m_vocabulary(o.mapping)
    {
    }

    Inventory run();
    [[noreturn]] void throw_too_many_records() const;
    /// Text values that are valid UTF-8 beyond ASCII (accented letters...), seen by run().
    std::int64_t utf8_beyond_ascii() const noexcept { return m_utf8_beyond_ascii; }
    /// True for the sources --encoding applies to (CSV, Shapefile).
    bool recodable() const noexcept { return m_recodable; }

private:
    static constexpr std::size_t NO_CANDIDATE = static_cast<std::size_t>(-1);
    /// What became of one record in steps 1-8.
    struct Outcome {
        std::optional<Finding> failure;
        std::string id;                         ///< the site_id as read ("" when unreadable)
        std::size_t candidate = NO_CANDIDATE;   ///< index in Inventory::sites
    };

    std::vector<Outcome> read_records(Inventory& inv);
    void check_in_countries(Inventory& inv, std::vector<Outcome>& outcomes);
    void reject_duplicate_ids(std::vector<Outcome>& outcomes) const;
    /// Moves rejected records to inv.rejects; returns the record number of each site kept.
    std::vector<std::int64_t> keep_passed(Inventory& inv, const std::vector<Outcome>& outcomes) const;
    void open();
    void open_dataset(const std::vector<std::string>& open_options, const std::vector<std::string>& drivers);
    void check_one_coordinate_column(const std::string& schema, const std::string& names) const;
    /// A spreadsheet read without a header (columns Field1..FieldN) whose first row names the
    /// mapping's columns (or, without a mapping, at least two schema columns).
    bool first_row_is_header();
    void resolve_slots();
    void resolve_coordinates();
    void resolve_crs();
    void load_countries();
    /// Steps 1-6 on one record. Returns true when `site` goes on to the inventory-wide steps: with
    /// `failure` empty when it passed, or set when only its coordinates are out of range (the
    /// boundaries may still show lon and lat swapped).
    bool process(OGRFeature& f, std::int64_t record, Site& site, std::optional<Finding>& failure);
    std::size_t slot_of(std::string_view schema) const;
    const CountryBoundaries* wait_for_countries();
    RawValue read(const OGRFeature& f, int index, OGRFieldType type, std::string& buffer) const;
    const std::optional<std::string>& lookup(Slot& slot, std::string_view term);
    std::optional<Finding> locate(OGRFeature& f, Site& site);
    void explain_csv_coordinates(GIntBig fid);
    std::optional<Finding> locate_from_texts(const RawValue& lon, const RawValue& lat, Site& site);
    std::optional<Finding> assign(Slot& slot, const RawValue& raw, Site& site);
    static std::optional<Finding> assign_list(const Slot& slot, const RawValue& raw, Site& site);
    void check_unclosed_quote(const OGRFeature& f, std::int64_t record) const;
    /// Step 1 on one value: multiple_values, not_utf8; counts UTF-8 text beyond ASCII.
    std::optional<Finding> check_value(const RawValue& v, const std::string& column, bool from_source);
    /// Reads every mapped value (and lon/lat columns) of a record into m_raws; step 1's finding.
    std::optional<Finding> read_values(const OGRFeature& feature);
    /// A finding of check_site names the source's column and text instead of the schema field.
    void name_source_column(Finding& f, const Site& site) const;
    /// A source without a country column or default: the country the site lies in (within the
    /// coastal tolerance), listed in derived_fields; not_in_country when none. Coordinates out of
    /// range are left to check_site.
    std::optional<Finding> derive_country(Site& site);
    void resolve_near_duplicates(Inventory& inv, const std::vector<std::int64_t>& site_records) const;

    std::string m_path;
    std::string m_display;
    const LoadOptions& m_options;
    Vocabulary m_vocabulary;
    std::string m_encoding;  // CPLRecode name for CSV text, "" for none
    bool m_is_csv = false;
    bool m_recodable = false;
    bool m_derive_country = false;  // no country column and no default
    std::int64_t m_utf8_beyond_ascii = 0;
    std::unique_ptr<detail::ScopedConfigOption> m_header_config;  // OGR_XLSX_HEADERS / OGR_ODS_HEADERS
    std::vector<std::string> m_notices;
    GDALDatasetUniquePtr m_ds;
    OGRLayer* m_layer = nullptr;
    std::vector<Slot> m_slots;  // schema order, without lon/lat
    CoordMode m_coords = CoordMode::geometry;
    int m_lon_index = -1;  // attributes: in m_layer; csv: in m_text_layer
    int m_lat_index = -1;
    // CSV only: the same file read as plain text columns, advanced lazily to explain records that
    // GDAL could not build a point for (so a message can quote "lon 'NaN'").
    GDALDatasetUniquePtr m_text_ds;
    OGRLayer* m_text_layer = nullptr;
    std::int64_t m_text_record = 0;
    OGRFeatureUniquePtr m_text_feature;
    std::string m_lon_column = "lon";
    std::string m_lat_column = "lat";
    std::string m_crs_note;  // "" or " (after transforming from EPSG:31983 ... to WGS84; is that CRS right?)"
    std::string m_crs_name;  // "EPSG:31983 SIRGAS 2000 / UTM zone 23S"
    bool m_crs_stated = false;
    detail::TransformPtr m_to_wgs84;
    detail::GeosContext m_geos;
    std::unique_ptr<CountryBoundaries> m_own_countries;
    std::future<std::unique_ptr<CountryBoundaries>> m_countries_loading;
    ValidationOptions m_validation;  // steps 4-6: no boundaries
    std::vector<RawValue> m_raws;  // per slot, this record's values
    std::size_t m_site_id_slot = 0;
    bool m_precision_given = false;  // the source or a default gives location_precision
    RawValue m_raw_lon, m_raw_lat;
    std::string m_lon_buffer, m_lat_buffer;
};

}  // namespace basural::detail

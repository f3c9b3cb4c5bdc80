#include "basural/inventory/reading.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"

#include "base/text.hpp"
#include "detail/crs.hpp"
#include "detail/gdal.hpp"
#include "detail/geos.hpp"
#include "inventory/encoding.hpp"
#include "inventory/geometry_location.hpp"
#include "inventory/schema_fields.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>
#include <memory>
#include <unordered_map>

namespace basural {

std::string Reject::message() const
{
    std::string msg = file + " record " + std::to_string(record) + ": ";
    if (!field.empty())
        msg += field + " '" + value + "' ";
    return msg + reason;
}

namespace {

using detail::display_name;
using detail::is_pg_source;
using detail::lower;
using detail::number_text;
using detail::trim_blanks;
using Kind = detail::FieldKind;

constexpr const char* DEFAULT_LON_NAMES = "lon,longitude,x,lng";
constexpr const char* DEFAULT_LAT_NAMES = "lat,latitude,y";

std::string extension_of(const std::string& path)
{
    return lower(std::filesystem::path(path).extension().string());
}

std::vector<std::string> split_names(const std::string& csv)
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

std::string layer_columns(OGRFeatureDefn* defn)
{
    std::string out;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        out += (i ? ", " : "") + std::string(defn->GetFieldDefn(i)->GetNameRef());
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
    /// Text values that are valid UTF-8 beyond ASCII (accented letters...), seen by run().
    std::int64_t utf8_beyond_ascii() const noexcept { return m_utf8_beyond_ascii; }
    /// True for the sources --encoding applies to (CSV, Shapefile).
    bool recodable() const noexcept { return m_recodable; }

private:
    void open();
    void open_dataset(const std::vector<std::string>& open_options, const std::vector<std::string>& drivers);
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

void Loader::open()
{
    const auto ext = extension_of(m_path);
    m_is_csv = ext == ".csv" || ext == ".tsv" || m_path.rfind("CSV:", 0) == 0;
    const bool is_shp = ext == ".shp" || ext == ".dbf";
    m_recodable = m_is_csv || is_shp;
    std::vector<std::string> open_options;
    std::vector<std::string> drivers;
    if (!m_options.encoding.empty()) {
        if (!m_is_csv && !is_shp)
            throw usage_error("--encoding applies to CSV and Shapefile sources only (" + m_display +
                              " carries its own encoding)");
        if (is_shp)
            open_options.push_back("ENCODING=" + m_options.encoding);
        else
            m_encoding = detail::canonical_encoding(m_options.encoding);
    }
    if (m_is_csv) {
        const auto& f = m_options.mapping.fields;
        const auto lon = f.find("lon");
        const auto lat = f.find("lat");
        if ((lon == f.end()) != (lat == f.end()))
            throw usage_error("map both coordinates or neither: --field lon=COLUMN --field lat=COLUMN");
        m_lon_column = lon != f.end() ? lon->second : DEFAULT_LON_NAMES;
        m_lat_column = lat != f.end() ? lat->second : DEFAULT_LAT_NAMES;
        open_options = {"X_POSSIBLE_NAMES=" + m_lon_column, "Y_POSSIBLE_NAMES=" + m_lat_column,
                        "KEEP_GEOM_COLUMNS=NO"};
        drivers = {"CSV"};
    }
    const bool sheet = ext == ".xlsx" || ext == ".xlsm" || ext == ".ods";
    const char* header_key = ext == ".ods" ? "OGR_ODS_HEADERS" : "OGR_XLSX_HEADERS";
    if (sheet && m_options.header != HeaderRow::automatic)
        m_header_config = std::make_unique<detail::ScopedConfigOption>(
            header_key, m_options.header == HeaderRow::yes ? "FORCE" : "DISABLE");
    open_dataset(open_options, drivers);
    if (sheet && m_options.header == HeaderRow::automatic && first_row_is_header()) {
        // GDAL takes a first row of text for data when the rows below are text too: read again.
        m_layer = nullptr;
        m_ds.reset();
        m_header_config = std::make_unique<detail::ScopedConfigOption>(header_key, "FORCE");
        open_dataset(open_options, drivers);
        m_notices.push_back(m_display + ": the first row, all text, names the columns the mapping or the schema "
                                        "uses, so it is read as the header (--header no reads it as data)");
    }
}

void Loader::open_dataset(const std::vector<std::string>& open_options, const std::vector<std::string>& drivers)
{
    try {
        m_ds = detail::open_vector(m_path, open_options, drivers);
    } catch (const input_error& e) {
        if (m_display == m_path)
            throw;
        throw input_error(m_display, e.reason());  // never show a PG: password
    }
    const int n = m_ds->GetLayerCount();
    if (!m_options.layer.empty()) {
        m_layer = m_ds->GetLayerByName(m_options.layer.c_str());
        if (m_layer == nullptr) {
            std::string names;
            for (int i = 0; i < n; ++i)
                names += (i ? ", " : "") + std::string(m_ds->GetLayer(i)->GetName());
            throw input_error(m_display, "has no layer '" + m_options.layer + "' (layers: " + names + ")");
        }
    } else if (n == 1) {
        m_layer = m_ds->GetLayer(0);
    } else if (n == 0) {
        throw input_error(m_display, "has no layer");
    } else {
        std::string names;
        for (int i = 0; i < n; ++i)
            names += (i ? ", " : "") + std::string(m_ds->GetLayer(i)->GetName());
        throw input_error(m_display, "has " + std::to_string(n) + " layers (" + names + "); choose one with --layer");
    }
}

bool Loader::first_row_is_header()
{
    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)  // GDAL's names for the columns of a sheet without header
        if (std::string(defn->GetFieldDefn(i)->GetNameRef()) != "Field" + std::to_string(i + 1))
            return false;
    m_layer->ResetReading();
    const OGRFeatureUniquePtr first(m_layer->GetNextFeature());
    m_layer->ResetReading();
    if (!first)
        return false;
    std::vector<std::string> cells;
    for (int i = 0; i < first->GetFieldCount(); ++i)
        if (first->IsFieldSetAndNotNull(i))
            cells.push_back(lower(std::string(trim_blanks(first->GetFieldAsString(i)))));
    const auto has = [&](const std::string& name) {
        return std::find(cells.begin(), cells.end(), lower(name)) != cells.end();
    };
    const auto& mapped = m_options.mapping.fields;
    if (!mapped.empty())
        return std::all_of(mapped.begin(), mapped.end(), [&](const auto& f) { return has(f.second); });
    const auto& schema = site_schema_columns();
    return std::count_if(schema.begin(), schema.end(), has) >= 2;
}

void Loader::resolve_slots()
{
    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    const auto& fields = m_options.mapping.fields;
    for (const auto& schema : site_schema_columns()) {
        if (schema == "lon" || schema == "lat")
            continue;
        Slot slot;
        slot.schema = schema;
        slot.kind = detail::kind_of(schema);
        if (const auto it = fields.find(schema); it != fields.end()) {
            slot.index = defn->GetFieldIndex(it->second.c_str());
            if (slot.index < 0)
                throw input_error(m_display, "the mapping names column '" + it->second + "' for " + schema +
                                                 ", but the layer has no such column (columns: " +
                                                 layer_columns(defn) + ")");
        } else {
            slot.index = defn->GetFieldIndex(schema.c_str());
        }
        if (slot.index >= 0) {
            slot.column = defn->GetFieldDefn(slot.index)->GetNameRef();
            slot.type = defn->GetFieldDefn(slot.index)->GetType();
        }
        slot.text = detail::text_member(schema);
        slot.real = detail::real_member(schema);
        slot.integer = detail::integer_member(schema);
        if (const auto d = m_options.mapping.defaults.find(schema); d != m_options.mapping.defaults.end()) {
            slot.fallback = d->second;
            if (slot.kind == Kind::vocabulary && !d->second.empty() && !m_vocabulary.lookup(schema, d->second))
                throw usage_error("the default " + schema + " '" + d->second + "' is not a known " + schema);
        }
        if (schema == "site_id")
            m_site_id_slot = m_slots.size();
        if (schema == "location_precision")
            m_precision_given = slot.index >= 0 || slot.fallback.has_value();
        m_slots.push_back(std::move(slot));
    }
    m_raws.resize(m_slots.size());
    for (const char* required : {"country", "site_type"}) {
        const auto it = std::find_if(m_slots.begin(), m_slots.end(), [&](const Slot& s) { return s.schema == required; });
        if (it->index < 0 && !it->fallback && std::string_view(required) == "country") {
            m_derive_country = true;  // from each site's location (derive_country)
            continue;
        }
        if (it->index < 0 && !it->fallback)
            throw input_error(m_display, std::string("has no ") + required + " column (columns: " + layer_columns(defn) +
                                             "); map one with --field " + required + "=COLUMN or set --default " +
                                             required + "=VALUE");
    }
}

void Loader::resolve_coordinates()
{
    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    // GDAL's rule for X_POSSIBLE_NAMES: the first column (in file order) whose name is in the list.
    auto first_match = [&](const std::string& names) {
        const auto wanted = split_names(names);
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const auto name = lower(defn->GetFieldDefn(i)->GetNameRef());
            for (const auto& w : wanted)
                if (name == lower(w))
                    return i;
        }
        return -1;
    };
    const auto& f = m_options.mapping.fields;
    const bool mapped = f.count("lon") > 0 || f.count("lat") > 0;
    if (m_is_csv) {
        m_coords = CoordMode::csv;
        m_text_ds = detail::open_vector(m_path, {}, {"CSV"});
        m_text_layer = m_text_ds->GetLayer(0);
        defn = m_text_layer->GetLayerDefn();
    } else if (mapped || defn->GetGeomFieldCount() == 0) {
        m_coords = CoordMode::attributes;
        if (mapped && (f.count("lon") == 0 || f.count("lat") == 0))
            throw usage_error("map both coordinates or neither: --field lon=COLUMN --field lat=COLUMN");
        m_lon_column = mapped ? f.at("lon") : DEFAULT_LON_NAMES;
        m_lat_column = mapped ? f.at("lat") : DEFAULT_LAT_NAMES;
    } else {
        m_coords = CoordMode::geometry;
        return;
    }
    m_lon_index = first_match(m_lon_column);
    m_lat_index = first_match(m_lat_column);
    // A CSV may also carry its geometry as WKT, which GDAL reads by itself; then lon/lat columns are
    // not needed (without them, a record with no geometry is reported without quoting coordinates).
    const bool has_points = m_coords == CoordMode::csv ? m_layer->GetGeomType() != wkbNone
                                                       : m_lon_index >= 0 && m_lat_index >= 0;
    if (!has_points)
        throw input_error(m_display, "has no geometry and no longitude/latitude columns (looked for " + m_lon_column +
                                         " and " + m_lat_column + "; columns: " + layer_columns(defn) +
                                         "); map them with --field lon=COLUMN --field lat=COLUMN");
    if (m_lon_index >= 0)
        m_lon_column = defn->GetFieldDefn(m_lon_index)->GetNameRef();
    if (m_lat_index >= 0)
        m_lat_column = defn->GetFieldDefn(m_lat_index)->GetNameRef();
}

void Loader::resolve_crs()
{
    std::optional<OGRSpatialReference> srs;
    if (m_options.source_crs) {
        srs = detail::crs_from_user(*m_options.source_crs);
        m_crs_stated = true;
    } else if (m_coords == CoordMode::geometry) {
        const OGRSpatialReference* layer_srs = m_layer->GetSpatialRef();
        if (layer_srs == nullptr)
            throw input_error(m_display, "has no CRS; state one with --crs (e.g. --crs EPSG:4326 for longitude/latitude "
                                         "in degrees, --crs EPSG:31983 for SIRGAS 2000 / UTM zone 23S)");
        srs = *layer_srs;
    }
    if (srs) {
        m_to_wgs84 = detail::transform_to_wgs84(*srs);
        m_crs_name = detail::describe_crs(*srs);
        if (m_to_wgs84)
            m_crs_note = " (after transforming from " + m_crs_name + " to WGS84; is that CRS right?)";
    }
}

void Loader::load_countries()
{
    m_validation.coastal_tolerance_m = m_options.coastal_tolerance_m;
    m_validation.current_year = m_options.current_year;
    if ((!m_options.check_countries && !m_derive_country) || m_options.countries != nullptr)
        return;
    // Reading the boundaries takes about as long as reading a large inventory: do it on a second
    // thread meanwhile (separate GDAL datasets and GEOS contexts, so nothing is shared).
    const std::string path = m_options.countries_path.empty() ? find_dataset(SHIPPED_COUNTRIES).string()
                                                              : m_options.countries_path;
    m_countries_loading = std::async(std::launch::async, [path] { return std::make_unique<CountryBoundaries>(path); });
}

const CountryBoundaries* Loader::wait_for_countries()
{
    if (!m_options.check_countries && !m_derive_country)
        return nullptr;
    if (m_options.countries != nullptr)
        return m_options.countries;
    if (!m_own_countries)
        m_own_countries = m_countries_loading.get();
    return m_own_countries.get();
}

std::size_t Loader::slot_of(std::string_view schema) const
{
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].schema == schema)
            return i;
    return m_slots.size();
}

namespace {

/// The items of a list field (a GeoJSON array...) as text, or std::nullopt for a field of another type.
std::optional<std::vector<std::string>> list_items(const OGRFeature& f, int index)
{
    std::vector<std::string> items;
    int n = 0;
    switch (f.GetFieldDefnRef(index)->GetType()) {
    case OFTStringList:
        for (char** it = f.GetFieldAsStringList(index); it != nullptr && *it != nullptr; ++it)
            items.emplace_back(*it);
        return items;
    case OFTIntegerList: {
        const int* v = f.GetFieldAsIntegerList(index, &n);
        for (int i = 0; i < n; ++i)
            items.push_back(std::to_string(v[i]));
        return items;
    }
    case OFTInteger64List: {
        const GIntBig* v = f.GetFieldAsInteger64List(index, &n);
        for (int i = 0; i < n; ++i)
            items.push_back(std::to_string(v[i]));
        return items;
    }
    case OFTRealList: {
        const double* v = f.GetFieldAsDoubleList(index, &n);
        for (int i = 0; i < n; ++i)
            items.push_back(number_text(v[i]));
        return items;
    }
    default:
        return std::nullopt;
    }
}

}  // namespace

RawValue Loader::read(const OGRFeature& f, int index, OGRFieldType type, std::string& buffer) const
{
    RawValue v;
    if (index < 0 || !f.IsFieldSetAndNotNull(index))
        return v;
    if (const auto items = list_items(f, index)) {
        // A list of one value is that value; a longer one is refused in process() (multiple_values).
        buffer.clear();
        for (const auto& item : *items)
            buffer += (buffer.empty() ? "" : ", ") + item;
        if (!m_encoding.empty())
            buffer = detail::recode_to_utf8(buffer, m_encoding);
        v.values = static_cast<int>(items->size());
        v.text = trim_blanks(buffer);
        return v;
    }
    if (type == OFTInteger || type == OFTInteger64) {
        const auto i = f.GetFieldAsInteger64(index);
        v.number = static_cast<double>(i);
        buffer = std::to_string(i);
        v.text = buffer;
    } else if (type == OFTReal) {
        v.number = f.GetFieldAsDouble(index);
        buffer = number_text(*v.number);
        v.text = buffer;
    } else {
        // For a string field GDAL returns the feature's own storage, valid while the record is
        // processed. For any other type (a date, a list such as a GeoJSON array...) it returns a
        // temporary buffer that its next GetFieldAsString call frees: copy that text at once.
        const char* text = f.GetFieldAsString(index);
        const bool own_storage = f.GetFieldDefnRef(index)->GetType() == OFTString;
        if (!m_encoding.empty())
            buffer = detail::recode_to_utf8(text, m_encoding);
        else if (!own_storage)
            buffer = text;
        v.text = trim_blanks(own_storage && m_encoding.empty() ? std::string_view(text) : std::string_view(buffer));
    }
    return v;
}

const std::optional<std::string>& Loader::lookup(Slot& slot, std::string_view term)
{
    for (const auto& [seen, value] : slot.seen_terms)
        if (seen == term)
            return value;
    if (slot.seen_terms.size() >= 256)  // many distinct terms: stop caching
        slot.seen_terms.erase(slot.seen_terms.begin());
    slot.seen_terms.emplace_back(std::string(term), m_vocabulary.lookup(slot.schema, term));
    return slot.seen_terms.back().second;
}

void Loader::explain_csv_coordinates(GIntBig fid)
{
    // The CSV driver numbers data rows from 1 in both readers; advance the text reader to this row.
    while (m_text_record < fid) {
        m_text_feature.reset(m_text_layer->GetNextFeature());
        ++m_text_record;
        if (!m_text_feature)
            return;
    }
    if (!m_text_feature || m_text_feature->GetFID() != fid)
        return;
    m_raw_lon = read(*m_text_feature, m_lon_index, OFTString, m_lon_buffer);
    m_raw_lat = read(*m_text_feature, m_lat_index, OFTString, m_lat_buffer);
}

std::optional<Finding> Loader::locate_from_texts(const RawValue& lon, const RawValue& lat, Site& site)
{
    const auto parse = [&](const RawValue& v, const std::string& column, double& out) -> std::optional<Finding> {
        if (v.empty())
            return Finding{std::string(checks::NO_COORDINATES), column, "", "is empty: the record has no location"};
        if (v.number) {
            out = *v.number;
            return std::nullopt;
        }
        if (const auto n = detail::parse_number(v.text)) {
            out = *n;
            return std::nullopt;
        }
        return Finding{std::string(checks::NOT_A_NUMBER), column, std::string(v.text),
                       "is not a number (write decimal degrees such as -47.88)"};
    };
    if (auto f = parse(lon, m_lon_column, site.location.lon_deg))
        return f;
    if (auto f = parse(lat, m_lat_column, site.location.lat_deg))
        return f;
    if (m_to_wgs84 && !m_to_wgs84->Transform(1, &site.location.lon_deg, &site.location.lat_deg))
        return Finding{std::string(checks::CRS_TRANSFORM), "location", std::string(lon.text) + ", " + std::string(lat.text),
                       "cannot be transformed from " + m_crs_name + " to WGS84" + detail::transform_detail() + "; is that the CRS of the data?"};
    return std::nullopt;
}

std::optional<Finding> Loader::locate(OGRFeature& f, Site& site)
{
    if (m_coords == CoordMode::attributes)
        return locate_from_texts(m_raw_lon, m_raw_lat, site);
    OGRGeometry* g = f.GetGeometryRef();
    if (g == nullptr || g->IsEmpty()) {
        if (m_coords == CoordMode::csv && m_lon_index >= 0 && m_lat_index >= 0) {
            explain_csv_coordinates(f.GetFID());
            if (auto bad = locate_from_texts(m_raw_lon, m_raw_lat, site))
                return bad;
        }
        return Finding{std::string(checks::NO_COORDINATES), "geometry", "", "is empty: the record has no location"};
    }
    return detail::locate_geometry(*g, {m_geos, m_to_wgs84.get(), m_crs_name, m_precision_given}, site);
}

std::optional<Finding> Loader::assign(Slot& slot, const RawValue& raw, Site& site)
{
    const std::string& f = slot.schema;
    auto column = [&] { return slot.column.empty() ? f : slot.column; };
    // Name the schema field in the reason when the source calls it something else.
    const std::string for_field = (slot.column.empty() || slot.column == f) ? std::string{} : " for " + f;
    if (slot.kind == Kind::text) {
        if (raw.empty()) {
            if (&slot == &m_slots[m_site_id_slot] && slot.index >= 0)
                return Finding{std::string(checks::MISSING_VALUE), column(), "",
                               "is empty; every site needs a site_id unique in the inventory"};
            return std::nullopt;
        }
        site.*slot.text = raw.text;
        return std::nullopt;
    }
    if (slot.kind == Kind::list)
        return assign_list(slot, raw, site);
    if (slot.kind == Kind::real || slot.kind == Kind::integer) {
        if (raw.empty())
            return std::nullopt;
        std::optional<double> v = raw.number ? raw.number : detail::parse_number(raw.text);
        if (!v)
            return Finding{std::string(checks::NOT_A_NUMBER), column(), std::string(raw.text),
                           "is not a number" + for_field + " (write plain decimals such as 1234.5, no thousands separators or units)"};
        if (slot.kind == Kind::real) {
            site.*slot.real = *v;
            return std::nullopt;
        }
        if (*v != std::floor(*v) || std::fabs(*v) > 2.0e9)
            return Finding{std::string(checks::NOT_AN_INTEGER), column(), std::string(raw.text),
                           "is not a whole number" + for_field +
                               (f.find("year") != std::string::npos ? " (a year such as 1998, without a thousands separator)"
                                                                    : "")};
        site.*slot.integer = static_cast<int>(*v);
        return std::nullopt;
    }
    // vocabulary
    if (raw.empty()) {
        if (f == "country" && m_derive_country)
            return std::nullopt;  // derive_country
        if (f == "country" || f == "site_type")
            return Finding{std::string(checks::MISSING_VALUE), column(), "",
                           "is empty; every site needs its " + f + "; set one with --default " + f + "=VALUE"};
        return std::nullopt;  // unknown
    }
    const auto& value = lookup(slot, raw.text);
    if (!value) {
        const std::string term(raw.text);
        std::string allowed;
        for (const auto& a : allowed_values(f))
            allowed += (allowed.empty() ? "" : ", ") + a;
        if (f == "country")
            return Finding{std::string(checks::UNKNOWN_COUNTRY), column(), term,
                           "is not one of the 33 LAC countries (give ISO 3166-1 alpha-3 codes such as BRA, MEX, "
                           "or names); map it with --map (\"values\": {\"country\": {\"" + term + "\": \"BRA\"}})"};
        return Finding{std::string(checks::UNKNOWN_VALUE), column(), term,
                       "is not a known " + f + " (" + allowed + "); map it with --map (\"values\": {\"" + f +
                           "\": {\"" + term + "\": \"...\"}})"};
    }
    const auto& v = *value;
    if (f == "country") site.country_iso3 = v;
    else if (f == "location_precision") site.location_precision = *parse_location_precision(v);
    else if (f == "site_type") site.site_type = *parse_site_type(v);
    else if (f == "status") site.status = *parse_site_status(v);
    else if (f == "gas_capture") site.gas_capture = *parse_gas_capture(v);
    else if (f == "provenance") site.provenance = *parse_provenance(v);
    else if (f == "waste_provenance") site.waste_provenance = parse_provenance(v);  // "unknown" -> nullopt
    else if (f == "open_burning" || f == "receives_other_municipalities") {
        const std::optional<bool> b = v == "yes" ? std::optional<bool>(true) : v == "no" ? std::optional<bool>(false) : std::nullopt;
        (f == "open_burning" ? site.open_burning : site.receives_other_municipalities) = b;
    }
    return std::nullopt;
}

std::optional<Finding> Loader::derive_country(Site& site)
{
    const auto& p = site.location;
    if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || std::fabs(p.lon_deg) > 180.0 ||
        std::fabs(p.lat_deg) > 90.0)
        return std::nullopt;
    const CountryBoundaries* countries = wait_for_countries();
    if (const auto iso3 = countries->country_at(p, m_options.coastal_tolerance_m)) {
        site.country_iso3 = *iso3;
        mark_derived(site, "country");
        return std::nullopt;
    }
    return Finding{std::string(checks::NOT_IN_COUNTRY), "location",
                   format_value(p.lon_deg) + ", " + format_value(p.lat_deg),
                   "lies in none of the countries of " + countries->path() + " (tolerance " +
                       format_value(m_options.coastal_tolerance_m / 1000.0) +
                       " km: at sea or outside Latin America and the Caribbean); the source has no country column, "
                       "so each site's country is taken from its location: check the coordinates" + m_crs_note};
}

std::optional<Finding> Loader::assign_list(const Slot& slot, const RawValue& raw, Site& site)
{
    if (raw.empty())
        return std::nullopt;
    const std::string column = slot.column.empty() ? slot.schema : slot.column;
    const std::string for_field = (slot.column.empty() || slot.column == slot.schema) ? std::string{} : " for " + slot.schema;
    std::string problem;
    if (slot.schema == "derived_fields") {
        auto fields = parse_derived_fields(raw.text, problem);
        if (!fields)
            return Finding{std::string(checks::UNKNOWN_VALUE), column, std::string(raw.text),
                           "names '" + problem + "', which is not a schema column" + for_field +
                               ": derived_fields lists schema column names separated by ';', such as "
                               "site_type;admin1_name;admin1_code (docs/data-schema.md)"};
        site.derived_fields = std::move(*fields);
        return std::nullopt;
    }
    auto list = parse_reporting_municipalities(raw.text, problem);
    if (!list)
        return Finding{std::string(checks::UNKNOWN_VALUE), column, std::string(raw.text),
                       problem + for_field + ": write entries 'CODE NAME' separated by '; ', with '?' for an "
                       "unknown code, such as '09005 Gustavo A. Madero; 09007 Iztapalapa' (docs/data-schema.md)"};
    site.reporting_municipalities = std::move(*list);
    return std::nullopt;
}

namespace {

/// Lines of `value` after its first one that hold at least `separators` commas, semicolons or tabs
/// (the separators of a whole CSV row).
int row_like_lines(std::string_view value, std::size_t separators)
{
    int rows = 0;
    for (auto at = value.find('\n'); at != std::string_view::npos; at = value.find('\n', at + 1)) {
        const auto line = value.substr(at + 1, value.find('\n', at + 1) - (at + 1));
        const auto most = std::max({std::count(line.begin(), line.end(), ','), std::count(line.begin(), line.end(), ';'),
                                    std::count(line.begin(), line.end(), '\t')});
        rows += static_cast<std::size_t>(most) >= separators ? 1 : 0;
    }
    return rows;
}

}  // namespace

void Loader::check_unclosed_quote(const OGRFeature& f, std::int64_t record) const
{
    // GDAL's CSV reader takes a '"' anywhere in a value for the start of a quoted value; one that
    // never closes makes the rest of the file a single value, and the records in it vanish. A value
    // holding lines shaped like whole rows is that, never a genuine multi-line note.
    const std::size_t separators = std::max(1, m_text_layer->GetLayerDefn()->GetFieldCount() - 1);
    for (int i = 0; i < f.GetFieldCount(); ++i) {
        if (f.GetFieldDefnRef(i)->GetType() != OFTString || !f.IsFieldSetAndNotNull(i))
            continue;
        const std::string_view value = f.GetFieldAsString(i);  // the feature's own storage
        if (value.find('\n') == std::string_view::npos || row_like_lines(value, separators) == 0)
            continue;
        const auto lines = std::count(value.begin(), value.end(), '\n');
        throw input_error(m_display, record, f.GetFieldDefnRef(i)->GetNameRef(),
                          detail::escape_invalid_utf8(value.substr(0, std::min<std::size_t>(value.find('\n'), 60))) + "...",
                          "has a '\"' that opens a quoted value and does not close it where the value ends: the " +
                              std::to_string(lines) + " line(s) after it were read as part of this value, not as "
                              "records, so the file cannot be counted; write a quote inside a value as \"\" "
                              "(or quote the whole value) and load it again");
    }
}

bool Loader::process(OGRFeature& feature, std::int64_t record, Site& site, std::optional<Finding>& failure)
{
    if (m_is_csv)
        check_unclosed_quote(feature, record);
    // Read every mapped value once; step 1: one value per field, text in valid UTF-8.
    std::optional<Finding> bad_text;
    auto check_text = [&](const RawValue& v, const std::string& column, bool from_source = true) {
        if (!bad_text && v.values > 1)
            bad_text = Finding{std::string(checks::MULTIPLE_VALUES), column, std::string(v.text),
                               "holds " + std::to_string(v.values) +
                                   " values (a list); a site takes one value per field: keep one in the source "
                                   "or map another column with --field"};
        if (bad_text || v.number)
            return;
        if (const auto at = detail::first_invalid_utf8(v.text); !at) {
            if (from_source &&
                std::any_of(v.text.begin(), v.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
                ++m_utf8_beyond_ascii;
        } else {
            bad_text = Finding{std::string(checks::NOT_UTF8), column, std::string(v.text),
                               "is not valid UTF-8 (byte " + std::to_string(*at + 1) +
                                   "); the file is probably Latin-1 or Windows-1252: convert it "
                                   "(iconv -f LATIN1 -t UTF-8) or pass --encoding LATIN1"};
        }
    };
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        auto& slot = m_slots[i];
        m_raws[i] = read(feature, slot.index, slot.type, slot.buffer);
        const bool from_source = !m_raws[i].empty();
        if (!from_source && slot.fallback)
            m_raws[i].text = *slot.fallback;
        check_text(m_raws[i], slot.column, from_source);
    }
    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    m_raw_lon = {};
    m_raw_lat = {};
    if (m_coords == CoordMode::attributes) {
        m_raw_lon = read(feature, m_lon_index, defn->GetFieldDefn(m_lon_index)->GetType(), m_lon_buffer);
        m_raw_lat = read(feature, m_lat_index, defn->GetFieldDefn(m_lat_index)->GetType(), m_lat_buffer);
        check_text(m_raw_lon, m_lon_column);
        check_text(m_raw_lat, m_lat_column);
    }
    if (bad_text) {
        failure = std::move(bad_text);
        return false;
    }
    // Step 2: geometry.
    if (auto f = locate(feature, site)) {
        failure = std::move(f);
        return false;
    }
    // Step 3: field values, schema order.
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (auto f = assign(m_slots[i], m_raws[i], site)) {
            failure = std::move(f);
            return false;
        }
    if (site.site_id.empty())  // no site_id column: the record number identifies the site
        site.site_id = std::to_string(record);
    if (site.source.empty())
        site.source = is_pg_source(m_path) ? m_display : std::filesystem::path(m_display).filename().string();
    if (site.source_record.empty())
        site.source_record = std::to_string(record);
    if (m_derive_country)
        if (auto f = derive_country(site)) {
            failure = std::move(f);
            return false;
        }
    // Steps 4-6 now; step 7 (point in country) once the boundaries are loaded (run()).
    if (auto f = check_site(site, m_validation)) {
        // Report the source's column and text where the schema field came from one.
        const bool coordinate = f->field == "lon" || f->field == "lat";
        if (coordinate) {
            const bool is_lon = f->field == "lon";
            const auto& raw = is_lon ? m_raw_lon : m_raw_lat;
            const auto& column = is_lon ? m_lon_column : m_lat_column;
            if (m_coords != CoordMode::geometry && !m_to_wgs84) {
                f->field = column;
                if (!raw.empty())
                    f->value = raw.text;
            }
            if (m_to_wgs84)
                f->reason += m_crs_note;
            else if (!m_crs_stated && (std::fabs(site.location.lon_deg) > 1000.0 || std::fabs(site.location.lat_deg) > 1000.0))
                f->reason += "; if the coordinates are projected (metres), state their CRS with --crs";
        } else if (const auto i = slot_of(f->field); i < m_slots.size() && m_slots[i].index >= 0) {
            f->field = m_slots[i].column;
            if (!m_raws[i].empty())
                f->value = m_raws[i].text;
        }
        failure = std::move(*f);
        // Out of range, but lon and lat may be swapped: decided against the boundaries later.
        return coordinate && m_options.check_countries && failure->check != checks::NOT_A_NUMBER;
    }
    return true;
}

void Loader::resolve_near_duplicates(Inventory& inv, const std::vector<std::int64_t>& site_records) const
{
    const auto dups = find_near_duplicates(inv.sites, m_options.near_duplicate_m);
    if (dups.empty())
        return;
    const bool merge = m_options.near_duplicates == NearDuplicates::merge;
    std::vector<bool> drop(inv.sites.size(), false);
    for (const auto& d : dups) {  // by index: a site always merges into one that stays
        const auto& s = inv.sites[d.index];
        auto& e = inv.sites[d.earlier];
        if (merge) {
            inv.merges.push_back(Merge{site_records[d.index], s.site_id, site_records[d.earlier], e.site_id, d.distance_m});
            merge_shared_site(e, s);
        } else {
            inv.rejects.push_back(Reject{
                m_display, site_records[d.index], "location",
                format_value(s.location.lon_deg) + ", " + format_value(s.location.lat_deg),
                "is " + format_value(std::round(d.distance_m * 10.0) / 10.0) + " m from record " +
                    std::to_string(site_records[d.earlier]) + " (site_id '" + e.site_id + "') of the same site_type " +
                    std::string(to_string(s.site_type)) + ": taken for one site entered twice (closer than " +
                    format_value(m_options.near_duplicate_m) +
                    " m; change with --near-duplicate-m, or merge it as a shared site with --near-duplicates merge)",
                std::string(checks::NEAR_DUPLICATE)});
        }
        drop[d.index] = true;
    }
    std::size_t k = 0;
    for (std::size_t i = 0; i < inv.sites.size(); ++i)
        if (!drop[i]) {
            if (i != k)
                inv.sites[k] = std::move(inv.sites[i]);
            ++k;
        }
    inv.sites.erase(inv.sites.begin() + static_cast<std::ptrdiff_t>(k), inv.sites.end());
}

Inventory Loader::run()
{
    open();
    resolve_slots();
    resolve_coordinates();
    resolve_crs();
    load_countries();

    Inventory inv;
    inv.source = m_display;
    inv.notices = m_notices;
    if (m_derive_country)
        inv.notices.push_back(m_display + " has no country column and no --default country: each site's country is "
                                          "the one its location lies in (within " +
                              format_value(m_options.coastal_tolerance_m / 1000.0) +
                              " km of its boundary), listed in derived_fields");
    const std::string id_column = m_slots[m_site_id_slot].column.empty() ? "site_id" : m_slots[m_site_id_slot].column;
    const GIntBig total = m_layer->TestCapability(OLCFastFeatureCount) ? m_layer->GetFeatureCount(FALSE) : -1;
    // Growing the vector of sites costs more than reading them; reserve enough up front. Without a
    // count, bound it by the file size (a CSV row takes at least ~24 bytes); untouched capacity
    // costs address space only.
    std::size_t expected = total > 0 ? static_cast<std::size_t>(total) : 0;
    if (std::error_code ec; expected == 0 && std::filesystem::is_regular_file(m_path, ec))
        expected = std::min<std::size_t>(std::filesystem::file_size(m_path, ec) / 24 + 16, 2'000'000);
    inv.sites.reserve(expected);

    // Steps 1-6, record by record. Candidate sites go to inv.sites; every record keeps its outcome.
    constexpr std::size_t NONE = static_cast<std::size_t>(-1);
    struct Outcome {
        std::optional<Finding> failure;
        std::string id;                 ///< the site_id as read ("" when unreadable)
        std::size_t candidate = NONE;   ///< index in inv.sites
    };
    std::vector<Outcome> outcomes;
    outcomes.reserve(expected);
    detail::last_gdal_error();
    m_layer->ResetReading();
    for (auto& feature : *m_layer) {
        const auto record = static_cast<std::int64_t>(outcomes.size()) + 1;
        auto& out = outcomes.emplace_back();
        auto& site = inv.sites.emplace_back();
        if (process(*feature, record, site, out.failure)) {
            out.candidate = inv.sites.size() - 1;
            out.id = site.site_id;
        } else {
            inv.sites.pop_back();
            if (!out.failure || out.failure->check != checks::NOT_UTF8)
                out.id = m_raws[m_site_id_slot].text;
        }
        if (m_options.progress && total > 0 && record % 1024 == 0)
            m_options.progress("load", std::min(0.9, 0.9 * static_cast<double>(record) / static_cast<double>(total)));
    }
    if (const auto msg = detail::last_gdal_error(); !msg.empty())
        throw input_error(m_display, "reading stopped after record " + std::to_string(outcomes.size()) + ": " + msg);
    inv.records_read = static_cast<std::int64_t>(outcomes.size());

    // Step 7: point in the stated country (and lon/lat swaps for out-of-range coordinates).
    if (const CountryBoundaries* countries = wait_for_countries()) {
        ValidationOptions with_countries = m_validation;
        with_countries.countries = countries;
        const std::size_t country_slot = slot_of("country");
        for (auto& out : outcomes) {
            if (out.candidate == NONE)
                continue;
            auto f = check_site(inv.sites[out.candidate], with_countries);
            if (out.failure) {  // out of range: keep the source's field and text, take a swap diagnosis
                if (f && f->check == checks::LON_LAT_SWAPPED) {
                    out.failure->check = f->check;
                    out.failure->reason = f->reason;
                }
            } else if (f) {
                if (f->field == "country" && m_slots[country_slot].index >= 0)
                    f->field = m_slots[country_slot].column;
                out.failure = std::move(f);
            }
        }
    }

    // Step 8: a site_id already claimed by an earlier record, whatever became of that record.
    std::unordered_map<std::string, std::int64_t> first_record_of_id;
    first_record_of_id.reserve(outcomes.size());
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        auto& out = outcomes[i];
        if (out.id.empty())
            continue;
        const auto [it, inserted] = first_record_of_id.emplace(out.id, static_cast<std::int64_t>(i) + 1);
        if (!inserted && !out.failure)
            out.failure = Finding{std::string(checks::DUPLICATE_SITE_ID), id_column, out.id,
                                  "duplicates the site_id of record " + std::to_string(it->second) +
                                      "; site ids must be unique in an inventory"};
    }

    auto reject = [&](std::int64_t record, const Finding& f) {
        inv.rejects.push_back(Reject{m_display, record, f.field, detail::escape_invalid_utf8(f.value),
                                     detail::escape_invalid_utf8(f.reason), f.check});
    };
    // Keep the candidates that passed, in record order (moving left in place).
    std::vector<std::int64_t> site_records;
    site_records.reserve(inv.sites.size());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& out = outcomes[i];
        const auto record = static_cast<std::int64_t>(i) + 1;
        if (out.failure) {
            reject(record, *out.failure);
            continue;
        }
        if (out.candidate != kept)
            inv.sites[kept] = std::move(inv.sites[out.candidate]);
        ++kept;
        site_records.push_back(record);
    }
    inv.sites.erase(inv.sites.begin() + static_cast<std::ptrdiff_t>(kept), inv.sites.end());

    // Step 9: near duplicates among the sites loaded so far, in record order.
    resolve_near_duplicates(inv, site_records);
    std::stable_sort(inv.rejects.begin(), inv.rejects.end(),
                     [](const Reject& a, const Reject& b) { return a.record < b.record; });
    if (m_options.progress)
        m_options.progress("load", 1.0);
    return inv;
}

}  // namespace

namespace {

/// The encoding a CSV or Shapefile whose text is not UTF-8 is read in: Windows-1252, a superset of
/// Latin-1's letters, as Excel in Spanish and Portuguese and most GIS tools on Windows write.
constexpr const char* FALLBACK_ENCODING = "CP1252";

/// A source whose text is not valid UTF-8, when it cannot be read in one other encoding.
input_error not_utf8_error(const Reject& first, const LoadOptions& options, bool recodable, std::int64_t utf8_values)
{
    std::string why;
    if (!recodable)
        why = "; this format's text must be UTF-8: the file is damaged or was written by a tool that ignored its "
              "encoding; export it again in UTF-8";
    else if (!options.encoding.empty())
        why = "; the file is not in the stated --encoding " + options.encoding +
              ": state its encoding (--encoding CP1252, LATIN1...) or convert it to UTF-8 (iconv)";
    else
        why = ", yet " + std::to_string(utf8_values) + " other values are UTF-8 text beyond ASCII: the file mixes "
              "encodings; convert it to UTF-8 (iconv) or read all of it in one with --encoding (CP1252, LATIN1...)";
    const auto bracket = first.reason.find(')');
    return input_error(first.file, first.record, first.field, first.value,
                       first.reason.substr(0, bracket == std::string::npos ? first.reason.size() : bracket + 1) + why +
                           "; nothing was loaded");
}

}  // namespace

Inventory load_inventory(const std::string& path, const LoadOptions& options)
{
    Loader loader(path, options);
    auto inv = loader.run();
    const auto bad = std::find_if(inv.rejects.begin(), inv.rejects.end(),
                                  [](const Reject& r) { return r.check == checks::NOT_UTF8; });
    if (bad == inv.rejects.end())
        return inv;
    // Never records dropped for their encoding: read the whole file in one other encoding, or refuse it.
    if (!options.encoding.empty() || !loader.recodable() || loader.utf8_beyond_ascii() > 0)
        throw not_utf8_error(*bad, options, loader.recodable(), loader.utf8_beyond_ascii());
    LoadOptions again = options;
    again.encoding = FALLBACK_ENCODING;
    auto recoded = Loader(path, again).run();
    recoded.notices.push_back(
        inv.source + " is not UTF-8 (record " + std::to_string(bad->record) + ", " + bad->field + " '" + bad->value +
        "'): read as Windows-1252 (CP1252, which includes Latin-1), as Excel in Spanish and Portuguese writes CSV; "
        "if accented letters look wrong, state the encoding with --encoding");
    return recoded;
}

Inventory load_shipped_inventory()
{
    return load_inventory(find_dataset(SHIPPED_INVENTORY).string(), LoadOptions{});
}

}  // namespace basural

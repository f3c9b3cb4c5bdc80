#include "inventory/loader.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"

#include "inventory/encoding.hpp"

#include <algorithm>

namespace basural::detail {

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
        // the CSV read as plain text (every column a string, none taken as a coordinate): its header
        // for the check below, then its records beside m_layer's (resolve_coordinates)
        m_text_ds = detail::open_vector(m_path, {}, {"CSV"});
        m_text_layer = m_text_ds->GetLayer(0);
        check_one_coordinate_column("lon", m_lon_column);
        check_one_coordinate_column("lat", m_lat_column);
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

void Loader::check_one_coordinate_column(const std::string& schema, const std::string& names) const
{
    // GDAL 3.6's CSV driver reads past its field list (a crash, found by fuzz_inventory_csv) when two
    // columns match X_POSSIBLE_NAMES or Y_POSSIBLE_NAMES under KEEP_GEOM_COLUMNS=NO: "x,lon,lat",
    // "lon,longitude,lat", "lon,lon,lat". Which one holds the coordinate is the analyst's call anyway.
    const OGRFeatureDefn* defn = m_text_layer->GetLayerDefn();
    const auto wanted = split_names(names);
    std::vector<std::string> matches;
    std::vector<std::string> names_matched;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        const auto name = lower(defn->GetFieldDefn(i)->GetNameRef());
        if (std::find_if(wanted.begin(), wanted.end(), [&](const std::string& w) { return lower(w) == name; }) ==
            wanted.end())
            continue;
        matches.push_back("'" + std::string(defn->GetFieldDefn(i)->GetNameRef()) + "' (column " +
                          std::to_string(i + 1) + ")");
        if (std::find(names_matched.begin(), names_matched.end(), name) == names_matched.end())
            names_matched.push_back(name);
    }
    if (matches.size() < 2)
        return;
    // Columns of one name cannot be told apart by a mapping; columns of different names can.
    const bool rename = names_matched.size() < matches.size() || m_options.mapping.fields.count(schema) > 0;
    throw input_error(m_display, std::to_string(matches.size()) + " columns could hold the " +
                                     (schema == "lon" ? "longitude" : "latitude") + ": " + join(matches, ", ") +
                                     (rename ? "; rename all but one of them"
                                             : "; name the coordinate columns with --field lon=COLUMN --field "
                                               "lat=COLUMN"));
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
        m_coords = CoordMode::csv;  // m_text_layer opened by open()
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
    const std::string path = given_or_shipped(m_options.countries_path, SHIPPED_COUNTRIES);
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

}  // namespace basural::detail

#include "basural/inventory/reading.hpp"
#include "basural/inventory/non_municipal.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "basural/base/number_text.hpp"

#include "inventory/encoding.hpp"
#include "inventory/geometry_location.hpp"
#include "inventory/loader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

namespace basural {

std::string Reject::message() const
{
    std::string msg = file + " record " + std::to_string(record) + ": ";
    if (!field.empty())
        msg += field + " '" + value + "' ";
    return msg + reason;
}

}  // namespace basural

namespace basural::detail {

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
            items.push_back(format_value(v[i]));
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
        buffer = format_value(*v.number);
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

std::optional<Finding> Loader::check_value(const RawValue& v, const std::string& column, bool from_source)
{
    if (v.values > 1)
        return Finding{std::string(checks::MULTIPLE_VALUES), column, std::string(v.text),
                       "holds " + std::to_string(v.values) +
                           " values (a list); a site takes one value per field: keep one in the source "
                           "or map another column with --field"};
    if (v.number)
        return std::nullopt;
    if (const auto at = detail::first_invalid_utf8(v.text))
        return Finding{std::string(checks::NOT_UTF8), column, std::string(v.text),
                       "is not valid UTF-8 (byte " + std::to_string(*at + 1) +
                           "); the file is probably Latin-1 or Windows-1252: convert it "
                           "(iconv -f LATIN1 -t UTF-8) or pass --encoding LATIN1"};
    if (from_source &&
        std::any_of(v.text.begin(), v.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        ++m_utf8_beyond_ascii;
    return std::nullopt;
}

std::optional<Finding> Loader::read_values(const OGRFeature& feature)
{
    // Every mapped value is read once; the first that fails step 1 is the record's finding.
    std::optional<Finding> bad;
    for (std::size_t i = 0; i < m_slots.size(); ++i) {
        auto& slot = m_slots[i];
        m_raws[i] = read(feature, slot.index, slot.type, slot.buffer);
        const bool from_source = !m_raws[i].empty();
        if (!from_source && slot.fallback)
            m_raws[i].text = *slot.fallback;
        if (auto f = check_value(m_raws[i], slot.column, from_source); f && !bad)
            bad = std::move(f);
    }
    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    m_raw_lon = {};
    m_raw_lat = {};
    if (m_coords == CoordMode::attributes) {
        m_raw_lon = read(feature, m_lon_index, defn->GetFieldDefn(m_lon_index)->GetType(), m_lon_buffer);
        m_raw_lat = read(feature, m_lat_index, defn->GetFieldDefn(m_lat_index)->GetType(), m_lat_buffer);
        for (const auto& [raw, column] : {std::pair{&m_raw_lon, &m_lon_column}, std::pair{&m_raw_lat, &m_lat_column}})
            if (auto f = check_value(*raw, *column, true); f && !bad)
                bad = std::move(f);
    }
    return bad;
}

void Loader::name_source_column(Finding& f, const Site& site) const
{
    // Report the source's column and text where the schema field came from one.
    if (f.field == "lon" || f.field == "lat") {
        const bool is_lon = f.field == "lon";
        const auto& raw = is_lon ? m_raw_lon : m_raw_lat;
        if (m_coords != CoordMode::geometry && !m_to_wgs84) {
            f.field = is_lon ? m_lon_column : m_lat_column;
            if (!raw.empty())
                f.value = raw.text;
        }
        if (m_to_wgs84)
            f.reason += m_crs_note;
        else if (!m_crs_stated && (std::fabs(site.location.lon_deg) > 1000.0 || std::fabs(site.location.lat_deg) > 1000.0))
            f.reason += "; if the coordinates are projected (metres), state their CRS with --crs";
    } else if (const auto i = slot_of(f.field); i < m_slots.size() && m_slots[i].index >= 0) {
        f.field = m_slots[i].column;
        if (!m_raws[i].empty())
            f.value = m_raws[i].text;
    }
}

bool Loader::process(OGRFeature& feature, std::int64_t record, Site& site, std::optional<Finding>& failure)
{
    if (m_is_csv)
        check_unclosed_quote(feature, record);
    // Step 1: one value per field, text in valid UTF-8.
    if ((failure = read_values(feature)))
        return false;
    // Step 2: geometry.
    if ((failure = locate(feature, site)))
        return false;
    // Step 3: field values, schema order.
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if ((failure = assign(m_slots[i], m_raws[i], site)))
            return false;
    // A name that says the site is not a municipal disposal site (a transfer station, a medical-waste
    // facility...) makes it `other`, whatever its type column says (docs/methods/site_rules.md).
    if (site.site_type != SiteType::other && non_municipal_name(site.name)) {
        site.site_type = SiteType::other;
        mark_derived(site, "site_type");
    }
    if (site.site_id.empty())  // no site_id column: the record number identifies the site
        site.site_id = std::to_string(record);
    if (site.source.empty())
        site.source = is_pg_source(m_path) ? m_display : std::filesystem::path(m_display).filename().string();
    if (site.source_record.empty())
        site.source_record = std::to_string(record);
    if (m_derive_country && (failure = derive_country(site)))
        return false;
    // Steps 4-6 now; step 7 (point in country) once the boundaries are loaded (run()).
    if (auto f = check_site(site, m_validation)) {
        const bool coordinate = f->field == "lon" || f->field == "lat";
        name_source_column(*f, site);
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
    auto outcomes = read_records(inv);             // steps 1-6
    check_in_countries(inv, outcomes);             // step 7
    reject_duplicate_ids(outcomes);                // step 8
    const auto site_records = keep_passed(inv, outcomes);
    resolve_near_duplicates(inv, site_records);    // step 9
    std::stable_sort(inv.rejects.begin(), inv.rejects.end(),
                     [](const Reject& a, const Reject& b) { return a.record < b.record; });
    if (m_options.progress)
        m_options.progress("load", 1.0);
    return inv;
}

void Loader::throw_too_many_records() const
{
    throw input_error(m_display, "has more than " + std::to_string(MAX_INVENTORY_RECORDS) +
                                     " records, the most basural reads from one source (docs/reliability.md): "
                                     "split it, e.g. by country");
}

std::vector<Loader::Outcome> Loader::read_records(Inventory& inv)
{
    const GIntBig total = m_layer->TestCapability(OLCFastFeatureCount) ? m_layer->GetFeatureCount(FALSE) : -1;
    // Growing the vector of sites costs more than reading them; reserve enough up front. Without a
    // count, bound it by the file size (a CSV row takes at least ~24 bytes); untouched capacity
    // costs address space only.
    std::size_t expected = total > 0 ? static_cast<std::size_t>(total) : 0;
    if (std::error_code ec; expected == 0 && std::filesystem::is_regular_file(m_path, ec))
        expected = std::min<std::size_t>(std::filesystem::file_size(m_path, ec) / 24 + 16, MAX_INVENTORY_RECORDS);
    if (total > static_cast<GIntBig>(MAX_INVENTORY_RECORDS))
        throw_too_many_records();
    inv.sites.reserve(expected);

    // Record by record: candidate sites go to inv.sites; every record keeps its outcome.
    std::vector<Outcome> outcomes;
    outcomes.reserve(expected);
    detail::last_gdal_error();
    m_layer->ResetReading();
    for (auto& feature : *m_layer) {
        const auto record = static_cast<std::int64_t>(outcomes.size()) + 1;
        if (outcomes.size() == MAX_INVENTORY_RECORDS)
            throw_too_many_records();
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
    return outcomes;
}

void Loader::check_in_countries(Inventory& inv, std::vector<Outcome>& outcomes)
{
    // Point in the stated country (and lon/lat swaps for out-of-range coordinates).
    const CountryBoundaries* countries = wait_for_countries();
    if (countries == nullptr)
        return;
    ValidationOptions with_countries = m_validation;
    with_countries.countries = countries;
    const std::size_t country_slot = slot_of("country");
    for (auto& out : outcomes) {
        if (out.candidate == NO_CANDIDATE)
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

void Loader::reject_duplicate_ids(std::vector<Outcome>& outcomes) const
{
    // A site_id already claimed by an earlier record, whatever became of that record.
    const auto& slot = m_slots[m_site_id_slot];
    const std::string id_column = slot.column.empty() ? "site_id" : slot.column;
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
}

std::vector<std::int64_t> Loader::keep_passed(Inventory& inv, const std::vector<Outcome>& outcomes) const
{
    // The candidates that passed stay, in record order (moving left in place); the others are rejects.
    std::vector<std::int64_t> site_records;
    site_records.reserve(inv.sites.size());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const auto& out = outcomes[i];
        const auto record = static_cast<std::int64_t>(i) + 1;
        if (out.failure) {
            const auto& f = *out.failure;
            inv.rejects.push_back(Reject{m_display, record, f.field, detail::escape_invalid_utf8(f.value),
                                         detail::escape_invalid_utf8(f.reason), f.check});
            continue;
        }
        if (out.candidate != kept)
            inv.sites[kept] = std::move(inv.sites[out.candidate]);
        ++kept;
        site_records.push_back(record);
    }
    inv.sites.erase(inv.sites.begin() + static_cast<std::ptrdiff_t>(kept), inv.sites.end());
    return site_records;
}

}  // namespace basural::detail

namespace basural {
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
    detail::Loader loader(path, options);
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
    auto recoded = detail::Loader(path, again).run();
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

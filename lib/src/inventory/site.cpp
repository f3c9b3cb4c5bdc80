#include "basural/inventory/site.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace basural {
namespace {

template <typename E, std::size_t N>
std::optional<E> parse_from(const std::array<std::pair<E, std::string_view>, N>& table,
                            std::string_view s) noexcept
{
    for (const auto& [value, name] : table)
        if (name == s)
            return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) noexcept
{
    for (const auto& [value, name] : table)
        if (value == v)
            return name;
    return "unknown";
}

constexpr std::array<std::pair<LocationPrecision, std::string_view>, 3> PRECISIONS{{
    {LocationPrecision::surveyed, "surveyed"},
    {LocationPrecision::municipal_seat, "municipal_seat"},
    {LocationPrecision::estimated, "estimated"},
}};
constexpr std::array<std::pair<SiteType, std::string_view>, 4> SITE_TYPES{{
    {SiteType::open_dump, "open_dump"},
    {SiteType::controlled_dump, "controlled_dump"},
    {SiteType::sanitary_landfill, "sanitary_landfill"},
    {SiteType::other, "other"},
}};
constexpr std::array<std::pair<SiteStatus, std::string_view>, 6> STATUSES{{
    {SiteStatus::active, "active"},
    {SiteStatus::inactive, "inactive"},
    {SiteStatus::closing, "closing"},
    {SiteStatus::closed, "closed"},
    {SiteStatus::remediated, "remediated"},
    {SiteStatus::unknown, "unknown"},
}};
constexpr std::array<std::pair<GasCapture, std::string_view>, 5> GAS_CAPTURES{{
    {GasCapture::none, "none"},
    {GasCapture::drainage, "drainage"},
    {GasCapture::flaring, "flaring"},
    {GasCapture::energy, "energy"},
    {GasCapture::unknown, "unknown"},
}};
constexpr std::array<std::pair<Provenance, std::string_view>, 3> PROVENANCES{{
    {Provenance::observed, "observed"},
    {Provenance::derived, "derived"},
    {Provenance::estimated, "estimated"},
}};

}  // namespace

std::string_view to_string(LocationPrecision v) noexcept { return name_of(PRECISIONS, v); }
std::string_view to_string(SiteType v) noexcept { return name_of(SITE_TYPES, v); }
std::string_view to_string(SiteStatus v) noexcept { return name_of(STATUSES, v); }
std::string_view to_string(GasCapture v) noexcept { return name_of(GAS_CAPTURES, v); }
std::string_view to_string(Provenance v) noexcept { return name_of(PROVENANCES, v); }

std::optional<LocationPrecision> parse_location_precision(std::string_view s) noexcept
{
    return parse_from(PRECISIONS, s);
}
std::optional<SiteType> parse_site_type(std::string_view s) noexcept { return parse_from(SITE_TYPES, s); }
std::optional<SiteStatus> parse_site_status(std::string_view s) noexcept { return parse_from(STATUSES, s); }
std::optional<GasCapture> parse_gas_capture(std::string_view s) noexcept { return parse_from(GAS_CAPTURES, s); }
std::optional<Provenance> parse_provenance(std::string_view s) noexcept { return parse_from(PROVENANCES, s); }

const std::vector<std::string>& site_schema_columns()
{
    static const std::vector<std::string> columns{
        "site_id", "name", "country", "admin1_name", "admin1_code", "municipality_name",
        "municipality_code", "lon", "lat", "location_precision", "site_type", "status", "area_ha",
        "depth_m", "waste_t_per_day", "waste_in_place_t", "opening_year", "closure_year",
        "open_burning", "waste_pickers", "child_waste_pickers", "gas_capture",
        "receives_other_municipalities", "provenance", "waste_provenance", "source", "source_record",
        "derived_fields", "reporting_municipalities"};
    return columns;
}

namespace {

std::string_view trim(std::string_view s) noexcept
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

/// Position of a column in site_schema_columns(), or npos.
std::size_t column_position(std::string_view field) noexcept
{
    const auto& columns = site_schema_columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == field)
            return i;
    return std::string_view::npos;
}

/// Pieces of `cell` between ';', trimmed (empty pieces kept).
std::vector<std::string_view> split_cell(std::string_view cell)
{
    std::vector<std::string_view> out;
    while (true) {
        const auto at = cell.find(';');
        out.push_back(trim(cell.substr(0, at)));
        if (at == std::string_view::npos)
            return out;
        cell.remove_prefix(at + 1);
    }
}

}  // namespace

bool is_derived(const Site& site, std::string_view field) noexcept
{
    return std::find(site.derived_fields.begin(), site.derived_fields.end(), field) != site.derived_fields.end();
}

void mark_derived(Site& site, std::string_view field)
{
    const auto at = column_position(field);
    if (at == std::string_view::npos || field == "derived_fields")
        throw std::invalid_argument("mark_derived: '" + std::string(field) + "' is not a schema column");
    if (is_derived(site, field))
        return;
    auto it = site.derived_fields.begin();
    while (it != site.derived_fields.end() && column_position(*it) < at)
        ++it;
    site.derived_fields.insert(it, std::string(field));
}

std::string format_derived_fields(const std::vector<std::string>& fields)
{
    std::string out;
    for (const auto& f : fields)
        out += (out.empty() ? "" : ";") + f;
    return out;
}

std::optional<std::vector<std::string>> parse_derived_fields(std::string_view cell, std::string& bad_name)
{
    Site site;
    for (const auto name : split_cell(cell)) {
        if (name.empty())
            continue;
        if (column_position(name) == std::string_view::npos || name == "derived_fields") {
            bad_name = std::string(name);
            return std::nullopt;
        }
        mark_derived(site, name);
    }
    return std::move(site.derived_fields);
}

std::string format_reporting_municipalities(const std::vector<ReportingMunicipality>& list)
{
    std::string out;
    for (const auto& m : list) {
        if (!out.empty())
            out += "; ";
        out += m.code.empty() ? "?" : m.code;
        if (!m.name.empty())
            out += " " + m.name;
    }
    return out;
}

std::optional<std::vector<ReportingMunicipality>> parse_reporting_municipalities(std::string_view cell,
                                                                                  std::string& problem)
{
    std::vector<ReportingMunicipality> out;
    if (trim(cell).empty())
        return out;
    const auto entries = split_cell(cell);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto entry = entries[i];
        if (entry.empty()) {
            if (i + 1 == entries.size())  // a trailing ';'
                continue;
            problem = "has an empty entry (entry " + std::to_string(i + 1) + ")";
            return std::nullopt;
        }
        const auto blank = entry.find_first_of(" \t");
        const auto code = entry.substr(0, blank);
        const auto name = blank == std::string_view::npos ? std::string_view{} : trim(entry.substr(blank));
        if (code == "?" && name.empty()) {
            problem = "has an entry '?' with neither code nor name (entry " + std::to_string(i + 1) + ")";
            return std::nullopt;
        }
        out.push_back({code == "?" ? std::string{} : std::string(code), std::string(name)});
    }
    return out;
}

}  // namespace basural

#include "basural/inventory/site.hpp"

#include <array>
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

bool is_inadequate(SiteType t) noexcept
{
    return t == SiteType::open_dump || t == SiteType::controlled_dump;
}

const std::vector<std::string>& site_schema_columns()
{
    static const std::vector<std::string> columns{
        "site_id", "name", "country", "admin1_name", "admin1_code", "municipality_name",
        "municipality_code", "lon", "lat", "location_precision", "site_type", "status", "area_ha",
        "depth_m", "waste_t_per_day", "waste_in_place_t", "opening_year", "closure_year",
        "open_burning", "waste_pickers", "child_waste_pickers", "gas_capture",
        "receives_other_municipalities", "provenance", "waste_provenance", "source", "source_record"};
    return columns;
}

}  // namespace basural

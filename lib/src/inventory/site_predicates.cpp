#include "basural/inventory/site_predicates.hpp"

#include "basural/base/messages.hpp"

namespace basural {

bool is_inadequate(SiteType t) noexcept
{
    return t == SiteType::open_dump || t == SiteType::controlled_dump;
}

bool status_receives_waste(SiteStatus status) noexcept
{
    return status == SiteStatus::active || status == SiteStatus::closing || status == SiteStatus::unknown;
}

bool receives_waste(const Site& s) noexcept
{
    return s.site_type != SiteType::other && status_receives_waste(s.status);
}

bool is_receiving_dump(const Site& s) noexcept
{
    return is_inadequate(s.site_type) && status_receives_waste(s.status);
}

bool is_existing_landfill(const Site& s) noexcept
{
    return s.site_type == SiteType::sanitary_landfill &&
           (s.status == SiteStatus::active || s.status == SiteStatus::unknown);
}

bool status_assumed_receiving(const Site& s) noexcept
{
    return s.status == SiteStatus::unknown && s.site_type != SiteType::other;
}

bool site_is_estimated(const Site& s) noexcept
{
    return s.provenance == Provenance::estimated || s.location_precision == LocationPrecision::estimated ||
           (s.waste_t_per_day && s.waste_provenance == Provenance::estimated);
}

std::string status_rule_line(std::size_t unknown, std::size_t dumps, const Locale& locale)
{
    return tr_n(locale, "assume.status", static_cast<std::int64_t>(dumps),
                {{"rule", tr(locale, "plan.rule.status_rule")},
                 {"unknown", format_count(static_cast<std::int64_t>(unknown), locale.numbers)}});
}

std::string status_rule_line(const std::vector<Site>& sites, const Locale& locale)
{
    std::size_t dumps = 0, unknown = 0;
    for (const auto& s : sites)
        if (is_receiving_dump(s)) {
            ++dumps;
            unknown += s.status == SiteStatus::unknown ? 1 : 0;
        }
    return status_rule_line(unknown, dumps, locale);
}

}  // namespace basural

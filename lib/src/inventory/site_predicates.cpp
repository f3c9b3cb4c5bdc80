#include "basural/inventory/site_predicates.hpp"

namespace basural {

bool is_inadequate(SiteType t) noexcept
{
    return t == SiteType::open_dump || t == SiteType::controlled_dump;
}

bool status_receives_waste(SiteStatus s) noexcept
{
    return s == SiteStatus::active || s == SiteStatus::closing;
}

bool receives_waste(const Site& s) noexcept
{
    return s.status == SiteStatus::active && s.site_type != SiteType::other;
}

bool is_inadequate_active(const Site& s) noexcept
{
    return is_inadequate(s.site_type) && s.status == SiteStatus::active;
}

bool is_active_sanitary_landfill(const Site& s) noexcept
{
    return s.site_type == SiteType::sanitary_landfill && s.status == SiteStatus::active;
}

bool is_regional_demand(const Site& s) noexcept
{
    return is_inadequate(s.site_type) &&
           (s.status == SiteStatus::active || s.status == SiteStatus::closing || s.status == SiteStatus::unknown);
}

bool is_existing_landfill(const Site& s) noexcept
{
    return s.site_type == SiteType::sanitary_landfill &&
           (s.status == SiteStatus::active || s.status == SiteStatus::unknown);
}

bool site_is_estimated(const Site& s) noexcept
{
    return s.provenance == Provenance::estimated || s.location_precision == LocationPrecision::estimated ||
           (s.waste_t_per_day && s.waste_provenance == Provenance::estimated);
}

}  // namespace basural

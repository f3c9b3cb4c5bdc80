#include "basural/inventory/shared_sites.hpp"

#include <algorithm>
#include <vector>

namespace basural {
namespace {

/// The municipalities a record speaks for: its list, or else its own municipality when known.
std::vector<ReportingMunicipality> municipalities_of(const Site& s)
{
    if (!s.reporting_municipalities.empty())
        return s.reporting_municipalities;
    if (s.municipality_code.empty() && s.municipality_name.empty())
        return {};
    return {{s.municipality_code, s.municipality_name}};
}

bool same_municipality(const ReportingMunicipality& a, const ReportingMunicipality& b)
{
    if (!a.code.empty() && !b.code.empty())
        return a.code == b.code;
    return !a.name.empty() && a.name == b.name;
}

template <typename T>
void fill(std::optional<T>& into, const std::optional<T>& later)
{
    if (!into)
        into = later;
}

void fill(std::string& into, const std::string& later)
{
    if (into.empty())
        into = later;
}

void fill_unknowns(Site& into, const Site& later)
{
    fill(into.name, later.name);
    fill(into.admin1_name, later.admin1_name);
    fill(into.admin1_code, later.admin1_code);
    fill(into.municipality_name, later.municipality_name);
    fill(into.municipality_code, later.municipality_code);
    if (into.status == SiteStatus::unknown)
        into.status = later.status;
    fill(into.area_ha, later.area_ha);
    fill(into.depth_m, later.depth_m);
    if (!into.waste_t_per_day) {
        into.waste_t_per_day = later.waste_t_per_day;
        into.waste_provenance = later.waste_provenance;
    }
    fill(into.waste_in_place_t, later.waste_in_place_t);
    fill(into.opening_year, later.opening_year);
    fill(into.closure_year, later.closure_year);
    fill(into.open_burning, later.open_burning);
    fill(into.waste_pickers, later.waste_pickers);
    fill(into.child_waste_pickers, later.child_waste_pickers);
    if (into.gas_capture == GasCapture::unknown)
        into.gas_capture = later.gas_capture;
    fill(into.receives_other_municipalities, later.receives_other_municipalities);
}

}  // namespace

void merge_shared_site(Site& into, const Site& later)
{
    auto all = municipalities_of(into);
    for (const auto& m : municipalities_of(later))
        if (std::none_of(all.begin(), all.end(), [&](const auto& a) { return same_municipality(a, m); }))
            all.push_back(m);
    fill_unknowns(into, later);
    if (all.size() < 2)
        return;
    into.reporting_municipalities = std::move(all);
    into.receives_other_municipalities = true;
    mark_derived(into, "receives_other_municipalities");
    mark_derived(into, "reporting_municipalities");
}

}  // namespace basural

#pragma once
// The words of a country map's scene (map_scene_text.cpp): what the plan says about a site, popups of
// sites and facilities, the title, the subtitle with its counts and the sources, in the reader's
// language. Used by build_country_scene (map_scene.cpp).

#include "basural/maps/map_scene.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace basural::detail {

/// A site's t/day as the map shows it, and where that number comes from.
struct SiteWaste {
    std::optional<double> t_per_day;
    std::optional<Provenance> provenance;
    bool implausible = false;  ///< an implausible estimate, as the plan flags it (fill_waste)
};

/// The plan's rows by site and facility, for one country.
class PlanView {
public:
    PlanView(const RegionalPlan* plan, std::string_view iso3);
    const RegionalPlan* plan = nullptr;
    const PlanAssignment* assignment(const std::string& site_id) const;
    const PlanUnserved* unserved(const std::string& site_id) const;
    const PlanFacility* facility(const std::string& facility_id) const;
    /// The facility that stands at this site (an existing landfill the plan reuses), or nullptr.
    const PlanFacility* facility_at(const std::string& site_id) const;
    /// The plan's t/day for the site when the plan has the site (it may have estimated it), else the
    /// inventory's.
    SiteWaste waste_of(const Site& s) const;

private:
    std::map<std::string, const PlanAssignment*> m_assignments;
    std::map<std::string, const PlanUnserved*> m_unserved;
    std::map<std::string, const PlanFacility*> m_facilities;
    std::map<std::string, const PlanFacility*> m_at_site;
};

using PopupRows = std::vector<std::pair<std::string, std::string>>;

/// A site's popup: type, status, municipality, state, t/day (estimated or reported), location
/// precision, what the plan does with it, priority, source and id. Unknown municipality or state
/// are left out; unknown t/day says so.
PopupRows site_popup(const Site& s, const PlanView& plan, const SiteWaste& waste, std::optional<double> priority,
                     const Locale& locale);

/// A facility of the plan on the map, with its popup.
MapFacility plan_facility(const PlanFacility& f, const Locale& locale);
/// An active sanitary landfill of the inventory the plan does not use.
MapFacility unused_landfill(const Site& s, const Locale& locale);

/// Title, subtitle and attribution lines of the scene, from what it shows.
void add_scene_text(MapScene& scene, const std::vector<const Site*>& shown, const MapRegion* zoom,
                    const CountryMapOptions& options);

}  // namespace basural::detail

// The words of a country map's scene: popups, title, subtitle and sources (maps/map_scene_text.hpp).
#include "maps/map_scene_text.hpp"

#include "basural/base/messages.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace basural::detail {
namespace {

std::string count_text(const Locale& loc, std::string_view key, std::size_t n)
{
    return tr_n(loc, key, static_cast<std::int64_t>(n));
}

/// "12.5 (estimated)", "40.0 (reported)", or "unknown".
std::string waste_text(const SiteWaste& w, const Locale& loc)
{
    if (!w.t_per_day || !std::isfinite(*w.t_per_day))
        return tr(loc, "value.unknown");
    const std::string value = format_number(*w.t_per_day, 1, loc.numbers);
    if (!w.provenance)
        return value;
    if (w.implausible)
        return tr(loc, "map.popup.value_implausible", {{"value", value}});
    return tr(loc, *w.provenance == Provenance::estimated ? "map.popup.value_estimated" : "map.popup.value_observed",
              {{"value", value}});
}

std::string facility_name(const PlanFacility& f)
{
    return f.name.empty() || f.name == f.facility_id ? f.facility_id : f.facility_id + " (" + f.name + ")";
}

/// What the plan does with the site, for its popup.
std::string plan_text(const Site& s, const PlanView& plan, const Locale& loc)
{
    if (const auto* f = plan.facility_at(s.site_id))
        return tr(loc, "map.popup.is_facility", {{"facility", facility_name(*f)}});
    if (const auto* a = plan.assignment(s.site_id)) {
        const auto* f = plan.facility(a->facility_id);
        return tr(loc, "map.popup.goes_to", {{"facility", f != nullptr ? facility_name(*f) : a->facility_id}});
    }
    if (const auto* u = plan.unserved(s.site_id)) {
        const std::string key = "unserved_reason." + u->reason;
        return tr(loc, "map.popup.unserved", {{"reason", has_message(key) ? tr(loc, key) : u->reason}});
    }
    return tr(loc, "map.popup.not_in_plan");
}

/// The sources of the sites shown (see docs/cli/map.md, "Sources on the map").
std::vector<std::string> site_source_lines(const std::vector<const Site*>& shown, std::string_view iso3,
                                           const Locale& loc)
{
    std::vector<std::string> lines;
    // Observed (or derived from observations) sources, in order of first appearance.
    std::vector<std::string> observed_sources;
    std::map<std::string, bool> all_at_seats;
    std::vector<std::string> model_sources;
    bool any_estimated = false;
    bool shipped_model = false;
    for (const Site* s : shown) {
        if (s->provenance == Provenance::estimated) {
            if (std::find(model_sources.begin(), model_sources.end(), s->source) == model_sources.end())
                model_sources.push_back(s->source);
            shipped_model = shipped_model || s->source.rfind("basural estimate", 0) == 0;
        } else {
            auto [it, added] = all_at_seats.emplace(s->source, true);
            if (added)
                observed_sources.push_back(s->source);
            it->second = it->second && s->location_precision == LocationPrecision::municipal_seat;
        }
        any_estimated = any_estimated || site_is_estimated(*s);
    }
    const std::string not_stated = tr(loc, "map.source.not_stated");
    for (const auto& src : observed_sources) {
        std::string name = src.empty() ? not_stated : src;
        if (src.rfind("SNIS", 0) == 0 && src.find("2022") != std::string::npos)
            name = tr(loc, "map.source.snis", {{"source", src}});
        std::string line = tr(loc, "map.source.observed", {{"source", name}});
        if (all_at_seats[src])
            line = tr(loc, "map.source.at_seats", {{"line", line}});
        lines.push_back(std::move(line));
    }
    for (const auto& src : model_sources)
        lines.push_back(tr(loc, "map.source.estimated", {{"source", src.empty() ? not_stated : src}}));
    if (shipped_model)
        lines.push_back(tr(loc, "map.source.model_inputs",
                           {{"anchors", tr(loc, iso3 == "MEX" ? "map.source.inegi" : "map.source.geonames")}}));
    if (any_estimated)
        lines.push_back(tr(loc, "map.source.estimated_note"));
    return lines;
}

/// "5 sites: 3 open dumps, 1 controlled dump; 1 estimated; plan: 1 proposed regional landfill, ..."
std::string subtitle(const MapScene& scene, const std::vector<const Site*>& shown, const CountryMapOptions& options,
                     const std::string& place)
{
    const Locale& loc = options.locale;
    if (shown.empty())
        return tr(loc, "map.no_sites", {{"place", place}});
    // The types present, in schema order (a zero would read as "none exist", which the inventory
    // cannot tell).
    std::string types;
    for (const auto& [type, key] :
         {std::tuple{SiteType::open_dump, "count.open_dumps"}, std::tuple{SiteType::controlled_dump, "count.controlled_dumps"},
          std::tuple{SiteType::sanitary_landfill, "count.sanitary_landfills"}, std::tuple{SiteType::other, "count.other_sites"}}) {
        const auto n = static_cast<std::size_t>(
            std::count_if(shown.begin(), shown.end(), [type = type](const Site* s) { return s->site_type == type; }));
        if (n > 0)
            types += (types.empty() ? "" : ", ") + count_text(loc, key, n);
    }
    std::string sub = tr(loc, "map.subtitle.sites", {{"sites", count_text(loc, "count.sites", shown.size())}, {"types", types}});
    const auto estimated = static_cast<std::size_t>(
        std::count_if(scene.points.begin(), scene.points.end(), [](const MapPoint& p) { return p.estimated; }));
    if (estimated == shown.size())
        sub += "; " + tr(loc, "map.subtitle.all_estimated");
    else if (estimated > 0)
        sub += "; " + count_text(loc, "count.estimated", estimated);
    if (options.plan != nullptr) {
        const auto count_kind = [&](FacilityKind k) {
            return static_cast<std::size_t>(std::count_if(scene.facilities.begin(), scene.facilities.end(),
                                                          [k](const MapFacility& f) { return f.kind == k; }));
        };
        std::string existing = count_text(loc, "map.count.existing_used", count_kind(FacilityKind::existing));
        if (const auto unused = count_kind(FacilityKind::existing_unused); unused > 0)
            existing = tr(loc, "map.subtitle.unused",
                          {{"used", existing}, {"unused", count_text(loc, "map.count.existing_unused", unused)}});
        sub += "; " + tr(loc, "map.subtitle.plan",
                         {{"proposed", count_text(loc, "map.count.proposed", count_kind(FacilityKind::proposed))},
                          {"existing", existing}});
    }
    return sub;
}

}  // namespace

PlanView::PlanView(const RegionalPlan* p, std::string_view iso3) : plan(p)
{
    if (plan == nullptr)
        return;
    for (const auto& a : plan->assignments)
        if (a.country_iso3 == iso3)
            m_assignments.emplace(a.site_id, &a);
    for (const auto& u : plan->unserved)
        if (u.country_iso3 == iso3)
            m_unserved.emplace(u.site_id, &u);
    for (const auto& f : plan->facilities) {
        m_facilities.emplace(f.facility_id, &f);
        if (f.country_iso3 == iso3 && !f.site_id.empty())
            m_at_site.emplace(f.site_id, &f);
    }
}

const PlanAssignment* PlanView::assignment(const std::string& site_id) const
{
    const auto it = m_assignments.find(site_id);
    return it == m_assignments.end() ? nullptr : it->second;
}

const PlanUnserved* PlanView::unserved(const std::string& site_id) const
{
    const auto it = m_unserved.find(site_id);
    return it == m_unserved.end() ? nullptr : it->second;
}

const PlanFacility* PlanView::facility(const std::string& facility_id) const
{
    const auto it = m_facilities.find(facility_id);
    return it == m_facilities.end() ? nullptr : it->second;
}

const PlanFacility* PlanView::facility_at(const std::string& site_id) const
{
    const auto it = m_at_site.find(site_id);
    return it == m_at_site.end() ? nullptr : it->second;
}

SiteWaste PlanView::waste_of(const Site& s) const
{
    if (const auto* a = assignment(s.site_id); a != nullptr && a->waste_t_per_day)
        return {a->waste_t_per_day, a->waste_provenance, a->waste_implausible};
    if (const auto* u = unserved(s.site_id); u != nullptr && u->waste_t_per_day)
        return {u->waste_t_per_day, u->waste_provenance, u->waste_implausible};
    return {s.waste_t_per_day, s.waste_t_per_day ? s.waste_provenance : std::nullopt, false};
}

PopupRows site_popup(const Site& s, const PlanView& plan, const SiteWaste& waste, std::optional<double> priority,
                     const Locale& loc)
{
    PopupRows rows;
    rows.emplace_back(tr(loc, "map.popup.type"), tr(loc, "site_type." + std::string(to_string(s.site_type))));
    rows.emplace_back(tr(loc, "map.popup.status"), tr(loc, "status." + std::string(to_string(s.status))));
    if (!s.municipality_name.empty())
        rows.emplace_back(tr(loc, "map.popup.place"), s.municipality_name);
    if (!s.admin1_name.empty())
        rows.emplace_back(tr(loc, "map.popup.admin1"), s.admin1_name);
    rows.emplace_back(tr(loc, "map.popup.waste"), waste_text(waste, loc));
    rows.emplace_back(tr(loc, "map.popup.location"),
                      tr(loc, "location_precision." + std::string(to_string(s.location_precision))));
    if (plan.plan != nullptr) {
        rows.emplace_back(tr(loc, "map.popup.plan"), plan_text(s, plan, loc));
        if (const auto* a = plan.assignment(s.site_id); a != nullptr && plan.facility_at(s.site_id) == nullptr)
            rows.emplace_back(tr(loc, "map.popup.haul"), format_number(a->haul_km, 1, loc.numbers));
    }
    if (priority)
        rows.emplace_back(tr(loc, "map.popup.priority"), format_number(*priority, 2, loc.numbers));
    if (!s.source.empty())
        rows.emplace_back(tr(loc, "map.popup.source"), s.source);
    rows.emplace_back(tr(loc, "map.popup.id"), s.site_id);
    return rows;
}

MapFacility plan_facility(const PlanFacility& f, const Locale& loc)
{
    MapFacility m;
    m.id = f.facility_id;
    m.location = f.location;
    m.kind = f.existing ? FacilityKind::existing : FacilityKind::proposed;
    m.label = f.name.empty() ? f.facility_id : f.name;
    if (!(f.sites_served > 0 && f.sites_waste_unknown == f.sites_served))  // planned by site count: unknown
        m.size_value = f.waste_t_per_day;
    m.properties.emplace_back(tr(loc, "map.popup.facility_id"), f.facility_id);
    m.properties.emplace_back(tr(loc, "map.popup.received"), format_number(f.waste_t_per_day, 1, loc.numbers));
    if (f.waste_t_per_day_estimated && *f.waste_t_per_day_estimated > 0.0)
        m.properties.emplace_back(tr(loc, "map.popup.received_estimated"),
                                  format_number(*f.waste_t_per_day_estimated, 1, loc.numbers));
    if (f.waste_t_per_day_implausible > 0.0)
        m.properties.emplace_back(tr(loc, "map.popup.received_implausible"),
                                  format_number(f.waste_t_per_day_implausible, 1, loc.numbers));
    m.properties.emplace_back(tr(loc, "map.popup.sites_served"),
                              format_count(static_cast<std::int64_t>(f.sites_served), loc.numbers));
    m.properties.emplace_back(tr(loc, "map.popup.mean_haul"), format_number(f.mean_haul_km, 1, loc.numbers));
    m.properties.emplace_back(tr(loc, "map.popup.max_haul"), format_number(f.max_haul_km, 1, loc.numbers));
    if (f.capacity_t_per_day)
        m.properties.emplace_back(tr(loc, "map.popup.capacity"), format_number(*f.capacity_t_per_day, 1, loc.numbers));
    if (!f.site_id.empty())
        m.properties.emplace_back(tr(loc, "map.popup.id"), f.site_id);
    return m;
}

MapFacility unused_landfill(const Site& s, const Locale& loc)
{
    MapFacility m;
    m.id = s.site_id;
    m.location = s.location;
    m.kind = FacilityKind::existing_unused;
    m.label = s.name.empty() ? s.site_id : s.name;
    m.size_value = s.waste_t_per_day;
    m.properties.emplace_back(tr(loc, "map.popup.type"), tr(loc, "site_type.sanitary_landfill"));
    m.properties.emplace_back(tr(loc, "map.popup.status"), tr(loc, "status." + std::string(to_string(s.status))));
    if (!s.municipality_name.empty())
        m.properties.emplace_back(tr(loc, "map.popup.place"), s.municipality_name);
    m.properties.emplace_back(tr(loc, "map.popup.plan"), tr(loc, "map.popup.unused"));
    m.properties.emplace_back(tr(loc, "map.popup.id"), s.site_id);
    return m;
}

void add_scene_text(MapScene& scene, const std::vector<const Site*>& shown, const MapRegion* zoom,
                    const CountryMapOptions& options)
{
    const Locale& loc = options.locale;
    const std::string place = zoom == nullptr ? scene.focus.name
                                              : tr(loc, "map.admin1_of_country",
                                                   {{"admin1", zoom->name}, {"country", scene.focus.name}});
    scene.title = options.title.empty() ? tr(loc, "map.title", {{"place", place}}) : options.title;
    scene.subtitle = subtitle(scene, shown, options, place);

    scene.attribution_lines.push_back(tr(loc, "map.source.boundaries"));
    if (!scene.admin1.empty())
        scene.attribution_lines.push_back(
            tr(loc, "map.source.admin1", {{"source", options.admin1_source.empty() ? "Natural Earth" : options.admin1_source}}));
    if (!scene.places.empty())
        scene.attribution_lines.push_back(tr(loc, "map.source.places"));
    for (auto& line : site_source_lines(shown, scene.focus.iso3, loc))
        scene.attribution_lines.push_back(std::move(line));
    if (options.plan != nullptr)
        scene.attribution_lines.push_back(tr(loc, "map.source.plan"));
    if (options.priority_scores != nullptr && options.colour_by == ColourBy::priority)
        scene.attribution_lines.push_back(tr(loc, "map.source.priority"));
}

}  // namespace basural::detail

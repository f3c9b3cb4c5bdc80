#include "basural/reports/coverage.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/spatial_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace basural {

bool is_inadequate_active(const Site& s) noexcept
{
    return is_inadequate(s.site_type) && s.status == SiteStatus::active;
}

bool is_active_sanitary_landfill(const Site& s) noexcept
{
    return s.site_type == SiteType::sanitary_landfill && s.status == SiteStatus::active;
}

WasteEstimateResult fill_waste(const std::vector<Site>& sites, const std::vector<Place>& places,
                               const std::vector<CountryWaste>& countries, const WasteEstimateParams& params)
{
    return estimate_waste(sites, places, countries, params);
}

std::vector<std::optional<NearestLandfill>> nearest_landfills(const std::vector<Site>& sites)
{
    std::map<std::string, std::vector<std::size_t>> landfills;  // country -> site indices
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (is_active_sanitary_landfill(sites[i]))
            landfills[sites[i].country_iso3].push_back(i);
    std::map<std::string, SpatialIndex> indices;
    for (const auto& [iso3, idx] : landfills) {
        std::vector<LonLat> pts;
        for (auto i : idx)
            pts.push_back(sites[i].location);
        indices.emplace(iso3, SpatialIndex(std::move(pts)));
    }
    std::vector<std::optional<NearestLandfill>> out(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const auto it = indices.find(sites[i].country_iso3);
        if (it == indices.end())
            continue;
        const auto& members = landfills[sites[i].country_iso3];
        // two nearest, so a landfill is not its own nearest landfill
        for (const auto& n : it->second.nearest(sites[i].location, 2)) {
            if (members[n.index] == i)
                continue;
            out[i] = NearestLandfill{members[n.index], n.distance_m / 1000.0};
            break;
        }
    }
    return out;
}

namespace {

std::optional<double> share(double part, double whole)
{
    if (whole <= 0.0)
        return std::nullopt;
    return part / whole;
}

std::optional<double> share(const std::optional<double>& part, const std::optional<double>& whole)
{
    if (!part || !whole)
        return std::nullopt;
    return share(*part, *whole);
}

/// The t/day of a set of sites, over those of known tonnage. Unknown when the set has sites and none
/// of them has a known tonnage: 0 t/day would present that unknown as a measured zero. An empty set
/// weighs 0 t/day.
struct WasteTotal {
    double t_per_day = 0.0;
    std::size_t sites = 0;
    std::size_t sites_known = 0;

    void add(const std::optional<double>& waste_t_per_day)
    {
        ++sites;
        if (waste_t_per_day) {
            t_per_day += *waste_t_per_day;
            ++sites_known;
        }
    }
    void add(const WasteTotal& other)
    {
        t_per_day += other.t_per_day;
        sites += other.sites;
        sites_known += other.sites_known;
    }
    std::optional<double> value() const
    {
        if (sites > 0 && sites_known == 0)
            return std::nullopt;
        return t_per_day;
    }
};

/// A country's waste totals: to its inadequate active sites, and to those within reach of a landfill.
struct WasteAccumulator {
    WasteTotal inadequate, near_landfill;
};

struct PlanAccumulator {
    std::size_t facilities_proposed = 0, facilities_existing = 0, served = 0;
    WasteTotal waste_served;
    double haul_weighted = 0.0, haul_weight = 0.0, max_haul = 0.0;
    bool any_haul = false;
    std::int64_t population_served = 0, population_all = 0;
};

void add_counts(CountryCoverage& to, const CountryCoverage& c)
{
    to.sites += c.sites;
    to.open_dump += c.open_dump;
    to.controlled_dump += c.controlled_dump;
    to.sanitary_landfill += c.sanitary_landfill;
    to.other += c.other;
    to.active += c.active;
    to.inactive += c.inactive;
    to.closing += c.closing;
    to.closed += c.closed;
    to.remediated += c.remediated;
    to.status_unknown += c.status_unknown;
    to.inadequate_active_sites += c.inadequate_active_sites;
    to.inadequate_sites_waste_unknown += c.inadequate_sites_waste_unknown;
    to.inadequate_sites_waste_estimated += c.inadequate_sites_waste_estimated;
    to.active_sanitary_landfills += c.active_sanitary_landfills;
    to.inadequate_sites_near_landfill += c.inadequate_sites_near_landfill;
    to.population_within_1km += c.population_within_1km;
    to.population_within_2km += c.population_within_2km;
    to.population_within_5km += c.population_within_5km;
}

void finish(CountryCoverage& c, const WasteAccumulator& w, const PlanAccumulator* p)
{
    c.inadequate_waste_t_per_day = w.inadequate.value();
    c.inadequate_waste_near_landfill_t_per_day = w.near_landfill.value();
    c.share_sites_near_landfill =
        share(static_cast<double>(c.inadequate_sites_near_landfill), static_cast<double>(c.inadequate_active_sites));
    c.share_waste_near_landfill = share(c.inadequate_waste_near_landfill_t_per_day, c.inadequate_waste_t_per_day);
    if (!p)
        return;
    c.plan_facilities_proposed = p->facilities_proposed;
    c.plan_facilities_existing = p->facilities_existing;
    c.plan_sites_served = p->served;
    c.plan_sites_local_solution = c.inadequate_active_sites - p->served;
    c.plan_waste_served_t_per_day = p->waste_served.value();
    c.plan_population_served = p->population_served;
    c.plan_share_sites_served = share(static_cast<double>(p->served), static_cast<double>(c.inadequate_active_sites));
    c.plan_share_waste_served = share(c.plan_waste_served_t_per_day, c.inadequate_waste_t_per_day);
    c.plan_share_population_served =
        share(static_cast<double>(p->population_served), static_cast<double>(p->population_all));
    if (p->haul_weight > 0.0)
        c.plan_mean_haul_km = p->haul_weighted / p->haul_weight;
    if (p->any_haul)
        c.plan_max_haul_km = p->max_haul;
}

}  // namespace

CoverageReport compute_coverage(const WasteEstimateResult& waste, const std::vector<Place>& places,
                                const RegionalPlan* plan, const CoverageParams& params)
{
    if (!(params.max_haul_km > 0.0) || !std::isfinite(params.max_haul_km))
        throw usage_error("coverage: the maximum haul distance must be a positive number of km, not " +
                          std::to_string(params.max_haul_km));
    const auto& sites = waste.sites;
    MethaneParams mp = params.methane;
    if (mp.reporting_year == 0)
        mp.reporting_year = DEFAULT_REPORTING_YEAR;

    CoverageReport report;
    report.reporting_year = mp.reporting_year;
    report.gwp100_ch4 = mp.gwp100_ch4;
    report.max_haul_km = params.max_haul_km;
    report.with_plan = plan != nullptr;

    std::map<std::string, CountryCoverage> rows;
    std::map<std::string, WasteAccumulator> waste_rows;
    std::map<std::string, PlanAccumulator> plan_rows;
    auto row = [&](const std::string& iso3) -> CountryCoverage& {
        auto& r = rows[iso3];
        r.country_iso3 = iso3;
        return r;
    };

    // plan: site -> haul km; facilities per country
    std::unordered_map<std::string, double> haul_of;
    if (plan) {
        check_plan_sites(*plan, sites, params.plan_source);
        for (const auto& a : plan->assignments)
            haul_of[a.site_id] = a.haul_km;
        for (const auto& f : plan->facilities) {
            auto& p = plan_rows[f.country_iso3];
            (f.existing ? p.facilities_existing : p.facilities_proposed)++;
            row(f.country_iso3);
        }
    }

    const auto nearest = nearest_landfills(sites);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        auto& r = row(s.country_iso3);
        ++r.sites;
        switch (s.site_type) {
        case SiteType::open_dump: ++r.open_dump; break;
        case SiteType::controlled_dump: ++r.controlled_dump; break;
        case SiteType::sanitary_landfill: ++r.sanitary_landfill; break;
        case SiteType::other: ++r.other; break;
        }
        switch (s.status) {
        case SiteStatus::active: ++r.active; break;
        case SiteStatus::inactive: ++r.inactive; break;
        case SiteStatus::closing: ++r.closing; break;
        case SiteStatus::closed: ++r.closed; break;
        case SiteStatus::remediated: ++r.remediated; break;
        case SiteStatus::unknown: ++r.status_unknown; break;
        }
        if (is_active_sanitary_landfill(s))
            ++r.active_sanitary_landfills;
        if (!is_inadequate_active(s))
            continue;
        ++r.inadequate_active_sites;
        if (!s.waste_t_per_day)
            ++r.inadequate_sites_waste_unknown;
        else if (s.waste_provenance == Provenance::estimated)
            ++r.inadequate_sites_waste_estimated;
        auto& waste_row = waste_rows[s.country_iso3];
        waste_row.inadequate.add(s.waste_t_per_day);
        if (nearest[i] && nearest[i]->distance_km <= params.max_haul_km) {
            ++r.inadequate_sites_near_landfill;
            waste_row.near_landfill.add(s.waste_t_per_day);
        }
        if (plan) {
            auto& p = plan_rows[s.country_iso3];
            const std::int64_t pop = i < waste.served_population.size() ? waste.served_population[i] : 0;
            p.population_all += pop;
            const auto h = haul_of.find(s.site_id);
            if (h != haul_of.end()) {
                ++p.served;
                p.waste_served.add(s.waste_t_per_day);
                p.population_served += pop;
                if (s.waste_t_per_day) {
                    p.haul_weighted += *s.waste_t_per_day * h->second;
                    p.haul_weight += *s.waste_t_per_day;
                }
                p.max_haul = p.any_haul ? std::max(p.max_haul, h->second) : h->second;
                p.any_haul = true;
            }
        }
    }

    const auto exposure = population_near_dumps(sites, places, params.exposure);
    auto band = [&](const CountryExposure& c, double radius_m) -> std::int64_t {
        for (std::size_t b = 0; b < exposure.band_radii_m.size(); ++b)
            if (exposure.band_radii_m[b] == radius_m)
                return c.population[b];
        return 0;
    };
    for (const auto& c : exposure.countries) {
        if (!rows.count(c.country_iso3))
            continue;  // a country without sites: only people near a neighbour's dump; counted in LAC below
        auto& r = rows[c.country_iso3];
        r.population_within_1km = band(c, 1000.0);
        r.population_within_2km = band(c, 2000.0);
        r.population_within_5km = band(c, 5000.0);
    }
    std::int64_t lac_outside[3] = {0, 0, 0};
    for (const auto& c : exposure.countries)
        if (!rows.count(c.country_iso3)) {
            lac_outside[0] += band(c, 1000.0);
            lac_outside[1] += band(c, 2000.0);
            lac_outside[2] += band(c, 5000.0);
        }

    const auto methane = methane_by_country(estimate_methane(sites, mp));
    auto set_methane = [](CountryCoverage& r, const CountryMethane& m) {
        r.ch4_t_per_year = m.ch4_t_per_year;
        r.co2e_t_per_year = m.co2e_t_per_year;
        r.methane_sites_unknown = m.sites_unknown;
    };
    for (const auto& m : methane)
        set_methane(row(m.country_iso3), m);

    CountryCoverage lac;
    lac.country_iso3 = "LAC";
    WasteAccumulator lac_waste;
    PlanAccumulator lac_plan;
    for (auto& [iso3, r] : rows) {
        const WasteAccumulator& w = waste_rows[iso3];
        lac_waste.inadequate.add(w.inadequate);
        lac_waste.near_landfill.add(w.near_landfill);
        const PlanAccumulator* p = nullptr;
        if (plan) {
            p = &plan_rows[iso3];
            lac_plan.facilities_proposed += p->facilities_proposed;
            lac_plan.facilities_existing += p->facilities_existing;
            lac_plan.served += p->served;
            lac_plan.waste_served.add(p->waste_served);
            lac_plan.haul_weighted += p->haul_weighted;
            lac_plan.haul_weight += p->haul_weight;
            if (p->any_haul)
                lac_plan.max_haul = lac_plan.any_haul ? std::max(lac_plan.max_haul, p->max_haul) : p->max_haul;
            lac_plan.any_haul = lac_plan.any_haul || p->any_haul;
            lac_plan.population_served += p->population_served;
            lac_plan.population_all += p->population_all;
        }
        finish(r, w, p);
        add_counts(lac, r);
        report.countries.push_back(r);
    }
    lac.population_within_1km += lac_outside[0];
    lac.population_within_2km += lac_outside[1];
    lac.population_within_5km += lac_outside[2];
    finish(lac, lac_waste, plan ? &lac_plan : nullptr);
    set_methane(lac, methane_total(methane, "LAC"));
    report.countries.push_back(lac);
    return report;
}

std::vector<ColumnDescriptor<CountryCoverage>> coverage_columns(const CoverageReport& report)
{
    using C = CountryCoverage;
    const double max_haul_km = report.max_haul_km;
    const auto year = static_cast<std::int64_t>(report.reporting_year);
    const double gwp = report.gwp100_ch4;
    return {
        {{"country", 0}, [](const C& c) { return ReportCell{c.country_iso3}; }},
        {{"sites", 0}, [](const C& c) { return count_cell(c.sites); }},
        {{"open_dump", 0}, [](const C& c) { return count_cell(c.open_dump); }},
        {{"controlled_dump", 0}, [](const C& c) { return count_cell(c.controlled_dump); }},
        {{"sanitary_landfill", 0}, [](const C& c) { return count_cell(c.sanitary_landfill); }},
        {{"other", 0}, [](const C& c) { return count_cell(c.other); }},
        {{"active", 0}, [](const C& c) { return count_cell(c.active); }},
        {{"inactive", 0}, [](const C& c) { return count_cell(c.inactive); }},
        {{"closing", 0}, [](const C& c) { return count_cell(c.closing); }},
        {{"closed", 0}, [](const C& c) { return count_cell(c.closed); }},
        {{"remediated", 0}, [](const C& c) { return count_cell(c.remediated); }},
        {{"status_unknown", 0}, [](const C& c) { return count_cell(c.status_unknown); }},
        {{"inadequate_active_sites", 0}, [](const C& c) { return count_cell(c.inadequate_active_sites); }},
        {{"inadequate_sites_waste_estimated", 0},
         [](const C& c) { return count_cell(c.inadequate_sites_waste_estimated); }},
        {{"inadequate_sites_waste_unknown", 0}, [](const C& c) { return count_cell(c.inadequate_sites_waste_unknown); }},
        {{"inadequate_waste_t_per_day", 1}, [](const C& c) { return optional_cell(c.inadequate_waste_t_per_day); }},
        {{"active_sanitary_landfills", 0}, [](const C& c) { return count_cell(c.active_sanitary_landfills); }},
        {{"max_haul_km", 1}, [max_haul_km](const C&) { return ReportCell{max_haul_km}; }},
        {{"inadequate_sites_near_landfill", 0}, [](const C& c) { return count_cell(c.inadequate_sites_near_landfill); }},
        {{"inadequate_waste_near_landfill_t_per_day", 1},
         [](const C& c) { return optional_cell(c.inadequate_waste_near_landfill_t_per_day); }},
        {{"share_sites_near_landfill", 3}, [](const C& c) { return optional_cell(c.share_sites_near_landfill); }},
        {{"share_waste_near_landfill", 3}, [](const C& c) { return optional_cell(c.share_waste_near_landfill); }},
        {{"plan_facilities_proposed", 0}, [](const C& c) { return optional_cell(c.plan_facilities_proposed); }},
        {{"plan_facilities_existing", 0}, [](const C& c) { return optional_cell(c.plan_facilities_existing); }},
        {{"plan_sites_served", 0}, [](const C& c) { return optional_cell(c.plan_sites_served); }},
        {{"plan_sites_local_solution", 0}, [](const C& c) { return optional_cell(c.plan_sites_local_solution); }},
        {{"plan_waste_served_t_per_day", 1}, [](const C& c) { return optional_cell(c.plan_waste_served_t_per_day); }},
        {{"plan_population_served", 0}, [](const C& c) { return optional_cell(c.plan_population_served); }},
        {{"plan_share_sites_served", 3}, [](const C& c) { return optional_cell(c.plan_share_sites_served); }},
        {{"plan_share_waste_served", 3}, [](const C& c) { return optional_cell(c.plan_share_waste_served); }},
        {{"plan_share_population_served", 3},
         [](const C& c) { return optional_cell(c.plan_share_population_served); }},
        {{"plan_mean_haul_km", 1}, [](const C& c) { return optional_cell(c.plan_mean_haul_km); }},
        {{"plan_max_haul_km", 1}, [](const C& c) { return optional_cell(c.plan_max_haul_km); }},
        {{"population_within_1km", 0}, [](const C& c) { return ReportCell{c.population_within_1km}; }},
        {{"population_within_2km", 0}, [](const C& c) { return ReportCell{c.population_within_2km}; }},
        {{"population_within_5km", 0}, [](const C& c) { return ReportCell{c.population_within_5km}; }},
        {{"reporting_year", 0}, [year](const C&) { return ReportCell{year}; }},
        {{"ch4_t_per_year", 0}, [](const C& c) { return optional_cell(c.ch4_t_per_year); }},
        {{"co2e_t_per_year", 0}, [](const C& c) { return optional_cell(c.co2e_t_per_year); }},
        {{"gwp100_ch4", 1}, [gwp](const C&) { return ReportCell{gwp}; }},
        {{"methane_sites_unknown", 0}, [](const C& c) { return count_cell(c.methane_sites_unknown); }},
    };
}

ReportTable coverage_table(const CoverageReport& report)
{
    return make_report_table("countries", "Coverage per country, reporting year " + std::to_string(report.reporting_year),
                             coverage_columns(report), report.countries);
}

}  // namespace basural

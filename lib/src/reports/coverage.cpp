#include "basural/reports/coverage.hpp"

#include "basural/base/messages.hpp"

#include "basural/base/error.hpp"
#include "basural/base/number_text.hpp"
#include "basural/geo/spatial_index.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

namespace basural {

std::vector<std::optional<NearestLandfill>> nearest_landfills(const std::vector<Site>& sites)
{
    std::map<std::string, std::vector<std::size_t>> landfills;  // country -> site indices
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (is_existing_landfill(sites[i]))
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
    to.inadequate_sites_status_unknown += c.inadequate_sites_status_unknown;
    to.inadequate_sites_waste_implausible += c.inadequate_sites_waste_implausible;
    to.inadequate_waste_implausible_t_per_day += c.inadequate_waste_implausible_t_per_day;
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

namespace {

/// Everything accumulated for one row.
struct RowData {
    CountryCoverage row;
    WasteAccumulator waste;
    PlanAccumulator plan;
};

/// The rows of a report by key: the country's ISO3, and with per-admin1 groups also
/// "<ISO3>\x1f<unit>" for each unit (the unknown unit sorts last). std::map keeps them in order.
class CoverageRows {
public:
    explicit CoverageRows(const Admin1Groups* groups) : m_groups(groups) {}

    /// The rows a site counts in: its country's, and its unit's when rows go per unit.
    std::vector<RowData*> of_site(std::size_t i, const std::string& iso3)
    {
        if (!m_groups)
            return {&country(iso3)};
        return {&country(iso3), &unit(m_groups->sites.at(i), iso3)};
    }
    std::vector<RowData*> of_facility(const PlanFacility& f)
    {
        if (!m_groups)
            return {&country(f.country_iso3)};
        const auto it = m_groups->facilities.find(f.facility_id);
        const Admin1Key unknown{f.country_iso3, {}, {}, false};
        return {&country(f.country_iso3), &unit(it != m_groups->facilities.end() ? it->second : unknown, f.country_iso3)};
    }
    RowData& country(const std::string& iso3)
    {
        auto& r = m_rows[iso3];
        r.row.country_iso3 = iso3;
        return r;
    }
    /// The key of a unit's row: after its country's ("\x1f"), by code, units known by name only
    /// first ("\x01"), the unknown unit last ("\x7f").
    static std::string unit_key(const Admin1Key& k, const std::string& iso3)
    {
        return iso3 + '\x1f' + (k.known() ? (k.code.empty() ? "\x01" + k.name : k.code) : "\x7f");
    }
    RowData& unit(const Admin1Key& k, const std::string& iso3)
    {
        auto& r = m_rows[unit_key(k, iso3)];
        r.row.country_iso3 = iso3;
        if (!r.row.admin1) {
            country(iso3);  // a unit's country has its row too
            r.row.admin1 = Admin1Key{iso3, k.code, k.name, false};
        }
        return r;
    }
    bool has_country(const std::string& iso3) const { return m_rows.count(iso3) > 0; }
    std::map<std::string, RowData>& all() { return m_rows; }
    const Admin1Groups* groups() const { return m_groups; }

private:
    const Admin1Groups* m_groups;
    std::map<std::string, RowData> m_rows;
};

void count_site(CountryCoverage& r, const Site& s)
{
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
    if (is_existing_landfill(s))
        ++r.active_sanitary_landfills;
}

/// Counts, waste and plan figures of every site into its rows.
void accumulate_sites(CoverageRows& rows, const WasteEstimateResult& waste, const RegionalPlan* plan,
                      const CoverageParams& params)
{
    const auto& sites = waste.sites;
    std::unordered_map<std::string, double> haul_of;
    if (plan) {
        for (const auto& a : plan->assignments)
            haul_of[a.site_id] = a.haul_km;
        for (const auto& f : plan->facilities)
            for (RowData* r : rows.of_facility(f))
                (f.existing ? r->plan.facilities_existing : r->plan.facilities_proposed)++;
    }
    const auto nearest = nearest_landfills(sites);
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        for (RowData* rd : rows.of_site(i, s.country_iso3)) {
            CountryCoverage& r = rd->row;
            count_site(r, s);
            if (!is_receiving_dump(s))
                continue;
            ++r.inadequate_active_sites;
            if (s.status == SiteStatus::unknown)
                ++r.inadequate_sites_status_unknown;
            if (i < waste.implausible.size() && waste.implausible[i] && s.waste_t_per_day) {
                ++r.inadequate_sites_waste_implausible;
                r.inadequate_waste_implausible_t_per_day += *s.waste_t_per_day;
            }
            if (!s.waste_t_per_day)
                ++r.inadequate_sites_waste_unknown;
            else if (s.waste_provenance == Provenance::estimated)
                ++r.inadequate_sites_waste_estimated;
            rd->waste.inadequate.add(s.waste_t_per_day);
            if (nearest[i] && nearest[i]->distance_km <= params.max_haul_km) {
                ++r.inadequate_sites_near_landfill;
                rd->waste.near_landfill.add(s.waste_t_per_day);
            }
            if (!plan)
                continue;
            PlanAccumulator& p = rd->plan;
            const std::int64_t pop = i < waste.served_population.size() ? waste.served_population[i] : 0;
            p.population_all += pop;
            const auto h = haul_of.find(s.site_id);
            if (h == haul_of.end())
                continue;
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

std::int64_t band_population(const ExposureReport& exposure, const CountryExposure& c, double radius_m)
{
    for (std::size_t b = 0; b < exposure.band_radii_m.size(); ++b)
        if (exposure.band_radii_m[b] == radius_m)
            return c.population[b];
    return 0;
}

/// People near active dumps into the rows: per country as population_near_dumps counts them, per unit
/// from each place's distance to its nearest active dump. Returns the people of countries without a
/// row (near a neighbour's dump), which only the LAC row counts.
std::array<std::int64_t, 3> accumulate_exposure(CoverageRows& rows, const std::vector<Site>& sites,
                                                const std::vector<Place>& places, const ExposureParams& params)
{
    static constexpr std::array<double, 3> BANDS_M{1000.0, 2000.0, 5000.0};
    const auto exposure = population_near_dumps(sites, places, params);
    std::array<std::int64_t, 3> outside{0, 0, 0};
    for (const auto& c : exposure.countries) {
        std::array<std::int64_t, 3> people{};
        for (std::size_t b = 0; b < 3; ++b)
            people[b] = band_population(exposure, c, BANDS_M[b]);
        if (!rows.has_country(c.country_iso3)) {
            for (std::size_t b = 0; b < 3; ++b)
                outside[b] += people[b];
            continue;
        }
        CountryCoverage& r = rows.country(c.country_iso3).row;
        r.population_within_1km = people[0];
        r.population_within_2km = people[1];
        r.population_within_5km = people[2];
    }
    if (!rows.groups())
        return outside;
    for (std::size_t j = 0; j < places.size(); ++j) {
        const double d = exposure.place_nearest_dump_m[j];
        if (!(d <= BANDS_M[2]) || !places[j].population || !rows.has_country(places[j].country_iso3))
            continue;
        CountryCoverage& r = rows.unit(rows.groups()->places.at(j), places[j].country_iso3).row;
        const std::int64_t pop = *places[j].population;
        r.population_within_1km += d <= BANDS_M[0] ? pop : 0;
        r.population_within_2km += d <= BANDS_M[1] ? pop : 0;
        r.population_within_5km += pop;
    }
    return outside;
}

void set_methane(CountryCoverage& r, const CountryMethane& m)
{
    r.ch4_t_per_year = m.ch4_t_per_year;
    r.co2e_t_per_year = m.co2e_t_per_year;
    r.methane_sites_unknown = m.sites_unknown;
}

/// Methane into the rows (the same totals rule per unit as per country); returns the LAC total.
CountryMethane accumulate_methane(CoverageRows& rows, const std::vector<Site>& sites, const MethaneParams& mp)
{
    const auto estimates = estimate_methane(sites, mp);
    const auto by_country = methane_by_country(estimates);
    for (const auto& m : by_country)
        set_methane(rows.country(m.country_iso3).row, m);
    if (rows.groups()) {
        // methane_by_country over the estimates keyed by their unit's row: one rule for countries and units
        std::vector<SiteMethane> keyed = estimates;
        for (std::size_t i = 0; i < keyed.size(); ++i)
            keyed[i].country_iso3 = CoverageRows::unit_key(rows.groups()->sites.at(i), sites[i].country_iso3);
        for (const auto& m : methane_by_country(keyed))
            set_methane(rows.all().at(m.country_iso3).row, m);
    }
    return methane_total(by_country, "LAC");
}

void add_plan(PlanAccumulator& to, const PlanAccumulator& p)
{
    to.facilities_proposed += p.facilities_proposed;
    to.facilities_existing += p.facilities_existing;
    to.served += p.served;
    to.waste_served.add(p.waste_served);
    to.haul_weighted += p.haul_weighted;
    to.haul_weight += p.haul_weight;
    if (p.any_haul)
        to.max_haul = to.any_haul ? std::max(to.max_haul, p.max_haul) : p.max_haul;
    to.any_haul = to.any_haul || p.any_haul;
    to.population_served += p.population_served;
    to.population_all += p.population_all;
}

}  // namespace

CoverageReport compute_coverage(const WasteEstimateResult& waste, const std::vector<Place>& places,
                                const RegionalPlan* plan, const CoverageParams& params)
{
    if (!(params.max_haul_km > 0.0) || !std::isfinite(params.max_haul_km))
        throw usage_error("coverage: the maximum haul distance must be a positive number of km, not " +
                          format_value(params.max_haul_km));
    const auto& sites = waste.sites;
    if (params.by_admin1 && (params.by_admin1->sites.size() != sites.size() || params.by_admin1->places.size() != places.size()))
        throw usage_error("coverage: the first-level units are given for " + std::to_string(params.by_admin1->sites.size()) +
                          " sites and " + std::to_string(params.by_admin1->places.size()) + " places, not for the " +
                          std::to_string(sites.size()) + " sites and " + std::to_string(places.size()) + " places");
    MethaneParams mp = params.methane;
    if (mp.reporting_year == 0)
        mp.reporting_year = DEFAULT_REPORTING_YEAR;

    CoverageReport report;
    report.reporting_year = mp.reporting_year;
    report.gwp100_ch4 = mp.gwp100_ch4;
    report.max_haul_km = params.max_haul_km;
    report.with_plan = plan != nullptr;
    report.by_admin1 = params.by_admin1 != nullptr;

    if (plan)
        check_plan_sites(*plan, sites, params.plan_source);
    CoverageRows rows(params.by_admin1);
    accumulate_sites(rows, waste, plan, params);
    const auto outside = accumulate_exposure(rows, sites, places, params.exposure);
    const CountryMethane lac_methane = accumulate_methane(rows, sites, mp);

    CountryCoverage lac;
    lac.country_iso3 = "LAC";
    WasteAccumulator lac_waste;
    PlanAccumulator lac_plan;
    // A country's row comes first in the map, then its units'; the report lists the units, then the
    // country's row as their total.
    std::optional<CountryCoverage> country;
    std::vector<CountryCoverage> units;
    const auto flush = [&] {
        report.countries.insert(report.countries.end(), units.begin(), units.end());
        units.clear();
        if (country)
            report.countries.push_back(*country);
        country.reset();
    };
    for (auto& [key, rd] : rows.all()) {
        finish(rd.row, rd.waste, plan ? &rd.plan : nullptr);
        if (rd.row.admin1) {
            units.push_back(rd.row);
            continue;
        }
        flush();
        country = rd.row;
        lac_waste.inadequate.add(rd.waste.inadequate);
        lac_waste.near_landfill.add(rd.waste.near_landfill);
        add_plan(lac_plan, rd.plan);
        add_counts(lac, rd.row);
    }
    flush();
    lac.population_within_1km += outside[0];
    lac.population_within_2km += outside[1];
    lac.population_within_5km += outside[2];
    finish(lac, lac_waste, plan ? &lac_plan : nullptr);
    set_methane(lac, lac_methane);
    report.countries.push_back(lac);
    return report;
}

std::vector<ColumnDescriptor<CountryCoverage>> coverage_columns(const CoverageReport& report)
{
    using C = CountryCoverage;
    const double max_haul_km = report.max_haul_km;
    const auto year = static_cast<std::int64_t>(report.reporting_year);
    const double gwp = report.gwp100_ch4;
    std::vector<ColumnDescriptor<C>> columns{
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
        {{"inadequate_sites_status_unknown", 0},
         [](const C& c) { return count_cell(c.inadequate_sites_status_unknown); }},
        {{"inadequate_sites_waste_estimated", 0},
         [](const C& c) { return count_cell(c.inadequate_sites_waste_estimated); }},
        {{"inadequate_sites_waste_unknown", 0}, [](const C& c) { return count_cell(c.inadequate_sites_waste_unknown); }},
        {{"inadequate_waste_t_per_day", 1}, [](const C& c) { return optional_cell(c.inadequate_waste_t_per_day); }},
        {{"inadequate_sites_waste_implausible", 0},
         [](const C& c) { return count_cell(c.inadequate_sites_waste_implausible); }},
        {{"inadequate_waste_implausible_t_per_day", 1},
         [](const C& c) { return ReportCell{c.inadequate_waste_implausible_t_per_day}; }},
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
    if (report.by_admin1) {
        const std::vector<ColumnDescriptor<C>> unit{
            {{"admin1", 0},
             [](const C& c) {
                 if (!c.admin1)
                     return ReportCell{std::string(c.country_iso3 == "LAC" ? "" : "all")};
                 if (!c.admin1->known())
                     return ReportCell{std::string("unknown")};
                 return ReportCell{c.admin1->code};
             }},
            {{"admin1_name", 0}, [](const C& c) { return c.admin1 ? ReportCell{c.admin1->name} : ReportCell{}; }},
        };
        columns.insert(columns.begin() + 1, unit.begin(), unit.end());
    }
    return columns;
}

ReportTable coverage_table(const CoverageReport& report)
{
    const std::string per = report.by_admin1 ? "Coverage per first-level unit and country" : "Coverage per country";
    return make_report_table(report.by_admin1 ? "admin1" : "countries",
                             per + ", reporting year " + std::to_string(report.reporting_year), coverage_columns(report),
                             report.countries);
}

Admin1Groups admin1_groups(const std::vector<Site>& sites, const std::vector<Place>& places, const RegionalPlan* plan,
                           const Admin1Boundaries* boundaries)
{
    Admin1Groups g;
    g.sites = site_admin1(sites, boundaries);
    g.places = place_admin1(places, boundaries);
    if (!plan)
        return g;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < sites.size(); ++i)
        index.emplace(sites[i].site_id, i);
    for (const auto& f : plan->facilities) {
        Admin1Key k{f.country_iso3, {}, {}, false};
        if (const auto it = index.find(f.site_id); !f.site_id.empty() && it != index.end()) {
            k = g.sites[it->second];
        } else if (boundaries) {
            std::optional<std::size_t> u;
            if (!f.admin1_code.empty())
                u = boundaries->find(f.country_iso3, f.admin1_code);
            if (!u)
                u = boundaries->unit_at(f.location, f.country_iso3);
            if (u)
                k = {f.country_iso3, boundaries->units()[*u].code, boundaries->units()[*u].name, true};
        }
        g.facilities.emplace(f.facility_id, std::move(k));
    }
    return g;
}

std::optional<std::string> coverage_empty_reason(const CoverageReport& report)
{
    if (report.countries.empty())
        return "the inventory has no site";
    const CountryCoverage& lac = report.countries.back();
    if (lac.sites == 0)
        return "the inventory has no site";
    if (lac.inadequate_active_sites == 0)
        return "no open or controlled dump receives waste among the " + std::to_string(lac.sites) + " sites (" +
               std::to_string(lac.other) + " of type other, " +
               std::to_string(lac.inactive + lac.closed + lac.remediated) +
               " inactive, closed or remediated): check the mapping of site_type and status (--map)";
    if (!lac.inadequate_waste_t_per_day)
        return "the tonnage of every receiving dump is unknown and could not be estimated (no populated place "
               "within reach, no known tonnage in their countries): map a tonnage column (--field "
               "waste_t_per_day=COLUMN) or give places (--places)";
    if (report.with_plan && lac.plan_sites_served.value_or(0) == 0)
        return "the plan serves none of the inventory's " + std::to_string(lac.inadequate_active_sites) +
               " receiving dumps: was it made from this inventory, with the same mapping?";
    return std::nullopt;
}

std::vector<std::string> coverage_assumptions(const CoverageReport& report, const WasteEstimateResult& waste,
                                              const Locale& locale)
{
    std::vector<std::string> lines;
    if (report.countries.empty())
        return lines;
    const CountryCoverage& lac = report.countries.back();
    char km[32], gwp[32];
    std::snprintf(km, sizeof km, "%g", report.max_haul_km);
    std::snprintf(gwp, sizeof gwp, "%g", report.gwp100_ch4);
    lines.push_back(status_rule_line(lac.inadequate_sites_status_unknown, lac.inadequate_active_sites, locale));
    lines.push_back(waste_sources_line(waste, locale));
    lines.push_back(tr(locale, "assume.within_reach", {{"km", km}}));
    lines.push_back(tr(locale, "assume.methane", {{"year", std::to_string(report.reporting_year)}, {"gwp", gwp}}));
    return lines;
}

}  // namespace basural

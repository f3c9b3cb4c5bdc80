#include "basural/reports/priority.hpp"

#include "basural/base/messages.hpp"

#include "basural/inventory/site_predicates.hpp"
#include "basural/reports/coverage.hpp"
#include "basural/base/error.hpp"
#include "basural/base/input_file.hpp"
#include "basural/base/limits.hpp"
#include "basural/reports/exposure.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

namespace basural {

std::string_view to_string(PriorityCriterion c) noexcept
{
    switch (c) {
    case PriorityCriterion::waste: return "waste";
    case PriorityCriterion::methane: return "methane";
    case PriorityCriterion::people_2km: return "people_2km";
    case PriorityCriterion::open_burning: return "open_burning";
    case PriorityCriterion::waste_pickers: return "waste_pickers";
    case PriorityCriterion::child_waste_pickers: return "child_waste_pickers";
    case PriorityCriterion::readiness: return "readiness";
    }
    return "";
}

const std::array<PriorityCriterion, PRIORITY_CRITERIA>& priority_criteria() noexcept
{
    static const std::array<PriorityCriterion, PRIORITY_CRITERIA> all{
        PriorityCriterion::waste,         PriorityCriterion::methane,
        PriorityCriterion::people_2km,    PriorityCriterion::open_burning,
        PriorityCriterion::waste_pickers, PriorityCriterion::child_waste_pickers,
        PriorityCriterion::readiness};
    return all;
}

PriorityWeights load_priority_weights(const std::string& path)
{
    const std::string text = read_input_file(path, MAX_JSON_FILE_BYTES);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw input_error(path, std::string("is not valid JSON: ") + e.what());
    }
    if (!j.is_object())
        throw input_error(path, "must hold a JSON object such as {\"waste\": 0.3, \"people_2km\": 0.3}");
    PriorityWeights w;
    for (const auto& [key, value] : j.items()) {
        std::size_t idx = PRIORITY_CRITERIA;
        for (std::size_t i = 0; i < PRIORITY_CRITERIA; ++i)
            if (to_string(priority_criteria()[i]) == key)
                idx = i;
        if (idx == PRIORITY_CRITERIA) {
            std::string known;
            for (auto c : priority_criteria())
                known += (known.empty() ? "" : ", ") + std::string(to_string(c));
            throw input_error(path, -1, key, value.dump(), "is not a criterion (use " + known + ")");
        }
        if (!value.is_number() || !(value.get<double>() >= 0.0) || !std::isfinite(value.get<double>()))
            throw input_error(path, -1, key, value.dump(), "is not a weight: use a number >= 0");
        w.w[idx] = value.get<double>();
    }
    if (std::accumulate(w.w.begin(), w.w.end(), 0.0) <= 0.0)
        throw input_error(path, "weights sum to 0: give at least one criterion a positive weight");
    return w;
}

namespace {

/// Empirical CDF over the known values: #{known <= v} / n, and 0 for v <= 0.
class Ecdf {
public:
    explicit Ecdf(std::vector<double> values) : m_sorted(std::move(values)) { std::sort(m_sorted.begin(), m_sorted.end()); }
    double operator()(double v) const
    {
        if (!(v > 0.0) || m_sorted.empty())
            return 0.0;
        const auto le = std::upper_bound(m_sorted.begin(), m_sorted.end(), v) - m_sorted.begin();
        return static_cast<double>(le) / static_cast<double>(m_sorted.size());
    }

private:
    std::vector<double> m_sorted;
};

std::string fmt(const char* f, double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::string value_text(const PriorityRow& r, PriorityCriterion c)
{
    switch (c) {
    case PriorityCriterion::waste:
        return "waste " + fmt("%.1f", *r.waste_t_per_day) + " t/day" +
               (r.waste_implausible                              ? " (estimated, implausible)"
                : r.waste_provenance == Provenance::estimated ? " (estimated)"
                                                               : "");
    case PriorityCriterion::methane: return "methane " + fmt("%.0f", *r.ch4_t_per_year) + " t CH4/yr";
    case PriorityCriterion::people_2km: return std::to_string(r.people_2km) + " people within 2 km";
    case PriorityCriterion::open_burning: return "open burning";
    case PriorityCriterion::waste_pickers: return std::to_string(*r.waste_pickers) + " waste pickers";
    case PriorityCriterion::child_waste_pickers: return std::to_string(*r.child_waste_pickers) + " child waste pickers";
    case PriorityCriterion::readiness:
        return "landfill " + r.readiness_facility + " " + fmt("%.1f", *r.readiness_haul_km) + " km away";
    }
    return "";
}

void check_priority_params(const PriorityParams& params)
{
    const double weight_sum = std::accumulate(params.weights.w.begin(), params.weights.w.end(), 0.0);
    for (double w : params.weights.w)
        if (!(w >= 0.0) || !std::isfinite(w))
            throw usage_error("prioritize: weights must be numbers >= 0");
    if (!(weight_sum > 0.0))
        throw usage_error("prioritize: weights sum to 0: give at least one criterion a positive weight");
    if (!(params.readiness_max_haul_km > 0.0) || !std::isfinite(params.readiness_max_haul_km))
        throw usage_error("prioritize: the readiness haul distance must be a positive number of km");
}

/// People within the radius of each site (0 for sites that are not receiving dumps).
std::vector<std::int64_t> people_near(const std::vector<Site>& sites, const std::vector<Place>& places,
                                      double radius_m)
{
    ExposureParams ep;
    ep.site_radius_m = radius_m;
    ep.band_radii_m = {radius_m};
    const auto exposure = population_near_dumps(sites, places, ep);
    std::vector<std::int64_t> people(sites.size(), 0);
    for (const auto& e : exposure.sites)
        people[e.site_index] = e.population;
    return people;
}

/// A plan's assignments by site id, and whether each facility exists (is not only proposed).
struct PlanLinks {
    std::unordered_map<std::string, const PlanAssignment*> assigned;
    std::unordered_map<std::string, bool> facility_exists;
};

/// A receiving dump's row before scoring: its attributes, methane, people nearby, and readiness:
/// the nearest existing landfill, or the plan's existing facility when nearer; a plan's proposed
/// facility is reported apart (not built yet, so not "ready").
PriorityRow priority_row(const WasteEstimateResult& waste, std::size_t i, const MethaneParams& mp,
                         std::int64_t people, const std::optional<NearestLandfill>& landfill, const PlanLinks& links)
{
    const auto& sites = waste.sites;
    const Site& s = sites[i];
    PriorityRow r;
    r.site_index = i;
    r.site_id = s.site_id;
    r.name = s.name;
    r.country_iso3 = s.country_iso3;
    r.municipality_name = s.municipality_name;
    r.site_type = s.site_type;
    r.status = s.status;
    r.location = s.location;
    r.waste_t_per_day = s.waste_t_per_day;
    r.waste_provenance = s.waste_provenance;
    r.waste_implausible = i < waste.implausible.size() && waste.implausible[i];
    r.ch4_t_per_year = estimate_site_methane(s, mp).ch4_t_per_year;
    r.people_2km = people;
    r.open_burning = s.open_burning;
    r.waste_pickers = s.waste_pickers;
    r.child_waste_pickers = s.child_waste_pickers;
    if (landfill) {
        r.readiness_haul_km = landfill->distance_km;
        r.readiness_facility = sites[landfill->site_index].site_id;
    }
    if (const auto a = links.assigned.find(s.site_id); a != links.assigned.end()) {
        const auto f = links.facility_exists.find(a->second->facility_id);
        if (f == links.facility_exists.end() || !f->second) {  // proposed (or not in the plan): not built yet
            r.proposed_facility = a->second->facility_id;
            r.proposed_facility_haul_km = a->second->haul_km;
        } else if (!r.readiness_haul_km || a->second->haul_km < *r.readiness_haul_km) {
            r.readiness_haul_km = a->second->haul_km;
            r.readiness_facility = a->second->facility_id;
        }
    }
    return r;
}

/// The empirical CDFs over the ranked sites of known value, one per criterion scored by rank.
struct CriterionCdfs {
    Ecdf waste, methane, people, pickers;
};

CriterionCdfs criterion_cdfs(const std::vector<PriorityRow>& rows)
{
    std::vector<double> v_waste, v_methane, v_people, v_pickers;
    for (const auto& r : rows) {
        if (r.waste_t_per_day)
            v_waste.push_back(*r.waste_t_per_day);
        if (r.ch4_t_per_year)
            v_methane.push_back(*r.ch4_t_per_year);
        v_people.push_back(static_cast<double>(r.people_2km));
        if (r.waste_pickers)
            v_pickers.push_back(static_cast<double>(*r.waste_pickers));
    }
    return {Ecdf(v_waste), Ecdf(v_methane), Ecdf(v_people), Ecdf(v_pickers)};
}

/// A row's score per criterion (unknown ones noted, scoring 0), its weighted total and the three
/// criteria that contribute most, in words (`why`).
void score_row(PriorityRow& r, const CriterionCdfs& f, const PriorityParams& params, double weight_sum)
{
    const auto idx = [](PriorityCriterion c) { return static_cast<std::size_t>(c); };
    r.known.fill(true);
    auto set = [&](PriorityCriterion c, std::optional<double> score) {
        r.known[idx(c)] = score.has_value();
        r.score[idx(c)] = score.value_or(0.0);
    };
    set(PriorityCriterion::waste, r.waste_t_per_day ? std::optional(f.waste(*r.waste_t_per_day)) : std::nullopt);
    set(PriorityCriterion::methane, r.ch4_t_per_year ? std::optional(f.methane(*r.ch4_t_per_year)) : std::nullopt);
    set(PriorityCriterion::people_2km, f.people(static_cast<double>(r.people_2km)));
    set(PriorityCriterion::open_burning, r.open_burning ? std::optional(*r.open_burning ? 1.0 : 0.0) : std::nullopt);
    set(PriorityCriterion::waste_pickers,
        r.waste_pickers ? std::optional(f.pickers(static_cast<double>(*r.waste_pickers))) : std::nullopt);
    set(PriorityCriterion::child_waste_pickers,
        r.child_waste_pickers ? std::optional(*r.child_waste_pickers > 0 ? 1.0 : 0.0) : std::nullopt);
    set(PriorityCriterion::readiness,
        r.readiness_haul_km ? std::max(0.0, 1.0 - *r.readiness_haul_km / params.readiness_max_haul_km)
                            : 0.0);  // no landfill in the country: known, and not ready

    std::array<double, PRIORITY_CRITERIA> contribution{};
    double total = 0.0;
    for (std::size_t c = 0; c < PRIORITY_CRITERIA; ++c) {
        contribution[c] = params.weights.w[c] * r.score[c] / weight_sum;
        total += contribution[c];
        if (!r.known[c])
            r.unknown += (r.unknown.empty() ? "" : ";") + std::string(to_string(priority_criteria()[c]));
    }
    r.total_score = total;
    std::array<std::size_t, PRIORITY_CRITERIA> order{};
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return contribution[a] > contribution[b]; });
    for (std::size_t k = 0; k < 3; ++k) {
        const std::size_t c = order[k];
        if (!(contribution[c] > 0.0))
            break;
        r.why += (r.why.empty() ? "" : "; ") + value_text(r, priority_criteria()[c]) + " (+" +
                 fmt("%.3f", contribution[c]) + ")";
    }
    if (r.why.empty())
        r.why = "no criterion scored above 0";
}

}  // namespace

std::vector<PriorityRow> prioritize_closures(const WasteEstimateResult& waste, const std::vector<Place>& places,
                                             const RegionalPlan* plan, const PriorityParams& params)
{
    check_priority_params(params);
    const double weight_sum = std::accumulate(params.weights.w.begin(), params.weights.w.end(), 0.0);
    const auto& sites = waste.sites;
    MethaneParams mp = params.methane;
    mp.reporting_year = params.reporting_year != 0 ? params.reporting_year : DEFAULT_REPORTING_YEAR;
    const auto people = people_near(sites, places, params.people_radius_m);
    const auto landfills = nearest_landfills(sites);
    PlanLinks links;
    if (plan) {
        check_plan_sites(*plan, sites, params.plan_source);
        for (const auto& a : plan->assignments)
            links.assigned[a.site_id] = &a;
        for (const auto& f : plan->facilities)
            links.facility_exists[f.facility_id] = f.existing;
    }

    std::vector<PriorityRow> rows;
    for (std::size_t i = 0; i < sites.size(); ++i)
        if (is_receiving_dump(sites[i]))
            rows.push_back(priority_row(waste, i, mp, people[i], landfills[i], links));
    const CriterionCdfs cdfs = criterion_cdfs(rows);
    for (auto& r : rows)
        score_row(r, cdfs, params, weight_sum);

    std::sort(rows.begin(), rows.end(), [](const PriorityRow& a, const PriorityRow& b) {
        if (a.total_score != b.total_score)
            return a.total_score > b.total_score;
        return a.site_id < b.site_id;
    });
    for (std::size_t k = 0; k < rows.size(); ++k)
        rows[k].rank = k + 1;
    return rows;
}

namespace {

ReportCell optional_int_cell(const std::optional<int>& v) { return v ? ReportCell{static_cast<std::int64_t>(*v)} : ReportCell{}; }
ReportCell yes_no_cell(const std::optional<bool>& v) { return v ? ReportCell{std::string(*v ? "yes" : "no")} : ReportCell{}; }

std::vector<ColumnDescriptor<PriorityRow>> priority_columns()
{
    using R = PriorityRow;
    std::vector<ColumnDescriptor<R>> cols{
        {{"rank", 0}, [](const R& r) { return count_cell(r.rank); }},
        {{"site_id", 0}, [](const R& r) { return ReportCell{r.site_id}; }},
        {{"name", 0}, [](const R& r) { return ReportCell{r.name}; }},
        {{"country", 0}, [](const R& r) { return ReportCell{r.country_iso3}; }},
        {{"municipality", 0}, [](const R& r) { return ReportCell{r.municipality_name}; }},
        {{"site_type", 0}, [](const R& r) { return ReportCell{std::string(to_string(r.site_type))}; }},
        {{"status", 0}, [](const R& r) { return ReportCell{std::string(to_string(r.status))}; }},
        {{"total_score", 4}, [](const R& r) { return ReportCell{r.total_score}; }},
        {{"why", 0}, [](const R& r) { return ReportCell{r.why}; }},
        {{"unknown_criteria", 0}, [](const R& r) { return ReportCell{r.unknown}; }},
        {{"waste_t_per_day", 2}, [](const R& r) { return optional_cell(r.waste_t_per_day); }},
        {{"waste_provenance", 0},
         [](const R& r) {
             return r.waste_provenance ? ReportCell{std::string(to_string(*r.waste_provenance))} : ReportCell{};
         }},
        {{"waste_implausible", 0}, [](const R& r) { return ReportCell{std::string(r.waste_implausible ? "yes" : "no")}; }},
        {{"ch4_t_per_year", 1}, [](const R& r) { return optional_cell(r.ch4_t_per_year); }},
        {{"people_2km", 0}, [](const R& r) { return ReportCell{r.people_2km}; }},
        {{"open_burning", 0}, [](const R& r) { return yes_no_cell(r.open_burning); }},
        {{"waste_pickers", 0}, [](const R& r) { return optional_int_cell(r.waste_pickers); }},
        {{"child_waste_pickers", 0}, [](const R& r) { return optional_int_cell(r.child_waste_pickers); }},
        {{"readiness_haul_km", 2}, [](const R& r) { return optional_cell(r.readiness_haul_km); }},
        {{"readiness_facility", 0}, [](const R& r) { return ReportCell{r.readiness_facility}; }},
        {{"proposed_facility", 0}, [](const R& r) { return ReportCell{r.proposed_facility}; }},
        {{"proposed_facility_haul_km", 2}, [](const R& r) { return optional_cell(r.proposed_facility_haul_km); }},
    };
    for (std::size_t c = 0; c < PRIORITY_CRITERIA; ++c)
        cols.push_back({{"score_" + std::string(to_string(priority_criteria()[c])), 4},
                        [c](const R& r) { return r.known[c] ? ReportCell{r.score[c]} : ReportCell{}; }});
    cols.push_back({{"lon", 6}, [](const R& r) { return ReportCell{r.location.lon_deg}; }});
    cols.push_back({{"lat", 6}, [](const R& r) { return ReportCell{r.location.lat_deg}; }});
    return cols;
}

}  // namespace

ReportTable priority_table(const std::vector<PriorityRow>& rows)
{
    return make_report_table("ranking", "Closure priority of the open and controlled dumps receiving waste",
                             priority_columns(), rows);
}

std::optional<std::string> priority_empty_reason(const std::vector<PriorityRow>& rows)
{
    if (rows.empty())
        return "no open or controlled dump receives waste in the inventory (sites of type other, or all inactive, "
               "closed or remediated): check the mapping of site_type and status (--map)";
    if (std::all_of(rows.begin(), rows.end(), [](const PriorityRow& r) { return !(r.total_score > 0.0); }))
        return "every site scores 0: each criterion is unknown or 0 for all of them (map the source's columns for "
               "tonnage, open burning, waste pickers; give --places)";
    return std::nullopt;
}

std::vector<std::string> priority_assumptions(const std::vector<PriorityRow>& rows, const WasteEstimateResult& waste,
                                              const PriorityParams& params, const Locale& locale)
{
    std::size_t unknown_status = 0, needs_proposed = 0;
    for (const auto& r : rows) {
        unknown_status += r.status == SiteStatus::unknown ? 1 : 0;
        needs_proposed += r.proposed_facility.empty() ? 0 : 1;
    }
    std::string weights;
    for (std::size_t c = 0; c < PRIORITY_CRITERIA; ++c)
        weights += (c == 0 ? "" : ", ") + std::string(to_string(priority_criteria()[c])) + " " +
                   fmt("%g", params.weights.w[c]);
    return {status_rule_line(unknown_status, rows.size(), locale), waste_sources_line(waste, locale),
            tr_n(locale, "assume.readiness", static_cast<std::int64_t>(needs_proposed),
                 {{"km", fmt("%g", params.readiness_max_haul_km)}}),
            tr(locale, "assume.weights", {{"weights", weights}})};
}

}  // namespace basural

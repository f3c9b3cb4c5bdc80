#include "basural/reports/priority.hpp"

#include "basural/inventory/site_predicates.hpp"
#include "basural/reports/coverage.hpp"
#include "basural/base/error.hpp"
#include "basural/reports/exposure.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
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
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw input_error(path, "cannot be read (a JSON object of weights per criterion was expected)");
    nlohmann::json j;
    try {
        in >> j;
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
               (r.waste_provenance == Provenance::estimated ? " (estimated)" : "");
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

}  // namespace

std::vector<PriorityRow> prioritize_closures(const WasteEstimateResult& waste, const std::vector<Place>& places,
                                             const RegionalPlan* plan, const PriorityParams& params)
{
    const double weight_sum = std::accumulate(params.weights.w.begin(), params.weights.w.end(), 0.0);
    for (double w : params.weights.w)
        if (!(w >= 0.0) || !std::isfinite(w))
            throw usage_error("prioritize: weights must be numbers >= 0");
    if (!(weight_sum > 0.0))
        throw usage_error("prioritize: weights sum to 0: give at least one criterion a positive weight");
    if (!(params.readiness_max_haul_km > 0.0) || !std::isfinite(params.readiness_max_haul_km))
        throw usage_error("prioritize: the readiness haul distance must be a positive number of km");
    const auto& sites = waste.sites;

    MethaneParams mp = params.methane;
    mp.reporting_year = params.reporting_year != 0 ? params.reporting_year : DEFAULT_REPORTING_YEAR;
    ExposureParams ep;
    ep.site_radius_m = params.people_radius_m;
    ep.band_radii_m = {params.people_radius_m};
    const auto exposure = population_near_dumps(sites, places, ep);
    std::vector<std::int64_t> people(sites.size(), 0);
    for (const auto& e : exposure.sites)
        people[e.site_index] = e.population;

    const auto landfills = nearest_landfills(sites);
    std::unordered_map<std::string, const PlanAssignment*> assigned;
    if (plan) {
        check_plan_sites(*plan, sites, params.plan_source);
        for (const auto& a : plan->assignments)
            assigned[a.site_id] = &a;
    }

    std::vector<PriorityRow> rows;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        if (!is_inadequate_active(s))
            continue;
        PriorityRow r;
        r.site_index = i;
        r.site_id = s.site_id;
        r.name = s.name;
        r.country_iso3 = s.country_iso3;
        r.municipality_name = s.municipality_name;
        r.site_type = s.site_type;
        r.location = s.location;
        r.waste_t_per_day = s.waste_t_per_day;
        r.waste_provenance = s.waste_provenance;
        r.ch4_t_per_year = estimate_site_methane(s, mp).ch4_t_per_year;
        r.people_2km = people[i];
        r.open_burning = s.open_burning;
        r.waste_pickers = s.waste_pickers;
        r.child_waste_pickers = s.child_waste_pickers;
        if (landfills[i]) {
            r.readiness_haul_km = landfills[i]->distance_km;
            r.readiness_facility = sites[landfills[i]->site_index].site_id;
        }
        if (const auto a = assigned.find(s.site_id); a != assigned.end()) {
            if (!r.readiness_haul_km || a->second->haul_km < *r.readiness_haul_km) {
                r.readiness_haul_km = a->second->haul_km;
                r.readiness_facility = a->second->facility_id;
            }
        }
        rows.push_back(std::move(r));
    }

    // empirical CDFs over the ranked sites of known value
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
    const Ecdf f_waste(v_waste), f_methane(v_methane), f_people(v_people), f_pickers(v_pickers);
    const auto idx = [](PriorityCriterion c) { return static_cast<std::size_t>(c); };

    for (auto& r : rows) {
        r.known.fill(true);
        auto set = [&](PriorityCriterion c, std::optional<double> score) {
            r.known[idx(c)] = score.has_value();
            r.score[idx(c)] = score.value_or(0.0);
        };
        set(PriorityCriterion::waste, r.waste_t_per_day ? std::optional(f_waste(*r.waste_t_per_day)) : std::nullopt);
        set(PriorityCriterion::methane,
            r.ch4_t_per_year ? std::optional(f_methane(*r.ch4_t_per_year)) : std::nullopt);
        set(PriorityCriterion::people_2km, f_people(static_cast<double>(r.people_2km)));
        set(PriorityCriterion::open_burning,
            r.open_burning ? std::optional(*r.open_burning ? 1.0 : 0.0) : std::nullopt);
        set(PriorityCriterion::waste_pickers,
            r.waste_pickers ? std::optional(f_pickers(static_cast<double>(*r.waste_pickers))) : std::nullopt);
        set(PriorityCriterion::child_waste_pickers,
            r.child_waste_pickers ? std::optional(*r.child_waste_pickers > 0 ? 1.0 : 0.0) : std::nullopt);
        set(PriorityCriterion::readiness,
            r.readiness_haul_km
                ? std::max(0.0, 1.0 - *r.readiness_haul_km / params.readiness_max_haul_km)
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

    std::sort(rows.begin(), rows.end(), [](const PriorityRow& a, const PriorityRow& b) {
        if (a.total_score != b.total_score)
            return a.total_score > b.total_score;
        return a.site_id < b.site_id;
    });
    for (std::size_t k = 0; k < rows.size(); ++k)
        rows[k].rank = k + 1;
    return rows;
}

ReportTable priority_table(const std::vector<PriorityRow>& rows)
{
    ReportTable t;
    t.name = "ranking";
    t.title = "Closure priority of active open and controlled dumps";
    auto col = [&](const std::string& name, int decimals) { t.columns.push_back({name, decimals}); };
    col("rank", 0);
    col("site_id", 0);
    col("name", 0);
    col("country", 0);
    col("municipality", 0);
    col("site_type", 0);
    col("total_score", 4);
    col("why", 0);
    col("unknown_criteria", 0);
    col("waste_t_per_day", 2);
    col("waste_provenance", 0);
    col("ch4_t_per_year", 1);
    col("people_2km", 0);
    col("open_burning", 0);
    col("waste_pickers", 0);
    col("child_waste_pickers", 0);
    col("readiness_haul_km", 2);
    col("readiness_facility", 0);
    for (auto c : priority_criteria())
        col("score_" + std::string(to_string(c)), 4);
    col("lon", 6);
    col("lat", 6);
    auto od = [](const std::optional<double>& v) -> ReportCell {
        if (v)
            return *v;
        return std::monostate{};
    };
    auto oi = [](const std::optional<int>& v) -> ReportCell {
        if (v)
            return static_cast<std::int64_t>(*v);
        return std::monostate{};
    };
    for (const auto& r : rows) {
        std::vector<ReportCell> row{static_cast<std::int64_t>(r.rank), r.site_id, r.name, r.country_iso3,
                                    r.municipality_name, std::string(to_string(r.site_type)), r.total_score, r.why,
                                    r.unknown, od(r.waste_t_per_day),
                                    r.waste_provenance ? ReportCell(std::string(to_string(*r.waste_provenance)))
                                                       : ReportCell(std::monostate{}),
                                    od(r.ch4_t_per_year), r.people_2km,
                                    r.open_burning ? ReportCell(std::string(*r.open_burning ? "yes" : "no"))
                                                   : ReportCell(std::monostate{}),
                                    oi(r.waste_pickers), oi(r.child_waste_pickers), od(r.readiness_haul_km),
                                    r.readiness_facility};
        for (std::size_t c = 0; c < PRIORITY_CRITERIA; ++c) {
            if (r.known[c])
                row.emplace_back(r.score[c]);
            else
                row.emplace_back(std::monostate{});
        }
        row.push_back(r.location.lon_deg);
        row.push_back(r.location.lat_deg);
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace basural

// Country report: the regional plan facility by facility, the dumps to close first and the largest
// methane emitters (country_report.hpp).
#include "document/report_model.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace basural::detail {
namespace {

constexpr Rgb PLAN_COLOUR{0x4a, 0x14, 0x86};     // the map's proposed-facility purple
constexpr Rgb TODAY_COLOUR{0x96, 0x96, 0x96};
constexpr Rgb METHANE_COLOUR{0x8c, 0x51, 0x0a};
constexpr double HAUL_BIN_KM = 5.0;

/// "Campinas 62 %, Paulínia 25 %, Cosmópolis 13 %": the municipalities a facility serves, each with
/// its share of the facility's known t/day (the pro-rata key of the plan's cost shares), largest first.
/// A site whose inventory names no municipality stands under its own name; `site_names` is then set.
std::string members_in_words(const ReportModel& m, const std::vector<const PlanAssignment*>& members, bool& site_names)
{
    std::map<std::string, double> t_per_day;
    double total = 0.0;
    for (const auto* a : members) {
        std::string name = a->municipality_code;
        if (const auto it = m.site_index.find(a->site_id); it != m.site_index.end()) {
            const Site& s = m.sites[it->second];
            name = !s.municipality_name.empty() ? s.municipality_name : s.municipality_code;
            if (name.empty()) {
                name = m.site_label(s);
                site_names = true;
            }
        }
        if (name.empty()) {
            name = a->site_id;
            site_names = true;
        }
        t_per_day[name] += a->waste_t_per_day.value_or(0.0);
        total += a->waste_t_per_day.value_or(0.0);
    }
    std::vector<std::pair<std::string, double>> sorted(t_per_day.begin(), t_per_day.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [name, t] : sorted)
        out += (out.empty() ? "" : ", ") + name + (total > 0.0 ? " " + m.pct(t / total, 0) : "");
    return out;
}

DocTable facility_table(const ReportModel& m)
{
    std::map<std::string, std::vector<const PlanAssignment*>> members;
    for (const auto& a : m.plan.assignments)
        members[a.facility_id].push_back(&a);
    std::vector<const PlanFacility*> facilities;
    for (const auto& f : m.plan.facilities)
        if (m.facility_in_scope(f))
            facilities.push_back(&f);
    std::stable_sort(facilities.begin(), facilities.end(), [](const PlanFacility* a, const PlanFacility* b) {
        return a->waste_t_per_day != b->waste_t_per_day ? a->waste_t_per_day > b->waste_t_per_day
                                                        : a->facility_id < b->facility_id;
    });
    const bool costs = std::any_of(facilities.begin(), facilities.end(), [](const PlanFacility* f) { return f->cost_per_year.has_value(); });
    DocTable t;
    t.id = "facilities";
    t.caption = m.t("report.plan.table_caption");
    t.columns = {{m.t("report.col.facility"), false, 0.0},   {m.t("report.col.kind"), false, 0.0},
                 {m.t("report.col.state"), false, 0.6},      {m.t("report.col.members"), false, 3.0},
                 {m.t("report.col.sites"), true, 0.0},       {m.t("report.col.t_per_day"), true, 0.0},
                 {m.t("report.col.estimated_share"), true, 0.0}, {m.t("report.col.mean_haul"), true, 0.0},
                 {m.t("report.col.max_haul"), true, 0.0}};
    if (costs)
        t.columns.push_back({m.t("report.col.cost_per_year"), true, 0.0});
    bool site_names = false, implausible = false;
    for (const auto* f : facilities) {
        const auto unit = m.groups.facilities.find(f->facility_id);
        const auto estimated = f->waste_t_per_day_estimated;
        std::vector<std::string> row{f->facility_id,
                                     m.t(f->existing ? "report.kind.existing" : "report.kind.proposed"),
                                     unit != m.groups.facilities.end() ? m.unit_label(unit->second) : m.t("report.unknown_state"),
                                     members_in_words(m, members[f->facility_id], site_names),
                                     m.count(f->sites_served),
                                     m.num(f->waste_t_per_day, 1) + implausible_mark(f->waste_t_per_day_implausible > 0.0),
                                     estimated && f->waste_t_per_day > 0.0 ? m.pct(*estimated / f->waste_t_per_day, 0) : "",
                                     m.num(f->mean_haul_km, 1),
                                     m.num(f->max_haul_km, 1)};
        if (costs)
            row.push_back(f->cost_per_year ? m.num(*f->cost_per_year, 0) : "");
        t.rows.push_back(std::move(row));
        implausible = implausible || f->waste_t_per_day_implausible > 0.0;
    }
    t.note = m.t("report.plan.table_note");
    if (site_names)
        t.note += " " + m.t("report.plan.table_note_site_names");
    if (implausible)
        t.note += " " + m.t("report.note.implausible_mark");
    return t;
}

/// The dumps the plan leaves to a local solution, by reason.
std::string unserved_in_words(const ReportModel& m)
{
    std::map<std::string, std::size_t> by_reason;
    std::size_t n = 0;
    for (const auto& u : m.plan.unserved) {
        const auto it = m.site_index.find(u.site_id);
        if (it != m.site_index.end() && !m.site_in_scope(it->second))
            continue;
        ++by_reason[u.reason];
        ++n;
    }
    if (n == 0)
        return m.t("report.plan.all_served");
    std::string reasons;
    for (const auto& [reason, count] : by_reason) {
        const std::string key = "report.reason." + reason;
        reasons += (reasons.empty() ? "" : "; ") + (has_message(key) ? m.t(key) : reason) + ": " + m.count(count);
    }
    return m.tn("report.plan.unserved", static_cast<std::int64_t>(n)) + " (" + reasons + ").";
}

Histogram haul_histogram(const ReportModel& m)
{
    std::vector<double> hauls;
    for (const auto& a : m.plan.assignments) {
        const auto it = m.site_index.find(a.site_id);
        if (it == m.site_index.end() || m.site_in_scope(it->second))
            hauls.push_back(a.haul_km);
    }
    Histogram h = make_histogram(hauls, 0.0, HAUL_BIN_KM);
    h.id = "haul";
    h.title = m.t("report.chart.haul");
    h.value_axis = m.t("report.chart.haul_axis");
    h.count_axis = m.t("report.chart.dumps");
    h.colour = PLAN_COLOUR;
    h.numbers = m.locale.numbers;
    h.note = m.t("report.chart.haul_note", {{"n", m.count(hauls.size())}});
    return h;
}

BarChart coverage_chart(const ReportModel& m, const CountryCoverage& r)
{
    BarChart c;
    c.id = "coverage";
    c.title = m.t("report.chart.coverage");
    c.layout = BarLayout::grouped;
    c.percent = true;
    c.value_labels = true;
    c.numbers = m.locale.numbers;
    c.categories = {m.t("report.chart.share_dumps"), m.t("report.chart.share_waste")};
    c.series = {{m.t("report.chart.today", {{"km", m.num(m.coverage.max_haul_km, 0)}}), TODAY_COLOUR,
                 {r.share_sites_near_landfill, r.share_waste_near_landfill}, {}},
                {m.t("report.chart.with_plan"), PLAN_COLOUR, {r.plan_share_sites_served, r.plan_share_waste_served}, {}}};
    c.note = m.t("report.chart.coverage_note");
    return c;
}

/// The top contributions to a dump's priority score, in words.
std::string why_in_words(const ReportModel& m, const PriorityRow& r)
{
    const auto& w = m.options->priority.weights.w;
    const double weight_sum = std::accumulate(w.begin(), w.end(), 0.0);
    std::array<std::size_t, PRIORITY_CRITERIA> order{};
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::array<double, PRIORITY_CRITERIA> contribution{};
    for (std::size_t c = 0; c < PRIORITY_CRITERIA; ++c)
        contribution[c] = weight_sum > 0.0 ? w[c] * r.score[c] / weight_sum : 0.0;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return contribution[a] > contribution[b]; });
    std::string out;
    for (std::size_t k = 0; k < 3 && contribution[order[k]] > 0.0; ++k) {
        std::string part;
        switch (priority_criteria()[order[k]]) {
        case PriorityCriterion::waste:
            part = m.t("report.why.waste", {{"v", m.t_per_day(r.waste_t_per_day)}}) + implausible_mark(r.waste_implausible);
            break;
        case PriorityCriterion::methane:
            part = m.t("report.why.methane", {{"v", r.ch4_t_per_year ? m.num(*r.ch4_t_per_year, 0) : m.t("value.unknown")}});
            break;
        case PriorityCriterion::people_2km: part = m.t("report.why.people", {{"v", m.count(r.people_2km)}}); break;
        case PriorityCriterion::open_burning: part = m.t("report.why.burning"); break;
        case PriorityCriterion::waste_pickers:
            part = m.t("report.why.pickers", {{"v", m.count(static_cast<std::int64_t>(r.waste_pickers.value_or(0)))}});
            break;
        case PriorityCriterion::child_waste_pickers: part = m.t("report.why.children"); break;
        case PriorityCriterion::readiness:
            part = m.t("report.why.ready", {{"v", r.readiness_haul_km ? m.num(*r.readiness_haul_km, 0) : m.t("value.unknown")}});
            break;
        }
        out += (out.empty() ? "" : "; ") + part;
    }
    return out.empty() ? m.t("report.why.none") : out;
}

DocTable priority_table(const ReportModel& m, std::size_t& ranked_in_scope)
{
    DocTable t;
    t.id = "priority";
    t.caption = m.t("report.priority.caption");
    t.columns = {{m.t("report.col.rank"), true, 0.0},       {m.t("report.col.site"), false, 1.0},
                 {m.t("report.col.municipality"), false, 0.8}, {m.t("report.col.state"), false, 0.6},
                 {m.t("report.col.score"), true, 0.0},      {m.t("report.col.t_per_day"), true, 0.0},
                 {m.t("report.col.ch4"), true, 0.0},        {m.t("report.col.people_2km"), true, 0.0},
                 {m.t("report.col.why"), false, 2.0}};
    ranked_in_scope = 0;
    bool implausible = false;
    for (const auto& r : m.priority) {
        if (!m.site_in_scope(r.site_index))
            continue;
        ++ranked_in_scope;
        if (t.rows.size() >= m.options->top_closures)
            continue;
        const Site& s = m.sites[r.site_index];
        const bool estimated = r.waste_provenance == Provenance::estimated;
        t.rows.push_back({m.count(ranked_in_scope), m.site_label(s), s.municipality_name,
                          m.unit_label(m.groups.sites[r.site_index]), m.num(r.total_score, 3),
                          m.t_per_day(r.waste_t_per_day) + (estimated && r.waste_t_per_day ? " *" : "") +
                              implausible_mark(r.waste_implausible),
                          r.ch4_t_per_year ? m.num(*r.ch4_t_per_year, 0) : m.t("value.unknown"), m.count(r.people_2km),
                          why_in_words(m, r)});
        implausible = implausible || r.waste_implausible;
    }
    t.note = m.t("report.priority.note");
    if (implausible)
        t.note += " " + m.t("report.note.implausible_mark");
    return t;
}

BarChart emitters_chart(const ReportModel& m)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        if (m.site_in_scope(i) && m.methane[i].ch4_t_per_year && *m.methane[i].ch4_t_per_year > 0.0)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return *m.methane[a].ch4_t_per_year > *m.methane[b].ch4_t_per_year;
    });
    if (order.size() > m.options->top_emitters)
        order.resize(m.options->top_emitters);
    BarChart c;
    c.id = "emitters";
    c.title = m.t("report.chart.emitters", {{"n", m.count(order.size())}, {"year", std::to_string(m.coverage.reporting_year)}});
    c.value_axis = m.t("report.chart.ch4_axis");
    c.horizontal = true;
    c.value_labels = true;
    c.numbers = m.locale.numbers;
    c.estimated_label = m.t("report.chart.estimated_input");
    ChartSeries series{"CH4", METHANE_COLOUR, {}, {}};
    bool implausible = false;
    for (auto i : order) {
        const Site& s = m.sites[i];
        c.categories.push_back(m.site_label(s) + (s.municipality_name.empty() ? "" : " (" + s.municipality_name + ")") +
                               implausible_mark(m.site_implausible(i)));
        implausible = implausible || m.site_implausible(i);
        series.values.push_back(*m.methane[i].ch4_t_per_year);
        series.estimated.push_back(s.waste_provenance == Provenance::estimated || m.methane[i].first_deposit_year_assumed ||
                                   s.provenance == Provenance::estimated);
    }
    c.series.push_back(std::move(series));
    c.note = m.t("report.chart.emitters_note");
    if (implausible)
        c.note += " " + m.t("report.note.implausible_mark");
    return c;
}

}  // namespace

DocSection plan_section(const ReportModel& m)
{
    const CountryCoverage& r = scope_row(m);
    DocSection s{"plan", m.t("report.plan.title"), 1, {}};
    s.blocks.push_back(DocParagraph{
        m.t("report.plan.intro", {{"proposed", m.count(r.plan_facilities_proposed.value_or(0))},
                                  {"existing", m.count(r.plan_facilities_existing.value_or(0))},
                                  {"served", m.count(r.plan_sites_served.value_or(0))},
                                  {"of", m.count(r.inadequate_active_sites)},
                                  {"km", m.plan.parameters.count("max_haul_km") ? m.plan.parameters.at("max_haul_km") : "?"}}),
        ParagraphStyle::body});
    s.blocks.push_back(DocParagraph{unserved_in_words(m), ParagraphStyle::body});
    s.blocks.push_back(DocChart{coverage_chart(m, r), "", 260.0});
    if (!m.plan.assignments.empty())
        s.blocks.push_back(DocChart{haul_histogram(m), "", 280.0});
    s.blocks.push_back(facility_table(m));
    return s;
}

DocSection priority_section(const ReportModel& m)
{
    DocSection s{"priority", m.t("report.priority.title"), 1, {}};
    std::size_t ranked = 0;
    DocTable t = priority_table(m, ranked);
    s.blocks.push_back(DocParagraph{m.t("report.priority.intro", {{"n", m.count(t.rows.size())}, {"of", m.count(ranked)}}),
                                    ParagraphStyle::body});
    s.blocks.push_back(std::move(t));
    return s;
}

DocSection methane_section(const ReportModel& m)
{
    const CountryCoverage& r = scope_row(m);
    DocSection s{"methane", m.t("report.methane.title"), 1, {}};
    s.blocks.push_back(DocParagraph{
        m.t("report.methane.intro", {{"ch4", r.ch4_t_per_year ? m.num(*r.ch4_t_per_year, 0) : m.t("value.unknown")},
                                     {"co2e", r.co2e_t_per_year ? m.num(*r.co2e_t_per_year, 0) : m.t("value.unknown")},
                                     {"gwp", m.num(m.coverage.gwp100_ch4, 0)},
                                     {"year", std::to_string(m.coverage.reporting_year)},
                                     {"unknown", m.count(r.methane_sites_unknown)}}),
        ParagraphStyle::body});
    const BarChart chart = emitters_chart(m);
    if (!chart.categories.empty())
        s.blocks.push_back(DocChart{chart, "", 0.0});
    s.blocks.push_back(DocParagraph{m.t("report.methane.note"), ParagraphStyle::note});
    return s;
}

}  // namespace basural::detail

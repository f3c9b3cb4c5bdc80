// Country report: what is observed, derived and estimated, every default used, the sources and
// their licences, and the engine's version (country_report.hpp).
#include "document/report_model.hpp"

#include "basural/base/datasets.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <array>
#include <map>

namespace basural::detail {
namespace {

/// "1.234 (56 %)": a count and its share of `of`.
std::string count_share(const ReportModel& m, std::size_t n, std::size_t of)
{
    return of > 0 ? m.count(n) + " (" + m.pct(static_cast<double>(n) / static_cast<double>(of), 0) + ")" : m.count(n);
}

std::string t_per_day_share(const ReportModel& m, double t, double of)
{
    return of > 0.0 ? m.num(t, 1) + " (" + m.pct(t / of, 0) + ")" : m.num(t, 1);
}

DocTable provenance_table(const ReportModel& m)
{
    std::array<std::size_t, 3> records{}, locations{};
    std::size_t sites = 0, unit_given = 0, unit_derived = 0, unit_unknown = 0, waste_unknown = 0;
    double observed_t = 0.0, estimated_t = 0.0;
    for (std::size_t i = 0; i < m.sites.size(); ++i) {
        if (!m.site_in_scope(i))
            continue;
        const Site& s = m.sites[i];
        ++sites;
        ++records[static_cast<std::size_t>(s.provenance)];
        ++locations[static_cast<std::size_t>(s.location_precision)];
        const Admin1Key& k = m.groups.sites[i];
        (k.known() ? (k.derived ? unit_derived : unit_given) : unit_unknown)++;
        if (!is_inadequate_active(s))
            continue;
        if (!s.waste_t_per_day)
            ++waste_unknown;
        else if (s.waste_provenance == Provenance::estimated)
            estimated_t += *s.waste_t_per_day;
        else
            observed_t += *s.waste_t_per_day;
    }
    DocTable t;
    t.id = "provenance";
    t.caption = m.t("report.provenance.caption");
    t.columns = {{m.t("report.col.data"), false, 1.0},
                 {m.t("report.col.observed"), true, 0.0},
                 {m.t("report.col.derived"), true, 0.0},
                 {m.t("report.col.estimated"), true, 0.0},
                 {m.t("report.col.unknown"), true, 0.0}};
    t.rows.push_back({m.t("report.provenance.records"), count_share(m, records[0], sites), count_share(m, records[1], sites),
                      count_share(m, records[2], sites), ""});
    // surveyed = observed; municipal seat = derived from the municipality; estimated
    t.rows.push_back({m.t("report.provenance.locations"), count_share(m, locations[0], sites),
                      count_share(m, locations[1], sites), count_share(m, locations[2], sites), ""});
    t.rows.push_back({m.t("report.provenance.states"), count_share(m, unit_given, sites), count_share(m, unit_derived, sites),
                      "", count_share(m, unit_unknown, sites)});
    t.rows.push_back({m.t("report.provenance.tonnage"), t_per_day_share(m, observed_t, observed_t + estimated_t), "",
                      t_per_day_share(m, estimated_t, observed_t + estimated_t),
                      m.tn("count.sites", static_cast<std::int64_t>(waste_unknown))});
    t.note = m.t("report.provenance.note");
    return t;
}

std::string weights_in_words(const ReportModel& m)
{
    std::string out;
    const auto& w = m.options->priority.weights;
    for (auto c : priority_criteria())
        out += (out.empty() ? "" : ", ") + m.t("report.criterion." + std::string(to_string(c))) + " " + m.num(w.of(c), 2);
    return out;
}

DocList defaults_list(const ReportModel& m)
{
    const MethaneParams& mp = m.options->coverage.methane;
    DocList l;
    l.items.push_back(m.t("report.default.reach", {{"km", m.num(m.coverage.max_haul_km, 0)}}));
    l.items.push_back(m.t("report.default.waste"));
    l.items.push_back(m.t("report.default.methane", {{"year", std::to_string(m.coverage.reporting_year)},
                                                     {"gwp", m.num(m.coverage.gwp100_ch4, 0)},
                                                     {"docf", m.num(mp.docf_fraction, 2)},
                                                     {"f", m.num(mp.f_fraction, 2)},
                                                     {"years", std::to_string(mp.assumed_operating_years)}}));
    l.items.push_back(m.t("report.default.exposure"));
    l.items.push_back(m.t("report.default.priority", {{"weights", weights_in_words(m)},
                                                      {"km", m.num(m.options->priority.readiness_max_haul_km, 0)}}));
    l.items.push_back(m.t("report.default.states", {{"km", m.num(DEFAULT_ADMIN1_TOLERANCE_M / 1000.0, 0)}}));
    l.items.push_back(m.t(m.default_plan ? "report.default.plan_default" : "report.default.plan_given"));
    return l;
}

DocList plan_parameters(const ReportModel& m)
{
    DocList l;
    for (const auto& [name, value] : m.plan.parameters)
        l.items.push_back(name + " = " + value);
    return l;
}

DocList sources_list(const ReportModel& m)
{
    std::map<std::string, std::size_t> by_source;
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        if (m.site_in_scope(i))
            ++by_source[m.sites[i].source.empty() ? m.t("value.unknown") : m.sites[i].source];
    DocList l;
    for (const auto& [source, n] : by_source)
        l.items.push_back(m.t("report.source.sites", {{"source", source}, {"sites", m.tn("count.sites", static_cast<std::int64_t>(n))}}));
    l.items.push_back(m.t("report.source.inventory", {{"path", shown_path(m.in->inventory->source)}}));
    l.items.push_back(m.t("report.source.boundaries", {{"path", shown_path(m.in->countries->path())}}));
    if (m.in->admin1)
        l.items.push_back(m.t("report.source.admin1", {{"path", shown_path(m.in->admin1->path())}}));
    if (!m.in->places_path.empty())
        l.items.push_back(m.t("report.source.places", {{"path", shown_path(m.in->places_path)}}));
    if (!m.in->country_waste_path.empty())
        l.items.push_back(m.t("report.source.country_waste", {{"path", shown_path(m.in->country_waste_path)}}));
    l.items.push_back(m.t("report.source.licences"));
    return l;
}

}  // namespace

DocSection assumptions_section(const ReportModel& m)
{
    DocSection s{"assumptions", m.t("report.assumptions.title"), 1, {}};
    s.blocks.push_back(provenance_table(m));
    s.blocks.push_back(DocParagraph{m.t("report.assumptions.defaults"), ParagraphStyle::body});
    s.blocks.push_back(defaults_list(m));
    s.blocks.push_back(DocParagraph{m.t("report.assumptions.plan_parameters"), ParagraphStyle::body});
    s.blocks.push_back(plan_parameters(m));
    s.blocks.push_back(DocParagraph{m.t("report.assumptions.sources"), ParagraphStyle::body});
    s.blocks.push_back(sources_list(m));
    s.blocks.push_back(DocParagraph{m.t("report.assumptions.engine", {{"version", std::string(version())}}),
                                    ParagraphStyle::note});
    return s;
}

}  // namespace basural::detail

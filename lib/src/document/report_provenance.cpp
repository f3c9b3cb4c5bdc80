// Country report: what is observed, derived and estimated, every default used, the sources and
// their licences, and the engine's version (country_report.hpp).
#include "document/report_model.hpp"

#include "basural/inventory/site_predicates.hpp"

#include "basural/base/datasets.hpp"
#include "basural/planning/regionalize.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <string_view>

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
        if (!is_receiving_dump(s))
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

/// The plan's parameters as it records them (name = value); the rules this engine writes in
/// English sentences are given in the reader's language (a plan of another version keeps its words).
DocList plan_parameters(const ReportModel& m)
{
    const std::map<std::string, std::string_view> rules{
        {"status_rule", STATUS_RULE}, {"demand_rule", DEMAND_RULE}, {"candidate_rule", CANDIDATE_RULE}};
    DocList l;
    for (const auto& [name, value] : m.plan.parameters) {
        const auto rule = rules.find(name);
        l.items.push_back(name + " = " + (rule != rules.end() && value == rule->second ? m.t("plan.rule." + name) : value));
    }
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

/// A path or value as one shell word: quoted when it holds a space or a character the shell reads.
std::string shell_word(const std::string& s)
{
    if (!s.empty() && s.find_first_of(" '\"$`\\&|;<>()*?!#~{}[]") == std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// " --option FILE" for an input file that is not the shipped one (a shipped dataset is the default).
std::string input_option(const std::string& option, const std::string& path)
{
    const std::string shown = shown_path(path);
    return path.empty() || shown.rfind("datasets/", 0) == 0 ? "" : " " + option + " " + shell_word(shown);
}

/// A number as a command line takes it: decimal point, no grouping, no needless decimals.
std::string plain_number(double v)
{
    NumberStyle style;
    style.group_separator.clear();
    return format_number(v, v == static_cast<double>(static_cast<long long>(v)) ? 0 : 3, style);
}

/// The file of the country's sites alone that command (1) writes ("URY_sites.csv").
std::string country_sites_file(const ReportModel& m)
{
    const std::string ext = std::filesystem::path(m.in->inventory->source).extension().string();
    return m.iso3 + "_sites" + (ext.empty() ? std::string(".gpkg") : ext);
}

/// The commands that give the report's figures, numbered as the trace table cites them: (1) the
/// country's sites alone (the report's figures are the country's: its dumps, its towns, ranks among its
/// dumps), (2) the default plan when the report made it, (3) coverage, (4) prioritize, (5) methane.
struct TraceCommands {
    std::string subset, plan, coverage, prioritize, methane;
};

TraceCommands trace_commands(const ReportModel& m)
{
    const std::string inv = shell_word(shown_path(m.in->inventory->source));
    const std::string sites = country_sites_file(m);
    const std::string countries = input_option("--countries", m.in->countries->path());
    const std::string data = input_option("--places", m.in->places_path) +
                             input_option("--country-waste", m.in->country_waste_path);
    const std::string admin1 = m.in->admin1 ? input_option("--admin1-boundaries", m.in->admin1->path()) : "";
    const std::string plan = m.default_plan ? "plan.gpkg" : shell_word(shown_path(m.in->plan_source));
    const std::string year = " --year " + std::to_string(m.coverage.reporting_year);
    const std::string gwp = m.coverage.gwp100_ch4 == GWP100_CH4_AR6_NON_FOSSIL ? " --gwp ar6" : " --gwp ar5";
    TraceCommands c;
    c.subset = "ogr2ogr -where \"country = '" + m.iso3 + "'\" " + sites + " " + inv;
    if (m.default_plan)
        c.plan = "basural regionalize " + inv + " --country " + m.iso3 + countries + " -o plan.gpkg";
    c.coverage = "basural coverage " + sites + countries + data + admin1 + " --plan " + plan + " --by admin1 --max-haul-km " +
                 plain_number(m.coverage.max_haul_km) + year + gwp + " --format csv";
    c.prioritize = "basural prioritize " + sites + countries + data + " --plan " + plan + " --max-haul-km " +
                   plain_number(m.options->priority.readiness_max_haul_km) + year + " --top " +
                   std::to_string(m.options->top_closures) + " --format csv -o priority.csv";
    c.methane = "basural methane " + sites + countries + data + year + gwp + " -o methane_sites.csv";
    return c;
}

/// Where each figure comes from: the commands, then a table of figure, command and columns.
std::vector<DocBlock> trace_blocks(const ReportModel& m)
{
    const TraceCommands c = trace_commands(m);
    std::vector<DocBlock> out;
    out.push_back(DocParagraph{m.t("report.trace.intro"), ParagraphStyle::body});
    DocList l;
    l.items.push_back("(1) " + c.subset);
    if (!c.plan.empty())
        l.items.push_back("(2) " + c.plan);
    l.items.push_back("(3) " + c.coverage);
    l.items.push_back("(4) " + c.prioritize);
    l.items.push_back("(5) " + c.methane);
    out.push_back(l);
    const std::string plan_layers =
        m.t("report.trace.plan_layers", {{"plan", m.default_plan ? "(2) plan.gpkg" : shell_word(shown_path(m.in->plan_source))}});
    const std::string row = m.scope_unit ? m.t("report.trace.row_state", {{"country", m.iso3}, {"admin1", m.scope_unit->code}})
                                         : m.t("report.trace.row_country", {{"country", m.iso3}});
    DocTable t;
    t.id = "trace";
    t.caption = m.t("report.trace.caption");
    t.columns = {{m.t("report.trace.col.figure"), false, 0.9},
                 {m.t("report.trace.col.command"), false, 0.8},
                 {m.t("report.trace.col.columns"), false, 1.6}};
    const auto add = [&](const std::string& figure, const std::string& command, const std::string& columns) {
        t.rows.push_back({figure, command, columns});
    };
    add(m.t("report.fig.sites"), "(3) " + row, "sites, open_dump, controlled_dump, sanitary_landfill, other");
    add(m.t("report.fig.inadequate"), "(3) " + row, "inadequate_active_sites, status_unknown");
    add(m.t("report.fig.waste"), "(3) " + row,
        "inadequate_waste_t_per_day, inadequate_sites_waste_estimated, inadequate_sites_waste_unknown");
    add(m.t("report.fig.reach_today"), "(3) " + row, "share_waste_near_landfill, inadequate_sites_near_landfill");
    add(m.t("report.fig.reach_plan"), "(3) " + row, "plan_share_waste_served, plan_sites_served");
    add(m.t("report.fig.facilities"), "(3) " + row, "plan_facilities_proposed, plan_facilities_existing, plan_mean_haul_km");
    add(m.t("report.fig.methane", {{"year", std::to_string(m.coverage.reporting_year)}}), "(3) " + row,
        "ch4_t_per_year, co2e_t_per_year");
    add(m.t("report.fig.people"), "(3) " + row, "population_within_1km, population_within_2km, population_within_5km");
    add(m.t("report.states.title"), "(3) " + m.t("report.trace.rows_states", {{"country", m.iso3}}),
        "admin1_name, sites, inadequate_active_sites, inadequate_waste_t_per_day, share_waste_near_landfill, "
        "plan_share_waste_served, plan_facilities_proposed + plan_facilities_existing, plan_mean_haul_km, ch4_t_per_year");
    add(m.t("report.types.caption"), "(1) " + country_sites_file(m), "site_type, status");
    add(m.t("report.chart.type_per_state") + "; " + m.t("report.chart.status_per_state"),
        "(3) " + m.t("report.trace.rows_states", {{"country", m.iso3}}),
        "open_dump, controlled_dump, sanitary_landfill, other; active, inactive, closing, closed, remediated, status_unknown");
    add(m.t("report.plan.title"), plan_layers,
        "facilities: facility_id, kind, waste_t_per_day, waste_t_per_day_estimated, sites_served, mean_haul_km, "
        "max_haul_km, cost_per_year; assignments: site_id, facility_id, haul_km, waste_t_per_day");
    add(m.t("report.chart.coverage"), "(3) " + row,
        "share_sites_near_landfill, share_waste_near_landfill, plan_share_sites_served, plan_share_waste_served");
    add(m.t("report.chart.haul"), plan_layers, "assignments: haul_km");
    add(m.t("report.priority.title"), "(4)", "rank, total_score, why, waste_t_per_day, ch4_t_per_year, people_2km");
    add(m.t("report.methane.title"), "(5) " + m.t("report.trace.rows_sites", {{"country", m.iso3}}),
        "site_id, ch4_t_per_year, co2e_t_per_year");
    add(m.t("report.provenance.caption"), "(1) " + country_sites_file(m),
        "provenance, location_precision, admin1_code, waste_provenance, waste_t_per_day");
    t.note = m.t("report.trace.note");
    out.push_back(t);
    if (m.default_plan && !input_option("--places", m.in->places_path).empty())
        out.push_back(DocParagraph{m.t("report.trace.plan_places", {{"places", shown_path(m.in->places_path)}}), ParagraphStyle::note});
    return out;
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
    for (auto& b : trace_blocks(m))
        s.blocks.push_back(std::move(b));
    s.blocks.push_back(DocParagraph{m.t("report.assumptions.engine", {{"version", std::string(version())}}),
                                    ParagraphStyle::note});
    return s;
}

}  // namespace basural::detail

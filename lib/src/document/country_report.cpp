// The country report (country_report.hpp): the model every section reads, and the document's frame.
#include "basural/document/country_report.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/planning/plan_summary.hpp"
#include "basural/planning/regionalize.hpp"
#include "document/report_model.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <limits>
#include <set>

namespace basural {
namespace detail {

bool ReportModel::unit_in_scope(const Admin1Key& k) const
{
    return !scope_unit || (k.code == scope_unit->code && k.name == scope_unit->name);
}

bool ReportModel::site_in_scope(std::size_t i) const
{
    return !scope_unit || unit_in_scope(groups.sites.at(i));
}

bool ReportModel::facility_in_scope(const PlanFacility& f) const
{
    if (!scope_unit)
        return true;
    const auto it = groups.facilities.find(f.facility_id);
    return it != groups.facilities.end() && unit_in_scope(it->second);
}

std::string ReportModel::t_per_day(const std::optional<double>& v) const
{
    return v ? num(*v, 1) : t("value.unknown");
}

std::string ReportModel::share(const std::optional<double>& v) const
{
    return v ? pct(*v, 1) : t("value.unknown");
}

std::string ReportModel::unit_label(const Admin1Key& k) const
{
    if (!k.known())
        return t("report.unknown_state");
    return k.name.empty() ? k.code : k.name;
}

std::string ReportModel::site_label(const Site& s) const
{
    return s.name.empty() ? s.site_id : s.name;
}

std::string shown_path(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path file(path);
    for (const auto& dir : dataset_search_path())
        if (fs::exists(dir, ec) && fs::equivalent(file.parent_path().empty() ? fs::path(".") : file.parent_path(), dir, ec))
            return "datasets/" + file.filename().string();
    return path;
}

namespace {

/// The part of a plan in one country.
RegionalPlan plan_of_country(const RegionalPlan& plan, const std::string& iso3)
{
    RegionalPlan out;
    out.parameters = plan.parameters;
    for (const auto& f : plan.facilities)
        if (f.country_iso3 == iso3)
            out.facilities.push_back(f);
    for (const auto& a : plan.assignments)
        if (a.country_iso3 == iso3)
            out.assignments.push_back(a);
    for (const auto& c : plan.catchments)
        if (c.country_iso3 == iso3)
            out.catchments.push_back(c);
    for (const auto& u : plan.unserved)
        if (u.country_iso3 == iso3)
            out.unserved.push_back(u);
    for (const auto& s : plan.summary)
        if (s.country_iso3 == iso3)
            out.summary.push_back(s);
    return out;
}

void select_country(ReportModel& m, const CountryReportInputs& in)
{
    const auto& sites = in.waste->sites;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (sites[i].country_iso3 != m.iso3)
            continue;
        m.site_index.emplace(sites[i].site_id, m.sites.size());
        m.sites.push_back(sites[i]);
        m.served_population.push_back(i < in.waste->served_population.size() ? in.waste->served_population[i] : 0);
        m.implausible.push_back(i < in.waste->implausible.size() ? in.waste->implausible[i] : 0);
        m.plausible_ceiling_t_per_day.push_back(i < in.waste->plausible_ceiling_t_per_day.size()
                                                    ? in.waste->plausible_ceiling_t_per_day[i]
                                                    : std::numeric_limits<double>::quiet_NaN());
        m.shared_city.push_back(i < in.waste->shared_city.size() ? in.waste->shared_city[i] : 0);
        m.main_place.push_back(i < in.waste->main_place.size() ? in.waste->main_place[i] : MainPlace{});
    }
    if (m.sites.empty())
        throw input_error(in.inventory->source, "has no site in " + m.iso3 +
                                                    ": nothing to report (basural info lists the sites per country)");
    for (const auto& p : *in.places)
        if (p.country_iso3 == m.iso3)
            m.places.push_back(p);
}

void select_state(ReportModel& m, const CountryReportInputs& in, const std::string& admin1)
{
    if (admin1.empty())
        return;
    if (!in.admin1)
        throw usage_error("report: --admin1 needs the first-level units (--admin1-boundaries)");
    const auto u = in.admin1->find(m.iso3, admin1);
    if (!u) {
        std::string known;
        for (auto i : in.admin1->units_of(m.iso3))
            known += (known.empty() ? "" : ", ") + in.admin1->units()[i].code + " " + in.admin1->units()[i].name;
        throw usage_error("report: " + m.iso3 + " has no first-level unit '" + admin1 + "' in " + in.admin1->path() +
                          (known.empty() ? std::string(": it has none") : ": give a code or name of " + known));
    }
    const Admin1Unit& unit = in.admin1->units()[*u];
    m.scope_unit = Admin1Key{unit.country_iso3, unit.code, unit.name, false};
    m.place_name = m.t("map.admin1_of_country", {{"admin1", unit.name}, {"country", m.country_name}});
}

}  // namespace

ReportModel make_report_model(const CountryReportInputs& in, const CountryReportOptions& options, const Locale& locale)
{
    if (!in.inventory || !in.waste || !in.places || !in.plan || !in.countries)
        throw usage_error("report: the inventory, its tonnage, the places, the plan and the boundaries are all needed");
    ReportModel m;
    m.in = &in;
    m.options = &options;
    m.locale = locale;
    m.iso3 = options.country_iso3;
    std::transform(m.iso3.begin(), m.iso3.end(), m.iso3.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (!find_lac_country(m.iso3))
        throw usage_error("report: unknown country '" + options.country_iso3 +
                          "': give the ISO 3166-1 alpha-3 code of one of the 33 LAC countries, e.g. MEX");
    m.country_name = m.t("country." + m.iso3);
    m.place_name = m.country_name;
    m.default_plan = in.plan_source.empty();
    select_country(m, in);
    m.plan = plan_of_country(*in.plan, m.iso3);
    m.groups = admin1_groups(m.sites, m.places, &m.plan, in.admin1);
    select_state(m, in, options.admin1);

    CoverageParams p = options.coverage;
    p.by_admin1 = &m.groups;
    p.plan_source = m.default_plan ? "the report's default plan" : in.plan_source;
    WasteEstimateResult waste;
    waste.sites = m.sites;
    waste.served_population = m.served_population;
    waste.implausible = m.implausible;  // coverage and the ranking flag the same estimates
    m.coverage = compute_coverage(waste, m.places, &m.plan, p);
    MethaneParams mp = p.methane;
    mp.reporting_year = m.coverage.reporting_year;
    m.methane = estimate_methane(m.sites, mp);
    PriorityParams pp = options.priority;
    pp.reporting_year = m.coverage.reporting_year;
    pp.methane = mp;
    pp.plan_source = p.plan_source;
    m.priority = prioritize_closures(waste, m.places, &m.plan, pp);
    return m;
}

const CountryCoverage& scope_row(const ReportModel& m)
{
    for (const auto& r : m.coverage.countries)
        if (r.country_iso3 == m.iso3 && (m.scope_unit ? r.admin1 && m.unit_in_scope(*r.admin1) : !r.admin1))
            return r;
    throw error("report: no coverage row for " + m.place_name);
}

const CountryCoverage& country_row(const ReportModel& m)
{
    for (const auto& r : m.coverage.countries)
        if (r.country_iso3 == m.iso3 && !r.admin1)
            return r;
    throw error("report: no coverage row for " + m.iso3);
}

}  // namespace detail

RegionalPlan default_report_plan(const std::vector<Site>& sites, const std::vector<Place>& places,
                                 const std::vector<CountryWaste>& rates, const CountryBoundaries& countries,
                                 const std::string& iso3)
{
    const WasteEstimateResult waste = fill_waste(sites, places, rates);
    RegionalizeOptions options;
    options.countries = {iso3};
    options.threads = 1;
    options.implausible_waste = waste.implausible;
    auto plan = regionalize(waste.sites, options, countries);
    plan.parameters["waste_estimated_from_places"] = "yes";
    record_waste_sources(plan, waste);
    return plan;
}

Document build_country_report(const CountryReportInputs& inputs, const CountryReportOptions& options,
                              const Locale& locale)
{
    const detail::ReportModel m = detail::make_report_model(inputs, options, locale);
    Document doc;
    doc.lang = std::string(to_string(locale.language));
    doc.generator = "basural " + std::string(version());
    doc.title = m.t("report.title", {{"place", m.place_name}});
    doc.subtitle = m.t("report.subtitle", {{"year", std::to_string(m.coverage.reporting_year)}});
    const Inventory& inv = *inputs.inventory;
    doc.cover_lines.push_back(m.t("report.cover.inventory",
                                  {{"source", detail::shown_path(inv.source)},
                                   {"read", m.count(static_cast<std::int64_t>(inv.records_read))},
                                   {"loaded", m.count(inv.sites.size())},
                                   {"merged", m.count(inv.merges.size())},
                                   {"rejected", m.count(inv.rejects.size())}}));
    doc.cover_lines.push_back(m.default_plan ? m.t("report.cover.default_plan")
                                             : m.t("report.cover.plan", {{"source", inputs.plan_source}}));
    doc.cover_lines.push_back(m.t("report.cover.engine", {{"version", std::string(version())}}));
    doc.contents_title = m.t("report.contents");
    doc.sections.push_back(detail::summary_section(m));
    for (auto& s : detail::map_sections(m))
        doc.sections.push_back(std::move(s));
    doc.sections.push_back(detail::states_section(m));
    doc.sections.push_back(detail::plan_section(m));
    doc.sections.push_back(detail::priority_section(m));
    doc.sections.push_back(detail::methane_section(m));
    doc.sections.push_back(detail::assumptions_section(m));
    return doc;
}

}  // namespace basural

// Country report: the headline figures and the per-state table and charts (country_report.hpp).
#include "document/report_model.hpp"

#include "basural/inventory/site_predicates.hpp"

#include <array>
#include <cmath>
#include <optional>

namespace basural::detail {
namespace {

// The map palettes (docs/methods/maps.md), so that a chart's colours read as the map's.
constexpr std::array<Rgb, 4> TYPE_COLOURS{Rgb{0xd7, 0x30, 0x1f}, Rgb{0xfc, 0x8d, 0x59}, Rgb{0x2b, 0x8c, 0xbe},
                                          Rgb{0x96, 0x96, 0x96}};
constexpr std::array<Rgb, 6> STATUS_COLOURS{Rgb{0xd7, 0x30, 0x27}, Rgb{0xfc, 0x8d, 0x59}, Rgb{0xfe, 0xe0, 0x8b},
                                            Rgb{0x91, 0xcf, 0x60}, Rgb{0x1a, 0x98, 0x50}, Rgb{0x96, 0x96, 0x96}};
constexpr std::array<SiteType, 4> TYPES{SiteType::open_dump, SiteType::controlled_dump, SiteType::sanitary_landfill,
                                        SiteType::other};
constexpr std::array<SiteStatus, 6> STATUSES{SiteStatus::active, SiteStatus::inactive, SiteStatus::closing,
                                             SiteStatus::closed, SiteStatus::remediated, SiteStatus::unknown};
constexpr std::array<const char*, 4> TYPE_COUNT_KEYS{"count.open_dumps", "count.controlled_dumps",
                                                     "count.sanitary_landfills", "count.other_sites"};

std::string type_key(SiteType t) { return "site_type." + std::string(to_string(t)); }
std::string status_key(SiteStatus s) { return "status." + std::string(to_string(s)); }

/// "3 open dumps, 1 sanitary landfill": the types present, counted in words.
std::string types_in_words(const ReportModel& m, const CountryCoverage& r)
{
    const std::array<std::size_t, 4> n{r.open_dump, r.controlled_dump, r.sanitary_landfill, r.other};
    std::string out;
    for (std::size_t i = 0; i < n.size(); ++i)
        if (n[i] > 0)
            out += (out.empty() ? "" : ", ") + m.tn(TYPE_COUNT_KEYS[i], static_cast<std::int64_t>(n[i]));
    return out;
}

/// t/day of the inadequate active sites in scope whose tonnage is estimated.
double estimated_inadequate_t_per_day(const ReportModel& m)
{
    double t = 0.0;
    for (std::size_t i = 0; i < m.sites.size(); ++i) {
        const Site& s = m.sites[i];
        if (m.site_in_scope(i) && is_receiving_dump(s) && s.waste_t_per_day && s.waste_provenance == Provenance::estimated)
            t += *s.waste_t_per_day;
    }
    return t;
}

/// Sites in scope of unknown status: open and controlled dumps (the plan plans for them, the active
/// count leaves them out), and the others.
struct UnknownStatus {
    std::size_t dumps = 0, others = 0;
};

UnknownStatus unknown_status(const ReportModel& m)
{
    UnknownStatus u;
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        if (m.site_in_scope(i) && m.sites[i].status == SiteStatus::unknown)
            (is_inadequate(m.sites[i].site_type) ? u.dumps : u.others) += 1;
    return u;
}

/// "1,000 within 1 km, 1,300 within 5 km (populated places); 2 of the 5 dumps located at a municipal seat
/// or by a model": the bands, and how many of the active dumps counted have a location that is not surveyed.
std::string people_detail(const ReportModel& m, const CountryCoverage& r)
{
    std::string out = m.t("report.fig.people_detail", {{"km1", m.count(r.population_within_1km)},
                                                        {"km5", m.count(r.population_within_5km)}});
    std::size_t located = 0;
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        if (m.site_in_scope(i) && is_receiving_dump(m.sites[i]) &&
            (m.sites[i].location_precision != LocationPrecision::surveyed || m.sites[i].provenance == Provenance::estimated))
            ++located;
    if (located > 0)
        out += "; " + m.t("report.fig.people_located", {{"n", m.count(located)}, {"of", m.count(r.inadequate_active_sites)}});
    return out;
}

DocKeyFigures key_figures(const ReportModel& m, const CountryCoverage& r)
{
    DocKeyFigures k;
    k.estimated_tag = m.t("report.estimate_tag");
    k.figures.push_back({m.t("report.fig.sites"), m.count(r.sites), types_in_words(m, r), false});
    const std::size_t unknown_dumps = unknown_status(m).dumps;
    k.figures.push_back({m.t("report.fig.inadequate"), m.count(r.inadequate_active_sites),
                         unknown_dumps > 0 ? m.tn("report.fig.status_unknown", static_cast<std::int64_t>(unknown_dumps)) : "",
                         false});
    std::string waste_detail = m.t("report.fig.waste_detail", {{"estimated", m.count(r.inadequate_sites_waste_estimated)},
                                                               {"sites", m.count(r.inadequate_active_sites)}});
    if (r.inadequate_sites_waste_unknown > 0)
        waste_detail += "; " + m.tn("report.fig.waste_unknown", static_cast<std::int64_t>(r.inadequate_sites_waste_unknown));
    if (r.inadequate_sites_waste_implausible > 0)
        waste_detail += "; " + m.tn("report.fig.waste_implausible", static_cast<std::int64_t>(r.inadequate_sites_waste_implausible),
                                    {{"t", m.num(r.inadequate_waste_implausible_t_per_day, 0)}, {"mark", std::string(IMPLAUSIBLE_MARK)}});
    k.figures.push_back({m.t("report.fig.waste"), m.t_per_day(r.inadequate_waste_t_per_day) + " " + m.t("unit.t_per_day"),
                         waste_detail, r.inadequate_sites_waste_estimated > 0});
    k.figures.push_back({m.t("report.fig.reach_today"), m.share(r.share_waste_near_landfill),
                         m.t("report.fig.reach_today_detail", {{"sites", m.count(r.inadequate_sites_near_landfill)},
                                                               {"of", m.count(r.inadequate_active_sites)},
                                                               {"km", m.num(m.coverage.max_haul_km, 0)}}),
                         r.inadequate_sites_waste_estimated > 0});
    k.figures.push_back({m.t("report.fig.reach_plan"), m.share(r.plan_share_waste_served),
                         m.t("report.fig.reach_plan_detail", {{"sites", m.count(r.plan_sites_served.value_or(0))},
                                                              {"of", m.count(r.inadequate_active_sites)}}),
                         r.inadequate_sites_waste_estimated > 0});
    const std::size_t proposed = r.plan_facilities_proposed.value_or(0), existing = r.plan_facilities_existing.value_or(0);
    k.figures.push_back({m.t("report.fig.facilities"), m.count(proposed + existing),
                         m.t("report.fig.facilities_detail", {{"proposed", m.count(proposed)}, {"existing", m.count(existing)},
                                                              {"haul", r.plan_mean_haul_km ? m.num(*r.plan_mean_haul_km, 1) : m.t("value.unknown")}}),
                         false});
    k.figures.push_back({m.t("report.fig.methane", {{"year", std::to_string(m.coverage.reporting_year)}}),
                         r.ch4_t_per_year ? m.num(*r.ch4_t_per_year, 0) + " t" : m.t("value.unknown"),
                         r.co2e_t_per_year ? m.t("report.fig.methane_detail", {{"co2e", m.num(*r.co2e_t_per_year, 0)},
                                                                               {"gwp", m.num(m.coverage.gwp100_ch4, 0)}})
                                           : "",
                         true});
    if (m.places.empty())
        k.figures.push_back({m.t("report.fig.people"), m.t("value.unknown"), m.t("report.fig.people_no_places"), false});
    else
        k.figures.push_back({m.t("report.fig.people"), m.count(r.population_within_2km), people_detail(m, r), true});
    return k;
}

/// The estimated tonnages in scope above their country's plausible ceiling (fill_waste), with the
/// largest named: the reader must not quote them as observed. Those flagged by the shared-city rule
/// have a caveat of their own (shared_city_caveat).
std::optional<DocParagraph> implausible_caveat(const ReportModel& m)
{
    std::size_t n = 0, worst = 0;
    double total = 0.0;
    for (std::size_t i = 0; i < m.sites.size(); ++i) {
        if (!m.site_in_scope(i) || !m.site_implausible(i) || m.site_shared_city(i) || !m.sites[i].waste_t_per_day)
            continue;
        if (n == 0 || *m.sites[i].waste_t_per_day > *m.sites[worst].waste_t_per_day)
            worst = i;
        ++n;
        total += *m.sites[i].waste_t_per_day;
    }
    if (n == 0)
        return std::nullopt;
    const Site& s = m.sites[worst];
    const double ceiling = m.plausible_ceiling_t_per_day[worst];
    return DocParagraph{m.tn("report.warn.waste_implausible", static_cast<std::int64_t>(n),
                             {{"site", m.site_label(s) + (s.municipality_name.empty() ? "" : " (" + s.municipality_name + ")")},
                              {"t", m.num(*s.waste_t_per_day, 0)},
                              {"ceiling", std::isfinite(ceiling) ? m.num(ceiling, 0) : m.t("value.unknown")},
                              {"total", m.num(total, 0)},
                              {"multiple", m.num(PLAUSIBLE_MULTIPLE_OF_MEAN, 0)},
                              {"mark", std::string(IMPLAUSIBLE_MARK)}}),
                        ParagraphStyle::warning};
}

/// The estimates in scope that rest mostly on a city another site is about as near to (the
/// shared-city rule of fill_waste), with the largest and its city named.
std::optional<DocParagraph> shared_city_caveat(const ReportModel& m)
{
    std::size_t n = 0, worst = 0;
    for (std::size_t i = 0; i < m.sites.size(); ++i) {
        if (!m.site_in_scope(i) || !m.site_shared_city(i) || !m.sites[i].waste_t_per_day)
            continue;
        if (n == 0 || *m.sites[i].waste_t_per_day > *m.sites[worst].waste_t_per_day)
            worst = i;
        ++n;
    }
    if (n == 0)
        return std::nullopt;
    const Site& s = m.sites[worst];
    const MainPlace& city = m.main_place[worst];
    const double served = static_cast<double>(m.served_population[worst]);
    const double from_city = served > 0.0 ? *s.waste_t_per_day * static_cast<double>(city.population) / served : 0.0;
    return DocParagraph{m.tn("report.warn.waste_shared_city", static_cast<std::int64_t>(n),
                             {{"site", m.site_label(s) + (s.municipality_name.empty() ? "" : " (" + s.municipality_name + ")")},
                              {"t", m.num(*s.waste_t_per_day, 0)},
                              {"city_t", m.num(from_city, 0)},
                              {"city", city.name},
                              {"km", m.num(city.distance_m / 1000.0, 1)},
                              {"next_km", m.num(city.runner_up_distance_m / 1000.0, 1)},
                              {"mark", std::string(IMPLAUSIBLE_MARK)}}),
                        ParagraphStyle::warning};
}

/// What the figures rest on, said plainly before the reader quotes them.
std::vector<DocParagraph> caveats(const ReportModel& m, const CountryCoverage& r)
{
    std::vector<DocParagraph> out;
    if (r.inadequate_sites_waste_estimated > 0 && r.inadequate_waste_t_per_day && *r.inadequate_waste_t_per_day > 0.0)
        out.push_back({m.t("report.warn.waste_estimated",
                           {{"share", m.pct(estimated_inadequate_t_per_day(m) / *r.inadequate_waste_t_per_day, 0)}}),
                       ParagraphStyle::warning});
    if (auto p = implausible_caveat(m))
        out.push_back(std::move(*p));
    if (auto p = shared_city_caveat(m))
        out.push_back(std::move(*p));
    if (r.inadequate_sites_waste_unknown > 0)
        out.push_back({m.tn("report.warn.waste_unknown", static_cast<std::int64_t>(r.inadequate_sites_waste_unknown)),
                       ParagraphStyle::warning});
    std::size_t estimated_records = 0, in_scope = 0;
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        if (m.site_in_scope(i)) {
            ++in_scope;
            estimated_records += m.sites[i].provenance == Provenance::estimated ? 1 : 0;
        }
    if (estimated_records > 0)
        out.push_back({m.t("report.warn.records_estimated", {{"estimated", m.count(estimated_records)}, {"sites", m.count(in_scope)}}),
                       ParagraphStyle::warning});
    const UnknownStatus unknown = unknown_status(m);
    if (unknown.dumps > 0)
        out.push_back({m.tn("report.warn.status_unknown", static_cast<std::int64_t>(unknown.dumps)), ParagraphStyle::warning});
    if (unknown.others > 0)
        out.push_back({m.tn("report.warn.other_status_unknown", static_cast<std::int64_t>(unknown.others)), ParagraphStyle::note});
    out.push_back({m.t("report.note.methane"), ParagraphStyle::note});
    if (m.default_plan)
        out.push_back({m.t("report.note.default_plan"), ParagraphStyle::note});
    return out;
}

/// Sites in scope by type (rows) and status (columns).
DocTable type_status_table(const ReportModel& m)
{
    std::array<std::array<std::size_t, 6>, 4> n{};
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        if (m.site_in_scope(i))
            ++n[static_cast<std::size_t>(m.sites[i].site_type)][static_cast<std::size_t>(m.sites[i].status)];
    DocTable t;
    t.id = "types";
    t.caption = m.t("report.types.caption");
    t.columns.push_back({m.t("report.col.type"), false, 0.0});
    for (auto s : STATUSES)
        t.columns.push_back({m.t(status_key(s)), true, 0.0});
    t.columns.push_back({m.t("report.col.total"), true, 0.0});
    std::array<std::size_t, 7> totals{};
    for (std::size_t ti = 0; ti < TYPES.size(); ++ti) {
        std::vector<std::string> row{m.t(type_key(TYPES[ti]))};
        std::size_t sum = 0;
        for (std::size_t si = 0; si < STATUSES.size(); ++si) {
            row.push_back(m.count(n[ti][si]));
            sum += n[ti][si];
            totals[si] += n[ti][si];
        }
        row.push_back(m.count(sum));
        totals[6] += sum;
        t.rows.push_back(std::move(row));
    }
    std::vector<std::string> total{m.t("report.col.total")};
    for (auto v : totals)
        total.push_back(m.count(v));
    t.rows.push_back(std::move(total));
    t.total_rows = 1;
    return t;
}

/// The coverage rows of the country's states in scope (in the report's order), and the country's row.
std::vector<const CountryCoverage*> state_rows(const ReportModel& m)
{
    std::vector<const CountryCoverage*> rows;
    for (const auto& r : m.coverage.countries)
        if (r.country_iso3 == m.iso3 && r.admin1 && m.unit_in_scope(*r.admin1))
            rows.push_back(&r);
    return rows;
}

std::vector<std::string> state_cells(const ReportModel& m, const CountryCoverage& r, std::string label)
{
    const std::size_t facilities = r.plan_facilities_proposed.value_or(0) + r.plan_facilities_existing.value_or(0);
    return {std::move(label),
            m.count(r.sites),
            m.count(r.inadequate_active_sites),
            m.t_per_day(r.inadequate_waste_t_per_day) + implausible_mark(r.inadequate_sites_waste_implausible > 0),
            m.share(r.share_waste_near_landfill),
            m.share(r.plan_share_waste_served),
            m.count(facilities),
            r.plan_mean_haul_km ? m.num(*r.plan_mean_haul_km, 1) : "",
            r.ch4_t_per_year ? m.num(*r.ch4_t_per_year, 0) : m.t("value.unknown")};
}

DocTable states_table(const ReportModel& m, const std::vector<const CountryCoverage*>& rows)
{
    DocTable t;
    t.id = "states";
    t.caption = m.t("report.states.caption", {{"country", m.country_name}});
    t.columns = {{m.t("report.col.state"), false, 1.0},
                 {m.t("report.col.sites"), true, 0.0},
                 {m.t("report.col.active_dumps"), true, 0.0},
                 {m.t("report.col.t_per_day"), true, 0.0},
                 {m.t("report.col.reach_today"), true, 0.0},
                 {m.t("report.col.served"), true, 0.0},
                 {m.t("report.col.facilities"), true, 0.0},
                 {m.t("report.col.mean_haul"), true, 0.0},
                 {m.t("report.col.ch4"), true, 0.0}};
    for (const auto* r : rows)
        t.rows.push_back(state_cells(m, *r, m.unit_label(*r->admin1)));
    t.rows.push_back(state_cells(m, country_row(m), m.t("report.total_of", {{"place", m.country_name}})));
    t.total_rows = 1;
    std::size_t derived = 0;
    for (std::size_t i = 0; i < m.sites.size(); ++i)
        derived += m.groups.sites[i].derived ? 1 : 0;
    t.note = m.t("report.states.note", {{"derived", m.count(derived)}, {"sites", m.count(m.sites.size())},
                                        {"km", m.num(m.coverage.max_haul_km, 0)}});
    if (country_row(m).inadequate_sites_waste_implausible > 0)
        t.note += " " + m.t("report.note.implausible_mark");
    return t;
}

/// Sites per state, stacked by type or by status.
BarChart per_state_chart(const ReportModel& m, const std::vector<const CountryCoverage*>& rows, bool by_status)
{
    BarChart c;
    c.id = by_status ? "sites_by_status" : "sites_by_type";
    c.title = m.t(by_status ? "report.chart.status_per_state" : "report.chart.type_per_state");
    c.value_axis = m.t("report.col.sites");
    c.horizontal = true;
    c.value_labels = true;
    c.numbers = m.locale.numbers;
    for (const auto* r : rows)
        c.categories.push_back(m.unit_label(*r->admin1));
    if (by_status) {
        for (std::size_t s = 0; s < STATUSES.size(); ++s) {
            ChartSeries series{m.t(status_key(STATUSES[s])), STATUS_COLOURS[s], {}, {}};
            for (const auto* r : rows) {
                const std::array<std::size_t, 6> n{r->active, r->inactive, r->closing, r->closed, r->remediated, r->status_unknown};
                series.values.push_back(static_cast<double>(n[s]));
            }
            c.series.push_back(std::move(series));
        }
    } else {
        for (std::size_t ti = 0; ti < TYPES.size(); ++ti) {
            ChartSeries series{m.t(type_key(TYPES[ti])), TYPE_COLOURS[ti], {}, {}};
            for (const auto* r : rows) {
                const std::array<std::size_t, 4> n{r->open_dump, r->controlled_dump, r->sanitary_landfill, r->other};
                series.values.push_back(static_cast<double>(n[ti]));
            }
            c.series.push_back(std::move(series));
        }
    }
    return c;
}

}  // namespace

DocSection summary_section(const ReportModel& m)
{
    const CountryCoverage& r = scope_row(m);
    DocSection s{"summary", m.t("report.summary.title"), 1, {}};
    s.blocks.push_back(DocParagraph{m.t("report.summary.intro", {{"place", m.place_name},
                                                                 {"year", std::to_string(m.coverage.reporting_year)}}),
                                    ParagraphStyle::body});
    s.blocks.push_back(key_figures(m, r));
    for (auto& p : caveats(m, r))
        s.blocks.push_back(std::move(p));
    s.blocks.push_back(type_status_table(m));
    return s;
}

DocSection states_section(const ReportModel& m)
{
    DocSection s{"states", m.t("report.states.title"), 1, {}};
    const auto rows = state_rows(m);
    s.blocks.push_back(states_table(m, rows));
    if (rows.size() > 1) {
        s.blocks.push_back(DocChart{per_state_chart(m, rows, false), "", 0.0});
        s.blocks.push_back(DocChart{per_state_chart(m, rows, true), "", 0.0});
    }
    return s;
}

}  // namespace basural::detail

#include "basural/reports/inventory_summary.hpp"

#include "basural/base/messages.hpp"
#include "basural/inventory/countries.hpp"
#include "basural/inventory/validation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>

namespace basural {
namespace {

constexpr std::array<SiteType, 4> TYPES{SiteType::open_dump, SiteType::controlled_dump, SiteType::sanitary_landfill,
                                        SiteType::other};
constexpr std::array<SiteStatus, 6> STATUSES{SiteStatus::active, SiteStatus::inactive, SiteStatus::closing,
                                             SiteStatus::closed, SiteStatus::remediated, SiteStatus::unknown};
constexpr std::array<Provenance, 3> PROVENANCES{Provenance::observed, Provenance::derived, Provenance::estimated};

struct Counts {
    std::int64_t sites = 0;
    std::array<std::int64_t, TYPES.size()> by_type{};
    std::array<std::int64_t, STATUSES.size()> by_status{};
    std::array<std::int64_t, PROVENANCES.size()> by_provenance{};
    std::vector<std::int64_t> known;  // per schema column
};

template <typename E, std::size_t N>
std::size_t index_in(const std::array<E, N>& values, E v)
{
    return static_cast<std::size_t>(std::find(values.begin(), values.end(), v) - values.begin());
}

/// For each schema column, whether a site's value is known.
const std::vector<std::function<bool(const Site&)>>& known_tests()
{
    static const std::vector<std::function<bool(const Site&)>> tests = [] {
        std::vector<std::function<bool(const Site&)>> t;
        for (const auto& c : site_schema_columns()) {
            if (c == "name") t.emplace_back([](const Site& s) { return !s.name.empty(); });
            else if (c == "admin1_name") t.emplace_back([](const Site& s) { return !s.admin1_name.empty(); });
            else if (c == "admin1_code") t.emplace_back([](const Site& s) { return !s.admin1_code.empty(); });
            else if (c == "municipality_name") t.emplace_back([](const Site& s) { return !s.municipality_name.empty(); });
            else if (c == "municipality_code") t.emplace_back([](const Site& s) { return !s.municipality_code.empty(); });
            else if (c == "status") t.emplace_back([](const Site& s) { return s.status != SiteStatus::unknown; });
            else if (c == "area_ha") t.emplace_back([](const Site& s) { return s.area_ha.has_value(); });
            else if (c == "depth_m") t.emplace_back([](const Site& s) { return s.depth_m.has_value(); });
            else if (c == "waste_t_per_day") t.emplace_back([](const Site& s) { return s.waste_t_per_day.has_value(); });
            else if (c == "waste_in_place_t") t.emplace_back([](const Site& s) { return s.waste_in_place_t.has_value(); });
            else if (c == "opening_year") t.emplace_back([](const Site& s) { return s.opening_year.has_value(); });
            else if (c == "closure_year") t.emplace_back([](const Site& s) { return s.closure_year.has_value(); });
            else if (c == "open_burning") t.emplace_back([](const Site& s) { return s.open_burning.has_value(); });
            else if (c == "waste_pickers") t.emplace_back([](const Site& s) { return s.waste_pickers.has_value(); });
            else if (c == "child_waste_pickers") t.emplace_back([](const Site& s) { return s.child_waste_pickers.has_value(); });
            else if (c == "gas_capture") t.emplace_back([](const Site& s) { return s.gas_capture != GasCapture::unknown; });
            else if (c == "receives_other_municipalities")
                t.emplace_back([](const Site& s) { return s.receives_other_municipalities.has_value(); });
            else if (c == "waste_provenance") t.emplace_back([](const Site& s) { return s.waste_provenance.has_value(); });
            else if (c == "source") t.emplace_back([](const Site& s) { return !s.source.empty(); });
            else if (c == "source_record") t.emplace_back([](const Site& s) { return !s.source_record.empty(); });
            else if (c == "derived_fields") t.emplace_back([](const Site& s) { return !s.derived_fields.empty(); });
            else if (c == "reporting_municipalities")
                t.emplace_back([](const Site& s) { return !s.reporting_municipalities.empty(); });
            else t.emplace_back([](const Site&) { return true; });  // always set by the loader
        }
        return t;
    }();
    return tests;
}

void add(Counts& c, const Site& s)
{
    const auto& tests = known_tests();
    if (c.known.empty())
        c.known.assign(tests.size(), 0);
    ++c.sites;
    ++c.by_type[index_in(TYPES, s.site_type)];
    ++c.by_status[index_in(STATUSES, s.status)];
    ++c.by_provenance[index_in(PROVENANCES, s.provenance)];
    for (std::size_t i = 0; i < tests.size(); ++i)
        c.known[i] += tests[i](s) ? 1 : 0;
}

std::vector<ReportCell> count_row(const std::string& code, const std::string& name, const Counts& c)
{
    std::vector<ReportCell> row{code, name, c.sites};
    for (auto v : c.by_type)
        row.emplace_back(v);
    for (auto v : c.by_status)
        row.emplace_back(v);
    for (auto v : c.by_provenance)
        row.emplace_back(v);
    return row;
}

ReportCell percent(std::int64_t part, std::int64_t whole)
{
    if (whole == 0)
        return std::monostate{};
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::string records_line(const Inventory& inv, const Locale& locale)
{
    const auto count = [&](std::size_t n) { return format_count(static_cast<std::int64_t>(n), locale.numbers); };
    MessageArgs args{{"source", inv.source},
                     {"read", format_count(inv.records_read, locale.numbers)},
                     {"loaded", count(inv.sites.size())},
                     {"rejected", count(inv.rejects.size())}};
    if (inv.merges.empty())
        return tr(locale, "cmd.records", args);
    args.emplace_back("merged", count(inv.merges.size()));
    return tr(locale, "cmd.records_merged", args);
}

UnknownShares unknown_shares(const std::vector<Site>& sites)
{
    UnknownShares u;
    for (const auto& s : sites) {
        ++u.sites;
        u.status_unknown += s.status == SiteStatus::unknown ? 1 : 0;
        u.tonnage_unknown += s.waste_t_per_day ? 0 : 1;
        u.type_other += s.site_type == SiteType::other ? 1 : 0;
    }
    return u;
}

namespace {

/// "all 12 sites" or "9 of 12 sites (75%)", or "" when not mostly unknown.
std::string how_many(std::int64_t n, std::int64_t sites)
{
    if (sites == 0 || n == 0 || static_cast<double>(n) <= MOSTLY_UNKNOWN_SHARE * static_cast<double>(sites))
        return {};
    if (n == sites)
        return "all " + std::to_string(sites) + " sites";
    const auto pct = static_cast<int>(std::floor(100.0 * static_cast<double>(n) / static_cast<double>(sites)));
    return std::to_string(n) + " of " + std::to_string(sites) + " sites (" + std::to_string(pct) + "%)";
}

}  // namespace

std::vector<std::string> unknown_warnings(const UnknownShares& u)
{
    std::vector<std::string> out;
    if (const auto n = how_many(u.status_unknown, u.sites); !n.empty())
        out.push_back("status is unknown for " + n +
                      ": analyses take a dump of unknown status for one still receiving waste; map the source's "
                      "status column with --field status=COLUMN (or --map), or state it for all with "
                      "--default status=active");
    if (const auto n = how_many(u.tonnage_unknown, u.sites); !n.empty())
        out.push_back("waste_t_per_day is unknown for " + n +
                      ": tonnages will be estimated, not observed; map the source's tonnage column with "
                      "--field waste_t_per_day=COLUMN (or --map) if it has one");
    if (const auto n = how_many(u.type_other, u.sites); !n.empty())
        out.push_back("site_type is other for " + n +
                      ": they count as neither dumps nor landfills; map the source's type terms with --map "
                      "(\"values\": {\"site_type\": {\"TERM\": \"open_dump\"}}) or --default site_type=open_dump");
    return out;
}

std::vector<ReportTable> inventory_summary(const Inventory& inv)
{
    std::vector<ReportTable> tables;

    ReportTable records{"records", "Records", {{"source"}, {"records_read"}, {"loaded"}, {"merged"}, {"rejected"}}, {}};
    records.rows.push_back({inv.source, inv.records_read, static_cast<std::int64_t>(inv.sites.size()),
                            static_cast<std::int64_t>(inv.merges.size()), static_cast<std::int64_t>(inv.rejects.size())});
    tables.push_back(std::move(records));

    std::map<std::string, Counts> by_country;
    Counts lac;
    for (const auto& s : inv.sites) {
        add(by_country[s.country_iso3], s);
        add(lac, s);
    }

    ReportTable countries{"countries", "Sites by country, type, status and provenance", {}, {}};
    for (const char* c : {"country", "name", "sites"})
        countries.columns.push_back({c, 0});
    for (auto t : TYPES)
        countries.columns.push_back({std::string(to_string(t)), 0});
    for (auto s : STATUSES)
        countries.columns.push_back({s == SiteStatus::unknown ? "status_unknown" : std::string(to_string(s)), 0});
    for (auto p : PROVENANCES)
        countries.columns.push_back({std::string(to_string(p)), 0});
    for (const auto& [code, counts] : by_country) {
        const auto* info = find_lac_country(code);
        countries.rows.push_back(count_row(code, info ? std::string(info->name) : std::string{}, counts));
    }
    countries.rows.push_back(count_row("LAC", "Latin America and the Caribbean", lac));
    tables.push_back(std::move(countries));

    ReportTable completeness{"completeness", "Fields known, % of sites", {{"field", 0}, {"LAC_pct", 1}}, {}};
    for (const auto& [code, counts] : by_country)
        completeness.columns.push_back({code + "_pct", 1});
    const auto& cols = site_schema_columns();
    for (std::size_t i = 0; i < cols.size(); ++i) {
        std::vector<ReportCell> row{cols[i], percent(lac.sites ? lac.known[i] : 0, lac.sites)};
        for (const auto& [code, counts] : by_country)
            row.push_back(percent(counts.known[i], counts.sites));
        completeness.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(completeness));
    return tables;
}

ReportTable rejects_by_check(const std::vector<Reject>& rejects)
{
    ReportTable t{"rejects_by_check", "Rejected records by check", {{"check", 0}, {"rejects", 0}, {"share_pct", 1}, {"first_record", 0}}, {}};
    for (const auto check : all_checks()) {
        std::int64_t n = 0;
        const Reject* first = nullptr;
        for (const auto& r : rejects)
            if (r.check == check) {
                ++n;
                if (first == nullptr)
                    first = &r;
            }
        if (n > 0)
            t.rows.push_back({std::string(check), n, percent(n, static_cast<std::int64_t>(rejects.size())), first->record});
    }
    return t;
}

}  // namespace basural

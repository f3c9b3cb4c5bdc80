#include "basural/reports/progress_diff.hpp"

#include "basural/base/number_text.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"
#include "basural/inventory/site_predicates.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace basural {

std::string_view to_string(ChangeKind k) noexcept
{
    switch (k) {
    case ChangeKind::closed: return "closed";
    case ChangeKind::remediated: return "remediated";
    case ChangeKind::reclassified: return "reclassified";
    case ChangeKind::attributes_changed: return "attributes_changed";
    case ChangeKind::unchanged: return "unchanged";
    case ChangeKind::newly_found: return "newly_found";
    case ChangeKind::gone_unexplained: return "gone_unexplained";
    case ChangeKind::removed_after_closure: return "removed_after_closure";
    }
    return "unknown";
}

std::string_view to_string(MatchMethod m) noexcept
{
    switch (m) {
    case MatchMethod::none: return "none";
    case MatchMethod::by_id: return "id";
    case MatchMethod::by_location: return "location";
    }
    return "unknown";
}

const std::string& SiteChange::country_iso3() const noexcept
{
    return new_site ? new_site->country_iso3 : old_site->country_iso3;
}

const std::string& SiteChange::site_id() const noexcept
{
    return new_site ? new_site->site_id : old_site->site_id;
}

namespace {

bool is_coarse(LocationPrecision p) noexcept
{
    return p != LocationPrecision::surveyed;
}

bool closure_recorded(SiteStatus s) noexcept
{
    return s == SiteStatus::closed || s == SiteStatus::remediated;
}

/// Position on the open_dump -> controlled_dump -> sanitary_landfill ladder; -1 for `other`.
int ladder_step(SiteType t) noexcept
{
    switch (t) {
    case SiteType::open_dump: return 0;
    case SiteType::controlled_dump: return 1;
    case SiteType::sanitary_landfill: return 2;
    case SiteType::other: return -1;
    }
    return -1;
}

std::string describe(const std::optional<double>& v)
{
    return v ? format_value(*v) : "unknown";
}
std::string describe(const std::optional<int>& v)
{
    return v ? std::to_string(*v) : "unknown";
}
std::string describe(const std::optional<bool>& v)
{
    return v ? (*v ? "yes" : "no") : "unknown";
}
std::string describe(const std::string& v)
{
    return v.empty() ? "unknown" : "'" + v + "'";
}

template <typename T>
void compare_field(std::vector<std::string>& details, std::string_view field, const T& a, const T& b)
{
    if (!(a == b))
        details.push_back(std::string(field) + " " + describe(a) + " -> " + describe(b));
}

/// Details of every compared attribute other than site_type and status (docs/methods/progress.md
/// lists them). Bookkeeping fields (provenance, source, source_record) are not compared: they change
/// with every edition of an inventory without saying anything about the site.
void compare_attributes(std::vector<std::string>& details, const Site& o, const Site& n, double moved_m,
                        bool report_move)
{
    compare_field(details, "name", o.name, n.name);
    compare_field(details, "country", o.country_iso3, n.country_iso3);
    compare_field(details, "admin1_name", o.admin1_name, n.admin1_name);
    compare_field(details, "admin1_code", o.admin1_code, n.admin1_code);
    compare_field(details, "municipality_name", o.municipality_name, n.municipality_name);
    compare_field(details, "municipality_code", o.municipality_code, n.municipality_code);
    if (report_move && !(o.location == n.location))
        details.push_back("location moved " + format_value(std::round(moved_m)) + " m");
    if (o.location_precision != n.location_precision)
        details.push_back("location_precision " + std::string(to_string(o.location_precision)) + " -> " +
                          std::string(to_string(n.location_precision)));
    compare_field(details, "area_ha", o.area_ha, n.area_ha);
    compare_field(details, "depth_m", o.depth_m, n.depth_m);
    compare_field(details, "waste_t_per_day", o.waste_t_per_day, n.waste_t_per_day);
    compare_field(details, "waste_in_place_t", o.waste_in_place_t, n.waste_in_place_t);
    compare_field(details, "opening_year", o.opening_year, n.opening_year);
    compare_field(details, "closure_year", o.closure_year, n.closure_year);
    compare_field(details, "open_burning", o.open_burning, n.open_burning);
    compare_field(details, "waste_pickers", o.waste_pickers, n.waste_pickers);
    compare_field(details, "child_waste_pickers", o.child_waste_pickers, n.child_waste_pickers);
    if (o.gas_capture != n.gas_capture)
        details.push_back("gas_capture " + std::string(to_string(o.gas_capture)) + " -> " +
                          std::string(to_string(n.gas_capture)));
    compare_field(details, "receives_other_municipalities", o.receives_other_municipalities,
                  n.receives_other_municipalities);
}

/// Classifies a paired old/new record and fills kind, details and the inadequate-waste fields.
void classify_pair(SiteChange& c, const Ch4PerYearFn& ch4,
                   const std::function<std::optional<double>(const Site&)>& old_waste)
{
    const Site& o = *c.old_site;
    const Site& n = *c.new_site;
    const double moved_m = *c.moved_m;
    if (c.match == MatchMethod::by_location)
        c.details.push_back("matched by location (id changed from " + o.site_id + " to " + n.site_id + ", " +
                            format_value(std::round(moved_m)) + " m)");

    const bool status_changed = o.status != n.status;
    const bool type_changed = o.site_type != n.site_type;
    if (status_changed)
        c.details.push_back("status " + std::string(to_string(o.status)) + " -> " + std::string(to_string(n.status)));
    if (type_changed) {
        std::string d = "site_type " + std::string(to_string(o.site_type)) + " -> " + std::string(to_string(n.site_type));
        const int from = ladder_step(o.site_type);
        const int to = ladder_step(n.site_type);
        if (from >= 0 && to >= 0)
            d += to > from ? " (upgrade)" : " (downgrade)";
        c.details.push_back(d);
    }
    const std::size_t n_status_type_details = c.details.size();
    // A location match already states the distance; a move only counts as a change for an id match.
    compare_attributes(c.details, o, n, moved_m, c.match == MatchMethod::by_id);
    const bool other_changed = c.details.size() > n_status_type_details;

    const bool known_status_change =
        status_changed && o.status != SiteStatus::unknown && n.status != SiteStatus::unknown;
    if (status_changed && n.status == SiteStatus::closed && o.status != SiteStatus::remediated)
        c.kind = ChangeKind::closed;
    else if (status_changed && n.status == SiteStatus::remediated)
        c.kind = ChangeKind::remediated;
    else if (type_changed || known_status_change)
        c.kind = ChangeKind::reclassified;
    else if (status_changed || other_changed)  // status to or from unknown: information, not a change
        c.kind = ChangeKind::attributes_changed;
    else
        c.kind = ChangeKind::unchanged;

    c.no_longer_inadequate = is_inadequate(o.site_type) && status_receives_waste(o.status) &&
                             (closure_recorded(n.status) || n.site_type == SiteType::sanitary_landfill);
    if (!c.no_longer_inadequate)
        return;
    Site o_filled = o, n_filled = n;  // the tonnage the closure moves, and the deposits the new record decays
    if (old_waste) {
        if (!o_filled.waste_t_per_day) {
            o_filled.waste_t_per_day = old_waste(o);
            o_filled.waste_provenance = Provenance::estimated;
        }
        if (!n_filled.waste_t_per_day)
            n_filled.waste_t_per_day = o_filled.waste_t_per_day;
    }
    c.waste_moved_t_per_day = o_filled.waste_t_per_day;
    c.waste_moved_estimated = o_filled.waste_t_per_day && o_filled.waste_provenance == Provenance::estimated;
    if (ch4) {
        c.ch4_old_t_per_year = ch4(o_filled);
        c.ch4_new_t_per_year = ch4(n_filled);
    }
}

void check_snapshot(const std::vector<Site>& sites, const std::string& label)
{
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const Site& s = sites[i];
        const auto record = static_cast<std::int64_t>(i + 1);
        if (s.site_id.empty())
            throw input_error(label, record, "site_id", "", "site_id is empty: every site needs a unique id to be compared");
        if (const auto [it, inserted] = seen.emplace(s.site_id, i); !inserted)
            throw input_error(label, record, "site_id", s.site_id,
                              "duplicate site_id (also record " + std::to_string(it->second + 1) +
                                  "): ids must be unique within a snapshot");
        const auto& p = s.location;
        if (!std::isfinite(p.lon_deg) || p.lon_deg < -180.0 || p.lon_deg > 180.0)
            throw input_error(label, record, "lon", format_value(p.lon_deg), "longitude is outside [-180, 180]");
        if (!std::isfinite(p.lat_deg) || p.lat_deg < -90.0 || p.lat_deg > 90.0)
            throw input_error(label, record, "lat", format_value(p.lat_deg), "latitude is outside [-90, 90]");
    }
}

void check_tolerance(double v, std::string_view name)
{
    if (!std::isfinite(v) || v < 0.0)
        throw usage_error(std::string(name) + " must be a finite distance >= 0 m, not " + format_value(v));
}

void add_to(CountryProgress& p, const SiteChange& c)
{
    switch (c.kind) {
    case ChangeKind::closed: ++p.closed; break;
    case ChangeKind::remediated: ++p.remediated; break;
    case ChangeKind::reclassified: ++p.reclassified; break;
    case ChangeKind::attributes_changed: ++p.attributes_changed; break;
    case ChangeKind::unchanged: ++p.unchanged; break;
    case ChangeKind::newly_found: ++p.newly_found; break;
    case ChangeKind::gone_unexplained: ++p.gone_unexplained; break;
    case ChangeKind::removed_after_closure: ++p.removed_after_closure; break;
    }
    if (c.match == MatchMethod::by_location)
        ++p.matched_by_location;
    if (c.no_longer_inadequate) {
        ++p.no_longer_inadequate_sites;
        if (c.waste_moved_t_per_day)
            *p.waste_no_longer_inadequate_t_per_day += *c.waste_moved_t_per_day;
        else
            ++p.waste_unknown_sites;
        if (c.waste_moved_estimated)
            ++p.waste_estimated_sites;
        if (p.ch4_reduction_t_per_year) {
            if (c.ch4_old_t_per_year && c.ch4_new_t_per_year)
                *p.ch4_reduction_t_per_year += *c.ch4_old_t_per_year - *c.ch4_new_t_per_year;
            else
                ++p.ch4_unknown_sites;
        }
    }
}

}  // namespace

double location_match_tolerance_m(const Site& old_site, const Site& new_site, const DiffOptions& options) noexcept
{
    return is_coarse(old_site.location_precision) || is_coarse(new_site.location_precision)
               ? std::max(options.match_tolerance_m, options.coarse_match_tolerance_m)
               : options.match_tolerance_m;
}

namespace {

/// Which records of each snapshot are paired already.
struct Pairing {
    std::vector<bool> old_paired, new_paired;
};

SiteChange paired_change(MatchMethod match, const Site& o, const Site& n, double moved_m)
{
    SiteChange c;
    c.match = match;
    c.old_site = o;
    c.new_site = n;
    c.moved_m = moved_m;
    return c;
}

/// Step 1: records with the same site_id are the same site.
void pair_by_id(const std::vector<Site>& old_sites, const std::vector<Site>& new_sites, Pairing& pairing,
                std::vector<SiteChange>& changes)
{
    std::unordered_map<std::string_view, std::size_t> new_by_id;
    for (std::size_t j = 0; j < new_sites.size(); ++j)
        new_by_id.emplace(new_sites[j].site_id, j);
    for (std::size_t i = 0; i < old_sites.size(); ++i) {
        const auto it = new_by_id.find(old_sites[i].site_id);
        if (it == new_by_id.end())
            continue;
        const std::size_t j = it->second;
        pairing.old_paired[i] = pairing.new_paired[j] = true;
        changes.push_back(paired_change(MatchMethod::by_id, old_sites[i], new_sites[j],
                                        geodesic_distance_m(old_sites[i].location, new_sites[j].location)));
    }
}

/// Step 2: the rest by location: every admissible pair (same country and type, within the tolerance,
/// coarse records in the same municipality), then greedily by (distance, old id, new id).
void pair_by_location(const std::vector<Site>& old_sites, const std::vector<Site>& new_sites,
                      const DiffOptions& options, Pairing& pairing, std::vector<SiteChange>& changes)
{
    std::vector<std::size_t> new_left;
    std::vector<LonLat> new_left_points;
    for (std::size_t j = 0; j < new_sites.size(); ++j)
        if (!pairing.new_paired[j]) {
            new_left.push_back(j);
            new_left_points.push_back(new_sites[j].location);
        }
    const SpatialIndex index(std::move(new_left_points));
    const double search_radius_m = std::max(options.match_tolerance_m, options.coarse_match_tolerance_m);
    struct Candidate {
        double distance_m;
        std::size_t old_index;
        std::size_t new_index;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < old_sites.size(); ++i) {
        if (pairing.old_paired[i])
            continue;
        const Site& o = old_sites[i];
        for (const auto& nb : index.within_m(o.location, search_radius_m)) {
            const Site& n = new_sites[new_left[nb.index]];
            if (n.country_iso3 != o.country_iso3 || n.site_type != o.site_type)
                continue;
            const bool coarse = is_coarse(o.location_precision) || is_coarse(n.location_precision);
            if (coarse && !o.municipality_code.empty() && !n.municipality_code.empty() &&
                o.municipality_code != n.municipality_code)
                continue;
            if (nb.distance_m > location_match_tolerance_m(o, n, options))
                continue;
            candidates.push_back({nb.distance_m, i, new_left[nb.index]});
        }
    }
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        return std::tie(a.distance_m, old_sites[a.old_index].site_id, new_sites[a.new_index].site_id) <
               std::tie(b.distance_m, old_sites[b.old_index].site_id, new_sites[b.new_index].site_id);
    });
    for (const auto& cand : candidates) {
        if (pairing.old_paired[cand.old_index] || pairing.new_paired[cand.new_index])
            continue;
        pairing.old_paired[cand.old_index] = pairing.new_paired[cand.new_index] = true;
        changes.push_back(paired_change(MatchMethod::by_location, old_sites[cand.old_index],
                                        new_sites[cand.new_index], cand.distance_m));
    }
}

/// Step 3: records left unpaired: gone (after a recorded closure, or unexplained) and newly found.
void add_unpaired(const std::vector<Site>& old_sites, const std::vector<Site>& new_sites, const Pairing& pairing,
                  std::vector<SiteChange>& changes)
{
    for (std::size_t i = 0; i < old_sites.size(); ++i)
        if (!pairing.old_paired[i]) {
            SiteChange c;
            c.old_site = old_sites[i];
            c.kind = closure_recorded(old_sites[i].status) ? ChangeKind::removed_after_closure
                                                           : ChangeKind::gone_unexplained;
            c.details.push_back("not in the new snapshot (old status " +
                                std::string(to_string(old_sites[i].status)) + ")");
            changes.push_back(std::move(c));
        }
    for (std::size_t j = 0; j < new_sites.size(); ++j)
        if (!pairing.new_paired[j]) {
            SiteChange c;
            c.new_site = new_sites[j];
            c.kind = ChangeKind::newly_found;
            c.details.push_back("not in the old snapshot");
            changes.push_back(std::move(c));
        }
}

/// Step 4: the changes counted per country and in total. A reduction over sites none of which the
/// model knows both ways is unknown, not 0; so is the waste of sites none of which has a known waste.
void count_per_country(const std::vector<Site>& old_sites, const std::vector<Site>& new_sites,
                       const DiffOptions& options, SnapshotDiff& diff)
{
    std::map<std::string, CountryProgress> by_country;
    auto country = [&](const std::string& iso3) -> CountryProgress& {
        auto& p = by_country[iso3];
        p.country_iso3 = iso3;
        if (options.ch4_t_per_year && !p.ch4_reduction_t_per_year)
            p.ch4_reduction_t_per_year = 0.0;
        return p;
    };
    diff.total.country_iso3 = "all";
    if (options.ch4_t_per_year)
        diff.total.ch4_reduction_t_per_year = 0.0;
    for (const auto& s : old_sites) {
        ++country(s.country_iso3).old_sites;
        ++diff.total.old_sites;
    }
    for (const auto& s : new_sites) {
        ++country(s.country_iso3).new_sites;
        ++diff.total.new_sites;
    }
    for (const auto& c : diff.changes) {
        add_to(country(c.country_iso3()), c);
        add_to(diff.total, c);
    }
    auto unknown_if_nothing_known = [](CountryProgress& p) {
        if (p.no_longer_inadequate_sites > 0 && p.ch4_unknown_sites == p.no_longer_inadequate_sites)
            p.ch4_reduction_t_per_year.reset();
        if (p.no_longer_inadequate_sites > 0 && p.waste_unknown_sites == p.no_longer_inadequate_sites)
            p.waste_no_longer_inadequate_t_per_day.reset();
    };
    unknown_if_nothing_known(diff.total);
    for (auto& [iso3, p] : by_country) {
        unknown_if_nothing_known(p);
        diff.countries.push_back(std::move(p));
    }
}

}  // namespace

SnapshotDiff compare_snapshots(const std::vector<Site>& old_sites, const std::vector<Site>& new_sites,
                               const DiffOptions& options)
{
    check_tolerance(options.match_tolerance_m, "the match tolerance");
    check_tolerance(options.coarse_match_tolerance_m, "the coarse match tolerance");
    check_snapshot(old_sites, options.old_label);
    check_snapshot(new_sites, options.new_label);

    SnapshotDiff diff;
    Pairing pairing{std::vector<bool>(old_sites.size(), false), std::vector<bool>(new_sites.size(), false)};
    pair_by_id(old_sites, new_sites, pairing, diff.changes);
    pair_by_location(old_sites, new_sites, options, pairing, diff.changes);
    for (auto& c : diff.changes)
        classify_pair(c, options.ch4_t_per_year, options.old_waste_t_per_day);
    add_unpaired(old_sites, new_sites, pairing, diff.changes);

    std::sort(diff.changes.begin(), diff.changes.end(), [](const SiteChange& a, const SiteChange& b) {
        const std::string no_id;
        const auto& ao = a.old_site ? a.old_site->site_id : no_id;
        const auto& bo = b.old_site ? b.old_site->site_id : no_id;
        return std::tie(a.country_iso3(), a.site_id(), ao) < std::tie(b.country_iso3(), b.site_id(), bo);
    });
    count_per_country(old_sites, new_sites, options, diff);
    diff.with_ch4_model = static_cast<bool>(options.ch4_t_per_year);
    return diff;
}

namespace {

ReportCell cell(std::int64_t v)
{
    return v;
}
ReportCell cell(const std::optional<double>& v)
{
    return v ? ReportCell{*v} : ReportCell{};
}
ReportCell text(std::string_view s)
{
    return std::string(s);
}

std::vector<ReportCell> summary_row(const CountryProgress& p, bool with_ch4)
{
    return {text(p.country_iso3),
            cell(p.old_sites),
            cell(p.new_sites),
            cell(p.closed),
            cell(p.remediated),
            cell(p.reclassified),
            cell(p.attributes_changed),
            cell(p.unchanged),
            cell(p.newly_found),
            cell(p.gone_unexplained),
            cell(p.removed_after_closure),
            cell(p.matched_by_location),
            cell(p.no_longer_inadequate_sites),
            cell(p.waste_no_longer_inadequate_t_per_day),
            cell(p.waste_unknown_sites),
            cell(p.waste_estimated_sites),
            cell(p.ch4_reduction_t_per_year),
            with_ch4 ? cell(p.ch4_unknown_sites) : ReportCell{}};
}

}  // namespace

ReportTable progress_summary_table(const SnapshotDiff& diff)
{
    ReportTable t;
    t.name = "countries";
    t.title = "Closure progress by country";
    t.columns = {{"country", 0},
                 {"old_sites", 0},
                 {"new_sites", 0},
                 {"closed", 0},
                 {"remediated", 0},
                 {"reclassified", 0},
                 {"attributes_changed", 0},
                 {"unchanged", 0},
                 {"newly_found", 0},
                 {"gone_unexplained", 0},
                 {"removed_after_closure", 0},
                 {"matched_by_location", 0},
                 {"no_longer_inadequate_sites", 0},
                 {"waste_no_longer_inadequate_t_per_day", 1},
                 {"waste_unknown_sites", 0},
                 {"waste_estimated_sites", 0},
                 {"ch4_reduction_t_per_year", 1},
                 {"ch4_unknown_sites", 0}};
    const bool with_ch4 = diff.with_ch4_model;
    for (const auto& p : diff.countries)
        t.rows.push_back(summary_row(p, with_ch4));
    t.rows.push_back(summary_row(diff.total, with_ch4));
    return t;
}

ReportTable progress_changes_table(const SnapshotDiff& diff)
{
    ReportTable t;
    t.name = "changes";
    t.title = "Site changes";
    t.columns = {{"country", 0},         {"site_id", 0},         {"change", 0},
                 {"matched_by", 0},      {"old_site_id", 0},     {"new_site_id", 0},
                 {"moved_m", 0}, {"old_site_type", 0},  {"new_site_type", 0},
                 {"old_status", 0},      {"new_status", 0},      {"old_waste_t_per_day", 1},
                 {"new_waste_t_per_day", 1}, {"no_longer_inadequate", 0}, {"ch4_old_t_per_year", 1},
                 {"ch4_new_t_per_year", 1}, {"details", 0}};
    for (const auto& c : diff.changes) {
        const Site* o = c.old_site ? &*c.old_site : nullptr;
        const Site* n = c.new_site ? &*c.new_site : nullptr;
        std::string details;
        for (const auto& d : c.details)
            details += (details.empty() ? "" : "; ") + d;
        t.rows.push_back({text(c.country_iso3()),
                          text(c.site_id()),
                          text(to_string(c.kind)),
                          c.match == MatchMethod::none ? ReportCell{} : text(to_string(c.match)),
                          o ? text(o->site_id) : ReportCell{},
                          n ? text(n->site_id) : ReportCell{},
                          cell(c.moved_m),
                          o ? text(to_string(o->site_type)) : ReportCell{},
                          n ? text(to_string(n->site_type)) : ReportCell{},
                          o ? text(to_string(o->status)) : ReportCell{},
                          n ? text(to_string(n->status)) : ReportCell{},
                          o ? cell(o->waste_t_per_day) : ReportCell{},
                          n ? cell(n->waste_t_per_day) : ReportCell{},
                          text(c.no_longer_inadequate ? "yes" : "no"),
                          cell(c.ch4_old_t_per_year),
                          cell(c.ch4_new_t_per_year),
                          text(details)});
    }
    return t;
}

void write_progress_changes_csv(const std::filesystem::path& path, const SnapshotDiff& diff)
{
    std::ostringstream out;
    write_report(out, {progress_changes_table(diff)}, ReportFormat::csv);
    write_file_atomically(path, out.str());
}

}  // namespace basural

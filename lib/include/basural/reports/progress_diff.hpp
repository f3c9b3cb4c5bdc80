#pragma once
/// \file progress_diff.hpp
/// Closure progress between two inventory snapshots (`basural progress OLD NEW`): which sites were
/// closed, remediated, reclassified, newly found or silently dropped, and per country how much waste
/// no longer goes to inadequate sites. Matching rules and their justification: docs/methods/progress.md.
/// (Not to be confused with progress.hpp, the progress-bar callback.)

#include "basural/base/report_table.hpp"
#include "basural/inventory/site.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// What happened to one site between the snapshots. A matched pair gets exactly one kind, the first
/// that applies in this order: closed, remediated, reclassified, attributes_changed, unchanged.
enum class ChangeKind {
    closed,                 ///< status is now `closed` (was anything but closed or remediated)
    remediated,             ///< status is now `remediated` (was anything else)
    reclassified,           ///< site_type changed, or status changed between two known values (active -> closing)
    attributes_changed,     ///< same type and status; another compared attribute changed (waste, area, ...)
    unchanged,              ///< nothing compared changed (the id may have: see SiteChange::match)
    newly_found,            ///< only in the new snapshot
    gone_unexplained,       ///< only in the old snapshot, which did not record it closed or remediated
    removed_after_closure,  ///< only in the old snapshot, which already recorded it closed or remediated
};
std::string_view to_string(ChangeKind k) noexcept;

/// How an old and a new record were paired.
enum class MatchMethod {
    none,         ///< not paired (newly_found, gone_unexplained, removed_after_closure)
    by_id,        ///< same site_id
    by_location,  ///< different ids; same country and site_type, positions within the tolerance
};
std::string_view to_string(MatchMethod m) noexcept;

/// Methane model: a site's CH4 emission in t/year, std::nullopt when it cannot say.
using Ch4PerYearFn = std::function<std::optional<double>(const Site&)>;

struct DiffOptions {
    /// Largest distance for a location match when both positions are `surveyed`. A dumpsite spans
    /// hundreds of metres (10 ha is ~316 m across): two surveyed centroids of the same site rarely
    /// differ by more, and distinct surveyed dumps rarely lie closer.
    double match_tolerance_m = 200.0;
    /// Largest distance for a location match when either position is `municipal_seat` or `estimated`
    /// (such pairs must also not have two different known municipality codes). A seat can lie
    /// kilometres from the dump: beyond this a match would be a guess, and the pair is reported as
    /// gone + newly found for the analyst to judge.
    double coarse_match_tolerance_m = 2000.0;
    /// Methane model; empty means the CH4 columns are unknown (empty), not zero.
    Ch4PerYearFn ch4_t_per_year;
    /// The tonnage of an OLD record whose own waste_t_per_day is unknown (e.g. fill_waste over the
    /// old snapshot, looked up by site_id), for the waste and methane of the sites no longer
    /// inadequate; empty: unknown stays unknown. A closed new record without a tonnage of its own
    /// then decays from the old one's deposits.
    std::function<std::optional<double>(const Site& old_site)> old_waste_t_per_day;
    /// Names of the snapshots in error messages (their file names, usually).
    std::string old_label = "old snapshot";
    std::string new_label = "new snapshot";
};

/// One site's change. Holds copies of the records, so it does not depend on the input vectors.
struct SiteChange {
    ChangeKind kind = ChangeKind::unchanged;
    MatchMethod match = MatchMethod::none;
    std::optional<Site> old_site;
    std::optional<Site> new_site;
    std::optional<double> moved_m;  ///< geodesic distance between the old and new positions, when paired
    /// Human-readable facts, in a fixed order: "matched by location (id changed from X to Y, 48 m)",
    /// "status active -> closed", "site_type open_dump -> controlled_dump", "waste_t_per_day 40 -> 45".
    std::vector<std::string> details;
    /// Was receiving waste at an inadequate site (open or controlled dump, status active or closing)
    /// and no longer does: now closed, remediated, or a sanitary landfill.
    bool no_longer_inadequate = false;
    /// The old record's tonnage used for a no_longer_inadequate site (its own, else
    /// DiffOptions::old_waste_t_per_day's), and whether it is an estimate.
    std::optional<double> waste_moved_t_per_day;
    bool waste_moved_estimated = false;
    /// Methane of the old and new record by the model, only for no_longer_inadequate sites.
    std::optional<double> ch4_old_t_per_year;
    std::optional<double> ch4_new_t_per_year;

    /// The new record's country and id when there is a new record, else the old one's.
    const std::string& country_iso3() const noexcept;
    const std::string& site_id() const noexcept;
};

/// Per-country counts. A paired site counts in its new record's country; old_sites counts old
/// records by their old country, new_sites new records by their new country.
struct CountryProgress {
    std::string country_iso3;  ///< "all" for the total
    std::int64_t old_sites = 0;
    std::int64_t new_sites = 0;
    std::int64_t closed = 0;
    std::int64_t remediated = 0;
    std::int64_t reclassified = 0;
    std::int64_t attributes_changed = 0;
    std::int64_t unchanged = 0;
    std::int64_t newly_found = 0;
    std::int64_t gone_unexplained = 0;
    std::int64_t removed_after_closure = 0;
    std::int64_t matched_by_location = 0;
    std::int64_t no_longer_inadequate_sites = 0;
    /// Sum of the OLD records' waste_t_per_day over no_longer_inadequate sites whose waste is known;
    /// std::nullopt when there are such sites and none has a known waste (unknown, not 0). Over no
    /// such sites it is a true 0.
    std::optional<double> waste_no_longer_inadequate_t_per_day = 0.0;
    std::int64_t waste_unknown_sites = 0;  ///< no_longer_inadequate sites with unknown waste
    std::int64_t waste_estimated_sites = 0;  ///< no_longer_inadequate sites whose waste is an estimate
    /// Sum of (old - new) CH4 over no_longer_inadequate sites the model knows both ways; std::nullopt
    /// when no model was given, or when there are such sites and the model knows none of them both
    /// ways (unknown, not 0). Over no such sites it is a true 0.
    std::optional<double> ch4_reduction_t_per_year;
    std::int64_t ch4_unknown_sites = 0;  ///< no_longer_inadequate sites the model could not evaluate
};

struct SnapshotDiff {
    std::vector<SiteChange> changes;         ///< sorted by country, then site_id(), then old id
    std::vector<CountryProgress> countries;  ///< sorted by ISO3 code
    CountryProgress total;                   ///< all countries
    bool with_ch4_model = false;             ///< DiffOptions::ch4_t_per_year was given
};

/// Compares two snapshots. Pairs records by site_id first, then the rest by location (same country
/// and site_type, within the tolerance of DiffOptions), one to one, greedily by increasing distance
/// with ties broken by old id then new id: the result does not depend on the order of the inputs.
/// Throws basural::input_error (naming the snapshot label, record number, field and value) for an
/// empty or duplicate site_id or a non-finite / out-of-range position, basural::usage_error for a
/// negative or non-finite tolerance.
SnapshotDiff compare_snapshots(const std::vector<Site>& old_sites, const std::vector<Site>& new_sites,
                               const DiffOptions& options = {});

/// The distance within which two records may be paired by location (see DiffOptions).
double location_match_tolerance_m(const Site& old_site, const Site& new_site, const DiffOptions& options) noexcept;

/// The per-country summary as one table named "countries" (one row per country, then "all").
ReportTable progress_summary_table(const SnapshotDiff& diff);

/// The site-level change list as a table named "changes" (one row per SiteChange).
ReportTable progress_changes_table(const SnapshotDiff& diff);

/// Writes progress_changes_table() as CSV to `path`, atomically.
void write_progress_changes_csv(const std::filesystem::path& path, const SnapshotDiff& diff);

}  // namespace basural

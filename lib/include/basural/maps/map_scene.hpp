#pragma once
/// \file map_scene.hpp
/// From an inventory (and optionally a regional plan and a priority ranking) to the MapScene of one
/// country that map.hpp draws: which sites, neighbours, facilities and catchments are shown, how they
/// are coloured and sized, what the title says and which sources the map must name.
/// Domain layer: the renderer (map.hpp) knows nothing of sites, plans or files; this is the glue.
/// Choices and their reasons: docs/cli/map.md and docs/methods/maps.md.

#include "basural/inventory/countries.hpp"
#include "basural/maps/map.hpp"
#include "basural/planning/plan.hpp"
#include "basural/inventory/site.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// --color-by cluster without a plan: DBSCAN per country (cluster.hpp) with these parameters.
/// 30 km is a common haul limit for direct transport to a regional landfill without a transfer
/// station; 3 sites is the smallest group worth a shared facility (a pair is just two neighbours).
inline constexpr double MAP_CLUSTER_EPS_M = 30'000.0;
inline constexpr std::size_t MAP_CLUSTER_MIN_POINTS = 3;

/// Priority scores per site_id from a ranking CSV (as `basural prioritize` writes it): the columns
/// `site_id` and `score` (other columns ignored), read through GDAL. A score must be a number in
/// [0, 1] (1 = close first). Throws basural::input_error naming the file, record, field and value
/// for a missing column, an empty or repeated site_id, or a score that is not a number in [0, 1].
std::map<std::string, double> read_ranking(const std::string& path);

/// Non-LAC countries drawn grey around LAC maps (the shipped datasets/world_context.geojson):
/// features with the property `name` (and `iso_n3`) and Polygon or MultiPolygon geometries, in WGS84.
/// The returned MapCountry's iso3 holds the feature's iso_n3 (the file has no alpha-3 code).
/// Throws basural::input_error for an unreadable file or a feature without polygons.
std::vector<MapCountry> read_map_context(const std::string& path);

/// What a country map shows beyond the sites.
struct CountryMapOptions {
    ColourBy colour_by = ColourBy::type;
    /// A regional plan: its facilities (proposed: stars; existing: squares) and catchments in the
    /// country, the inventory's active sanitary landfills not in the plan as existing squares, and,
    /// under ColourBy::cluster, each site's facility as its cluster. Not owned; may be null.
    const RegionalPlan* plan = nullptr;
    /// site_id -> priority score in [0, 1]; needed for ColourBy::priority (sites without a score are
    /// drawn grey, "Not scored"). Not owned; may be null.
    const std::map<std::string, double>* priority_scores = nullptr;
    /// site_id -> cluster label; when given, ColourBy::cluster uses it (sites without one are
    /// "Unassigned") instead of the plan's facilities or DBSCAN. Not owned; may be null.
    const std::map<std::string, std::string>* cluster_labels = nullptr;
    /// DBSCAN parameters when clusters come from neither cluster_labels nor a plan.
    double cluster_eps_m = MAP_CLUSTER_EPS_M;
    std::size_t cluster_min_points = MAP_CLUSTER_MIN_POINTS;
    /// Non-LAC context countries (read_map_context); those near the country are drawn grey.
    /// Not owned; may be null.
    const std::vector<MapCountry>* context = nullptr;
};

/// The scene of one country's map:
/// - focus: the country's polygons from `countries`, named by lac_countries() (or the file's name);
/// - neighbours: every other country of `countries` and of options.context whose bounding box meets
///   the country's bounding box widened on each side by its larger side plus 1 degree (the renderer
///   clips them to the frame);
/// - points: the sites of `sites` whose country_iso3 is `iso3`, in input order, coloured by
///   options.colour_by, sized by waste_t_per_day, hollow when estimated (provenance, location
///   precision or waste provenance `estimated`), with every schema field in the popup;
/// - title "<Country>: disposal sites", a subtitle with counts (or a note that the inventory has no
///   site there), and attribution lines naming every source shown (see docs/cli/map.md).
/// Throws basural::usage_error when `iso3` is not in `countries`, or for ColourBy::priority without
/// priority_scores.
MapScene build_country_scene(const std::vector<Site>& sites, const CountryBoundaries& countries,
                             std::string_view iso3, const CountryMapOptions& options = {});

/// The countries `basural map --all` draws: those of `countries` with at least one site, sorted.
std::vector<std::string> countries_with_sites(const std::vector<Site>& sites, const CountryBoundaries& countries);

/// True when a site's location or size comes from a model rather than an observation.
bool site_is_estimated(const Site& s) noexcept;

/// The popup rows of a site: every schema column (site_schema_columns() order) with its value as
/// text; unknown values read "unknown".
std::vector<std::pair<std::string, std::string>> site_popup_properties(const Site& s);

}  // namespace basural

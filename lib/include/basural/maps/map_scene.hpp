#pragma once
/// \file map_scene.hpp
/// From an inventory (and optionally a regional plan, a priority ranking, the country's states and its
/// towns) to the MapScene of one country or one state that map.hpp draws: which sites, neighbours,
/// facilities and catchments are shown, how they are coloured and sized, what the title says, what
/// a popup tells about a site, and which sources the map must name, in the reader's language.
/// Domain layer: the renderer (map.hpp) knows nothing of sites, plans or files; this is the glue.
/// Choices and their reasons: docs/cli/map.md and docs/methods/maps.md.

#include "basural/base/locale.hpp"
#include "basural/inventory/countries.hpp"
#include "basural/inventory/places.hpp"
#include "basural/inventory/site.hpp"
#include "basural/maps/map.hpp"
#include "basural/planning/plan.hpp"

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

/// Towns the scene offers the renderer to label, largest first (it writes those that fit).
inline constexpr std::size_t MAP_PLACE_CANDIDATES = 60;

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

/// First-level units (states, provinces, departments) from a polygon layer such as the shipped
/// datasets/lac_admin1.geojson: the properties `iso3` and `name` (required), `admin1_code` (the code
/// sites carry, e.g. IBGE's "35" or INEGI's "15") and `admin1_id` (unique; default iso3-code), in
/// WGS84. Throws basural::input_error naming the file, record and field for a unit without iso3 or
/// name, a repeated admin1_id, or a feature without polygons.
std::vector<MapRegion> read_admin1_regions(const std::string& path);

/// What a country map shows beyond the sites, and in which language.
struct CountryMapOptions {
    ColourBy colour_by = ColourBy::type;
    /// The reader's language: title, subtitle, legend, popups and sources.
    Locale locale;
    /// The title instead of "<Country>: disposal sites" (or "<State>, <Country>: ...").
    std::string title;
    /// A regional plan: its facilities in the country (proposed: stars; existing: filled squares) and
    /// catchments, the inventory's active sanitary landfills it does not use (open squares), each
    /// site's facility and haul in its popup, its t/day as the plan used it, and, under
    /// ColourBy::cluster, each site's facility as its cluster. Not owned; may be null.
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
    /// First-level units of any countries (read_admin1_regions): the country's are drawn, with names.
    /// Not owned; may be null.
    const std::vector<MapRegion>* admin1 = nullptr;
    /// What the sources line says about admin1 (e.g. "Natural Earth admin-1 v4.1.0, generalized").
    std::string admin1_source;
    /// Zoom to one state: its name (accents and case do not matter), admin1_code or admin1_id. Only
    /// its sites are shown, and the facilities and catchments that serve them. Needs admin1.
    std::string zoom_admin1;
    /// Towns (load_places); the country's largest are offered for labels. Not owned; may be null.
    const std::vector<Place>* places = nullptr;
};

/// The scene of one country's map (or one state's, with options.zoom_admin1):
/// - focus: the country's polygons from `countries`, named in the reader's language;
/// - neighbours: every other country of `countries` and of options.context whose bounding box meets
///   the country's bounding box widened on each side by its larger side plus 1 degree (the renderer
///   clips them to the frame);
/// - admin1, places: the country's states and its largest towns;
/// - points: the sites of `sites` whose country_iso3 is `iso3` (and, zoomed, that lie in the state:
///   by admin1_code, admin1_name, or their location when they have neither), in input order, coloured
///   by options.colour_by, sized by waste_t_per_day (the plan's when a plan is given), hollow when
///   estimated; a popup with what the plan says about the site;
/// - title, a subtitle with counts (the plan's own counts of facilities), and attribution lines
///   naming every source shown (see docs/cli/map.md).
/// Throws basural::usage_error when `iso3` is not in `countries`, for ColourBy::priority without
/// priority_scores, or for a zoom_admin1 that names no state of the country (the message lists them).
MapScene build_country_scene(const std::vector<Site>& sites, const CountryBoundaries& countries,
                             std::string_view iso3, const CountryMapOptions& options = {});

/// The countries `basural map --all` draws: those of `countries` with at least one site, sorted.
std::vector<std::string> countries_with_sites(const std::vector<Site>& sites, const CountryBoundaries& countries);

/// The state of `regions` (of country `iso3`) that `name_or_code` names: by admin1_id, admin1_code or
/// name (compared without accents or case); nullptr when none does.
const MapRegion* find_admin1(const std::vector<MapRegion>& regions, std::string_view iso3,
                             std::string_view name_or_code);

}  // namespace basural

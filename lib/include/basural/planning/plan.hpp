#pragma once
/// \file plan.hpp
/// A regional landfill plan as `basural regionalize` writes it and `coverage`, `prioritize` and
/// `map` read it: a GeoPackage (or PostGIS schema) with the layers
///   facilities   (Point)        one row per regional facility, proposed or existing
///   assignments  (Point)        one row per site served: site -> facility, haul km
///   catchments   (MultiPolygon) one row per facility: the area its sites come from
///   unserved     (Point)        sites left needing a local solution, with the reason
///   unused_landfills (Point)    existing sanitary landfills the plan does not use, with the reason
///   summary      (no geometry)  one row per country (and per part when solved per admin-1)
///   parameters   (no geometry)  the options the plan was made with (name, value)
/// Column names and units: docs/cli/regionalize.md.

#include "basural/base/report_table.hpp"
#include "basural/inventory/site.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace basural {

/// Default maximum direct haul, km: of a dump to its regional facility in a plan, and of a dump to an
/// existing landfill "within reach" in coverage (docs/methods/regionalization.md, "Defaults"). Defined
/// here, where both regionalize.hpp and coverage.hpp see it, so the two cannot drift apart.
inline constexpr double DEFAULT_MAX_HAUL_KM = 50.0;

struct PlanFacility {
    std::string facility_id;            ///< "<ISO3>-F<nnn>", stable for the same input
    std::string country_iso3;
    std::string admin1_code;            ///< "" unless solved per admin-1
    bool existing = false;              ///< an existing sanitary landfill reused, not a new one
    std::string site_id;                ///< the inventory site it stands at ("" for another candidate)
    std::string name;
    LonLat location;
    double waste_t_per_day = 0.0;       ///< total assigned
    std::size_t sites_served = 0;
    std::vector<std::string> municipality_codes;  ///< served municipalities (sorted, unique; known codes only)
    double mean_haul_km = 0.0;          ///< waste-weighted mean haul of its sites
    double max_haul_km = 0.0;
    std::optional<double> capacity_t_per_day;
    std::optional<double> cost_per_year;   ///< cost model, when asked (currency units per year)
    /// How well its site's location is known (absent when read from a plan written before it was kept).
    std::optional<LocationPrecision> location_precision;
    /// The part of waste_t_per_day whose tonnage is estimated, not observed (absent likewise).
    std::optional<double> waste_t_per_day_estimated;
    /// Served sites whose tonnage is unknown (their group was planned by site count); when every
    /// served site's is, waste_t_per_day is unknown (written empty), not 0.
    std::size_t sites_waste_unknown = 0;
    /// The part of waste_t_per_day resting on implausible estimates (fill_waste): the load is in
    /// doubt when this is above 0.
    double waste_t_per_day_implausible = 0.0;
};

struct PlanAssignment {
    std::string site_id;
    std::string country_iso3;
    std::string municipality_code;
    std::string facility_id;
    LonLat location;                    ///< the site's
    double haul_km = 0.0;
    std::optional<double> waste_t_per_day;
    std::optional<double> cost_share_per_year;  ///< this site's pro-rata share of its facility's cost
    std::optional<Provenance> waste_provenance;            ///< of waste_t_per_day, as in the inventory (or estimated)
    std::optional<LocationPrecision> location_precision;   ///< of the site's location
    bool waste_implausible = false;     ///< waste_t_per_day is an implausible estimate (fill_waste)
};

struct PlanUnserved {
    std::string site_id;
    std::string country_iso3;
    std::string municipality_code;
    LonLat location;
    std::string reason;                 ///< e.g. "no_candidate_within_cutoff", "below_min_throughput"
    std::optional<double> waste_t_per_day;
    std::optional<Provenance> waste_provenance;            ///< of waste_t_per_day, as in the inventory (or estimated)
    std::optional<LocationPrecision> location_precision;   ///< of the site's location
    bool waste_implausible = false;     ///< waste_t_per_day is an implausible estimate (fill_waste)
};

/// An existing sanitary landfill (is_existing_landfill) of a planned country that the plan does not
/// use, and why: "no_dump_within_reach" (no receiving dump of its group within the haul, on its
/// landmass) or "not_chosen" (dumps are within reach but other facilities serve them better;
/// --reuse-existing makes every existing landfill a facility).
struct PlanUnusedLandfill {
    std::string site_id;
    std::string country_iso3;
    std::string name;
    LonLat location;
    std::string reason;
    /// Haul to the nearest receiving dump of its group that it could serve (km, or the matrix's unit);
    /// absent when none is within reach.
    std::optional<double> nearest_dump_haul_km;
};

struct PlanCatchment {
    std::string facility_id;
    std::string country_iso3;
    std::vector<std::vector<std::vector<LonLat>>> polygons;  ///< polygons -> rings (exterior first)
};

struct PlanCountrySummary {
    std::string country_iso3;
    std::string part;                   ///< "" for the whole country, else the admin-1 code solved on its own
    std::size_t demand_sites = 0;       ///< inadequate active sites to be served
    std::size_t sites_served = 0;
    std::size_t sites_unserved = 0;
    std::size_t facilities_proposed = 0;
    std::size_t facilities_existing = 0;  ///< existing sanitary landfills reused
    double waste_t_per_day = 0.0;       ///< of the demand sites
    double waste_t_per_day_served = 0.0;
    double mean_haul_km = 0.0;          ///< waste-weighted, over served sites
    double max_haul_km = 0.0;
    double objective = 0.0;             ///< the location model's objective (t/day x km)
    double lower_bound = 0.0;
    double gap = 0.0;                   ///< (objective - lower_bound) / objective
    /// The part of waste_t_per_day whose tonnage is estimated (absent when read from an older plan).
    std::optional<double> waste_t_per_day_estimated;
    /// No usable tonnage in the group (a demand site's is unknown): the location model weighed every
    /// dump 1 (site count) instead of its t/day; objective and lower bound are then in sites x km,
    /// mean_haul_km is per site, and the t/day figures (of the known tonnages only) are written
    /// empty when none is known.
    bool weighted_by_site_count = false;
    std::size_t demand_sites_waste_unknown = 0;
    /// Demand sites whose tonnage is an implausible estimate (fill_waste), and their t/day.
    std::size_t demand_sites_waste_implausible = 0;
    double waste_t_per_day_implausible = 0.0;
};

struct RegionalPlan {
    std::map<std::string, std::string> parameters;  ///< name -> value, as written in `parameters`
    std::vector<PlanFacility> facilities;
    std::vector<PlanAssignment> assignments;
    std::vector<PlanCatchment> catchments;
    std::vector<PlanUnserved> unserved;
    std::vector<PlanUnusedLandfill> unused_landfills;  ///< absent from plans written before (read empty)
    std::vector<PlanCountrySummary> summary;
};

/// Writes the plan's seven layers to a GeoPackage path or a `PG:` connection (one transaction),
/// atomically (VectorOutput). Rows are written in the order given.
void write_plan(const RegionalPlan& plan, const std::string& destination);

/// The type of a column of a plan layer, as written to the GeoPackage (text, integer, real).
enum class PlanColumnType { text, integer, real };

/// The geometry of a plan layer: points (WGS84 lon/lat), multipolygons, or none (a plain table).
enum class PlanGeometry { none, point, multipolygon };

/// One layer of a plan as write_plan writes it, held in memory: the same layer name, columns (in
/// order, with their type), values (empty cells are NULL) and geometries. For callers that hand a
/// plan to another library without a file (the Python module's GeoDataFrames).
struct PlanLayerTable {
    std::string name;
    std::vector<std::pair<std::string, PlanColumnType>> columns;
    std::vector<std::vector<ReportCell>> rows;  ///< one cell per column; integers as std::int64_t
    PlanGeometry geometry = PlanGeometry::none;
    std::vector<LonLat> points;                 ///< one per row when geometry is point
    std::vector<std::vector<std::vector<std::vector<LonLat>>>> polygons;  ///< one per row (multipolygon)
};

/// Every layer write_plan writes, in the order it writes them.
std::vector<PlanLayerTable> plan_layer_tables(const RegionalPlan& plan);

/// Reads a plan written by write_plan; throws basural::input_error naming the source, layer,
/// record and field when a layer or column is missing or a value is bad.
RegionalPlan read_plan(const std::string& source);

/// Checks that every site of the plan's assignments and unserved layers is a site of `sites` (the
/// plan was made from this inventory); throws basural::input_error naming `source`, the layer, the
/// record and the site_id otherwise.
void check_plan_sites(const RegionalPlan& plan, const std::vector<Site>& sites, const std::string& source);

}  // namespace basural

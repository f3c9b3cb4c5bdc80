#include "inventory_options.hpp"

#include "progress_bar.hpp"

#include "basural/reports/inventory_summary.hpp"

#include <ostream>

namespace basural::app {

void InventoryOptions::add_to(CLI::App& sub)
{
    sub.add_option("--layer", layer, "Layer to read when the source has several (GeoPackage, KML...)");
    sub.add_option("--crs", crs,
                   "CRS of the source's coordinates, e.g. EPSG:31983 (SIRGAS 2000 / UTM 23S); overrides the source's "
                   "own. Without it, lon/lat columns are WGS84 degrees and other sources must carry a CRS");
    sub.add_option("--map", map_path,
                   "Mapping file (JSON: \"fields\", \"values\", \"defaults\") from the source's columns and terms to "
                   "the schema; see docs/mapping.md");
    sub.add_option("--field", fields,
                   "schema_field=SOURCE_COLUMN: read a schema field from a column (repeatable; overrides --map)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false);  // one pair per --field, so a following positional stays positional
    sub.add_option("--default", defaults,
                   "schema_field=VALUE: value for a field the source lacks or leaves empty, e.g. country=BRA "
                   "(repeatable; overrides --map)")
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->allow_extra_args(false);
    sub.add_option("--encoding", encoding,
                   "Text encoding of a CSV or Shapefile without encoding metadata: UTF-8, LATIN1, ISO-8859-15 or "
                   "CP1252 (default: CSV text must be UTF-8; records that are not are rejected)");
    sub.add_option("--header", header,
                   "Spreadsheets (XLSX, ODS): yes, the first row names the columns; no, it is data; auto, GDAL's "
                   "guess, and a first row of text naming the mapped (or schema) columns is the header (default auto)")
        ->check(CLI::IsMember({"yes", "no", "auto"}));
    sub.add_option("--countries", countries_path,
                   "Country boundaries (GeoJSON with iso3) to check locations against (default: the shipped "
                   "datasets/lac_countries.geojson)");
    sub.add_flag("--no-country-check", no_country_check,
                 "Do not check that each site lies in its stated country (the code is still checked)");
    sub.add_option("--coastal-tolerance-m", coastal_tolerance_m,
                   "How far outside its country's boundary a site may lie, in metres, for coasts and borders "
                   "generalised at 1:10m (default 5000)")
        ->check(CLI::NonNegativeNumber);
    sub.add_option("--near-duplicate-m", near_duplicate_m,
                   "Sites of the same type closer than this (metres) are one site: the later record is merged into "
                   "the earlier or rejected (--near-duplicates); 0 disables (default 50)")
        ->check(CLI::NonNegativeNumber);
    sub.add_option("--near-duplicates", near_duplicates,
                   "merge: a near duplicate is the same site reported again (e.g. by another municipality) and is "
                   "merged into the earlier record, keeping every reporting municipality; reject: it is rejected "
                   "as entered twice (default merge)")
        ->check(CLI::IsMember({"merge", "reject"}));
}

LoadOptions InventoryOptions::load_options(Streams& io) const
{
    LoadOptions o;
    o.layer = layer;
    if (!crs.empty())
        o.source_crs = crs;
    if (!map_path.empty())
        o.mapping = load_field_mapping(map_path);
    for (const auto& f : fields)
        add_field_assignment(o.mapping, f);
    for (const auto& d : defaults)
        add_default_assignment(o.mapping, d);
    o.encoding = encoding;
    o.header = header == "yes" ? HeaderRow::yes : header == "no" ? HeaderRow::no : HeaderRow::automatic;
    o.check_countries = !no_country_check;
    o.countries_path = countries_path;
    o.coastal_tolerance_m = coastal_tolerance_m;
    o.near_duplicate_m = near_duplicate_m;
    o.near_duplicates = near_duplicates == "reject" ? NearDuplicates::reject : NearDuplicates::merge;
    o.progress = progress_bar(io);
    return o;
}

void print_load_diagnostics(const Inventory& inventory, Streams& io)
{
    for (const auto& n : inventory.notices)
        io.err << "note: " << n << "\n";
    for (const auto& w : unknown_warnings(unknown_shares(inventory.sites)))
        io.err << "warning: " << w << "\n";
}

}  // namespace basural::app

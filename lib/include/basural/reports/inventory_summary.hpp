#pragma once
/// \file inventory_summary.hpp
/// What `basural info` and `basural validate` report about an inventory, as report tables
/// (rendered as table, csv, json or md by report.hpp).

#include "basural/inventory/inventory.hpp"
#include "basural/base/report_table.hpp"

#include <string>
#include <vector>

namespace basural {

/// "records read R = loaded L + rejected J" for an inventory (prefixed with its source).
std::string records_line(const Inventory& inventory);

/// The tables of `basural info`:
///  - "records": source, records_read, loaded, rejected (one row).
///  - "countries": one row per country with sites (by iso3), then "LAC": sites; by site_type
///    (open_dump, controlled_dump, sanitary_landfill, other); by status (active, inactive, closing,
///    closed, remediated, status_unknown); by record provenance (observed, derived, estimated).
///  - "completeness": one row per schema field: the percentage of sites for which it is known, for
///    LAC and for each country. Known means: text not empty, number or yes/no given, status and
///    gas_capture not "unknown"; site_id, country, lon, lat, location_precision, site_type and
///    provenance always have a value.
std::vector<ReportTable> inventory_summary(const Inventory& inventory);

/// `basural validate`'s table "rejects_by_check": check, rejects, share_pct, first_record (the
/// record number of the first reject), one row per check that failed, in the documented check order.
ReportTable rejects_by_check(const std::vector<Reject>& rejects);

}  // namespace basural

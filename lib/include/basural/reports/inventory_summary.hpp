#pragma once
/// \file inventory_summary.hpp
/// What `basural info` and `basural validate` report about an inventory, as report tables
/// (rendered as table, csv, json or md by report.hpp).

#include "basural/base/locale.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/base/report_table.hpp"

#include <string>
#include <vector>

namespace basural {

/// "records read R = loaded L + rejected J" for an inventory (prefixed with its source);
/// "records read R = loaded L + merged M + rejected J" when records were merged into shared sites.
/// In the reader's language and number style (English and plain digits grouped by default):
/// "sitios.csv: registros leídos 25 862 = cargados 25 862 + rechazados 0".
std::string records_line(const Inventory& inventory, const Locale& locale = {});

/// How many sites leave unknown a field that drives results (status, tonnage, type): the one count
/// every command warns from (unknown_warnings).
struct UnknownShares {
    std::int64_t sites = 0;
    std::int64_t status_unknown = 0;   ///< status unknown
    std::int64_t tonnage_unknown = 0;  ///< waste_t_per_day not given
    std::int64_t type_other = 0;       ///< site_type other: not a dump or landfill of the schema
};

UnknownShares unknown_shares(const std::vector<Site>& sites);

/// Share above which a field is "mostly" unknown and warned about: 0.5.
inline constexpr double MOSTLY_UNKNOWN_SHARE = 0.5;

/// One sentence per field that is unknown for all sites or for more than MOSTLY_UNKNOWN_SHARE of
/// them, saying how many, what follows, and the option that fixes it (--field, --map, --default);
/// empty when none is (or there are no sites).
std::vector<std::string> unknown_warnings(const UnknownShares& shares);

/// The tables of `basural info`:
///  - "records": source, records_read, loaded, merged, rejected (one row).
///  - "countries": one row per country with sites (by iso3), then "LAC": sites; by site_type
///    (open_dump, controlled_dump, sanitary_landfill, other); by status (active, inactive, closing,
///    closed, remediated, status_unknown); by record provenance (observed, derived, estimated).
///  - "completeness": one row per schema field: the percentage of sites for which it is known, for
///    LAC and for each country. Known means: text not empty, number or yes/no given, status and
///    gas_capture not "unknown", the lists derived_fields and reporting_municipalities not empty;
///    site_id, country, lon, lat, location_precision, site_type and provenance always have a value.
std::vector<ReportTable> inventory_summary(const Inventory& inventory);

/// `basural validate`'s table "rejects_by_check": check, rejects, share_pct, first_record (the
/// record number of the first reject), one row per check that failed, in the documented check order.
ReportTable rejects_by_check(const std::vector<Reject>& rejects);

}  // namespace basural

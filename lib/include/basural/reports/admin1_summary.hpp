#pragma once
/// \file admin1_summary.hpp
/// `basural info --by admin1`: an inventory's sites per first-level unit (state, province, department),
/// each country's units adding up to the country.

#include "basural/base/report_table.hpp"
#include "basural/inventory/admin1.hpp"
#include "basural/inventory/site.hpp"

#include <vector>

namespace basural {

/// The table "admin1": for each country (by ISO3) one row per unit (by code; units the inventory names
/// by name only after them; the unknown unit last), then the country's row (admin1 "all"), then the
/// LAC row. Columns: country, admin1 (code, "unknown", "all"), admin1_name, sites, open_dump,
/// controlled_dump, sanitary_landfill, other, active, inactive, closing, closed, remediated,
/// status_unknown, admin1_derived (sites whose unit was found from their location).
/// `units` is index-aligned with `sites` (site_admin1); throws usage_error otherwise.
ReportTable inventory_by_admin1(const std::vector<Site>& sites, const std::vector<Admin1Key>& units);

}  // namespace basural

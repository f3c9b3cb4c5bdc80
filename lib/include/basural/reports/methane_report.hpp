#pragma once
/// \file methane_report.hpp
/// The tables `basural methane` writes: one row per site with every input of its estimate, and one
/// row per country with the LAC total. Columns: docs/cli/methane.md.

#include "basural/reports/methane.hpp"
#include "basural/base/report_table.hpp"
#include "basural/inventory/site.hpp"

#include <optional>
#include <string>
#include <vector>

namespace basural {

/// One row per site (index-aligned `sites` and `estimates`, as estimate_methane returns them), named
/// "sites", with lon/lat columns; waste_implausible says "yes" where `implausible` (index-aligned,
/// fill_waste's flags; empty = none) flags the site's tonnage.
ReportTable methane_site_table(const std::vector<Site>& sites, const std::vector<SiteMethane>& estimates,
                               const std::vector<char>& implausible = {});

/// Why a methane result is empty or unknown (no site; the estimate of every site unknown, with the
/// most common reason), naming the fix; std::nullopt otherwise. A command printing it exits 1.
std::optional<std::string> methane_empty_reason(const std::vector<SiteMethane>& estimates);

/// One row per country (methane_by_country) then "LAC" (methane_total), named "countries". An unknown
/// total (every site of the row unknown) is an empty cell; sites_unknown counts what a total leaves out.
ReportTable methane_country_table(const std::vector<SiteMethane>& estimates, int reporting_year, double gwp100_ch4);

}  // namespace basural

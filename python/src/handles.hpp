#pragma once
// The library objects a Python session holds between calls: a loaded inventory (with the country
// boundaries it was checked against, reused by regionalize and map) and a regional plan.

#include "bindings.hpp"

#include "basural/inventory/countries.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/planning/plan.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace basural::python {

/// An inventory as read_inventory loaded it.
struct InventoryHandle {
    Inventory inventory;
    /// The boundaries the sites were checked against (the shipped ones unless `countries` was
    /// given). CountryBoundaries is not safe to query from two threads at once: hold `lock`.
    std::shared_ptr<const CountryBoundaries> countries;
    std::shared_ptr<std::mutex> lock = std::make_shared<std::mutex>();
};

/// A regional plan (regionalize's result or a plan read from a file).
struct PlanHandle {
    RegionalPlan plan;
    /// Of a plan solved per admin-1 by regionalize: each part's name (part_names), printed by the
    /// summary as the command prints it. Empty otherwise (and for a plan read from a file).
    std::map<std::string, std::string> part_names;
    bool per_admin1 = false;
    /// The lines the command prints under "warning: results rest on unknowns" (analysis_warnings);
    /// empty for a plan read from a file.
    std::vector<std::string> warnings;
};

/// The warnings an analysis command prints under "results rest on unknowns": the fields mostly
/// unknown in the inventory as loaded, then the tonnage fill's (waste_fill_warnings).
std::vector<std::string> analysis_warnings(const Inventory& loaded, const WasteEstimateResult& waste);

/// The sites' columns in site_schema_columns() order, valued as write_inventory writes them
/// (inventory.cpp).
py::list site_column_list(const std::vector<Site>& sites);

/// The shipped dataset `file_name` when `path` is empty, else `path`.
std::string dataset_or(const std::string& path, std::string_view file_name);

}  // namespace basural::python

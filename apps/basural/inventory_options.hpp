#pragma once
/// \file inventory_options.hpp
/// The loading options shared by every command that reads an inventory (info, validate, import):
/// declared once here so their names, defaults and help read the same everywhere.

#include "command.hpp"

#include "basural/inventory/inventory.hpp"

#include <string>
#include <vector>

namespace basural::app {

struct InventoryOptions {
    std::string layer;
    std::string crs;
    std::string map_path;
    std::vector<std::string> fields;
    std::vector<std::string> defaults;
    std::string encoding;
    std::string countries_path;
    bool no_country_check = false;
    double coastal_tolerance_m = DEFAULT_COASTAL_TOLERANCE_M;
    double near_duplicate_m = DEFAULT_NEAR_DUPLICATE_M;
    std::string near_duplicates = "merge";
    std::string header = "auto";

    /// Declares --layer, --crs, --map, --field, --default, --encoding, --countries,
    /// --no-country-check, --coastal-tolerance-m, --near-duplicate-m and --near-duplicates on `sub`.
    void add_to(CLI::App& sub);

    /// The LoadOptions these options mean (reads the --map file; throws input_error/usage_error).
    LoadOptions load_options(Streams& io) const;
};

/// Prints what the loader decided on its own ("note: ...") and a warning for each field that
/// drives results and is mostly unknown ("warning: ..."), on stderr.
void print_load_diagnostics(const Inventory& inventory, Streams& io);

}  // namespace basural::app

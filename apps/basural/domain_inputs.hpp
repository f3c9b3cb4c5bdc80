#pragma once
/// \file domain_inputs.hpp
/// What coverage, methane and prioritize read besides the inventory: the populated places and the
/// country waste figures that fill unknown tonnage (docs/methods/waste_estimate.md), and the
/// reporting year. Declared once so the three commands read the same.

#include "command.hpp"
#include "inventory_options.hpp"

#include "basural/reports/coverage.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/inventory/places.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace basural::app {

/// The inputs of a domain command, loaded.
struct DomainData {
    Inventory inventory;            ///< as loaded (its sites before the tonnage was filled)
    WasteEstimateResult waste;      ///< the sites with unknown tonnage estimated
    std::vector<Place> places;
};

struct DomainInputs {
    std::string inventory;
    InventoryOptions load;
    std::string places_path;
    std::string country_waste_path;
    double waste_radius_km = 50.0;
    int year = DEFAULT_REPORTING_YEAR;

    /// Declares INVENTORY, the loading options, --places, --country-waste, --waste-radius-km and --year.
    void add_to(CLI::App& sub);

    /// Loads the inventory (default: the shipped one), the places and country figures (default: the
    /// shipped ones) and fills unknown tonnage with estimate_waste.
    /// `boundaries`, when given, are the country boundaries already loaded (not read again).
    DomainData load_and_fill(Streams& io, const CountryBoundaries* boundaries = nullptr) const;
    /// The places file: --places, else the shipped one.
    std::filesystem::path places() const;
    /// The country waste figures: --country-waste, else the shipped ones.
    std::filesystem::path country_waste() const;
};

}  // namespace basural::app

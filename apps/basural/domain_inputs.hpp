#pragma once
/// \file domain_inputs.hpp
/// What the analysis commands read besides the inventory: the populated places and the country waste
/// figures that fill unknown tonnage (fill_waste, docs/methods/waste_estimate.md), and the reporting
/// year. Declared once so that coverage, methane, prioritize, regionalize and progress read the same
/// and fill tonnage by the same rule.

#include "command.hpp"
#include "inventory_options.hpp"

#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/inventory/places.hpp"
#include "basural/planning/waste_estimate.hpp"
#include "basural/reports/coverage.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace basural::app {

/// --places, --country-waste and --waste-radius-km: the inputs of fill_waste.
struct WasteInputs {
    std::string places_path;
    std::string country_waste_path;
    double waste_radius_km = 50.0;
    bool from_places = true;  ///< false: only the country median fills unknown tonnage

    void add_to(CLI::App& sub);
    /// The places file: --places, else the shipped one.
    std::filesystem::path places_file() const;
    /// The country waste figures: --country-waste, else the shipped ones.
    std::filesystem::path country_waste_file() const;
    /// The places (default: the shipped ones).
    std::vector<Place> load_places() const;
    /// fill_waste over `sites` with the country figures (default: the shipped ones).
    WasteEstimateResult fill(const std::vector<Site>& sites, const std::vector<Place>& places) const;
};

/// The inputs of a domain command, loaded.
struct DomainData {
    Inventory inventory;            ///< as loaded (its sites before the tonnage was filled)
    WasteEstimateResult waste;      ///< the sites with unknown tonnage filled (fill_waste)
    std::vector<Place> places;
};

struct DomainInputs {
    std::string inventory;
    InventoryOptions load;
    WasteInputs waste;
    int year = DEFAULT_REPORTING_YEAR;

    /// Declares INVENTORY, the loading options, the WasteInputs options and --year.
    void add_to(CLI::App& sub);

    /// Loads the inventory (default: the shipped one), the places and country figures (default: the
    /// shipped ones) and fills unknown tonnage with fill_waste.
    /// `boundaries`, when given, are the country boundaries already loaded (not read again).
    DomainData load_and_fill(Streams& io, const CountryBoundaries* boundaries = nullptr) const;
    /// The places file: --places, else the shipped one.
    std::filesystem::path places() const { return waste.places_file(); }
    /// The country waste figures: --country-waste, else the shipped ones.
    std::filesystem::path country_waste() const { return waste.country_waste_file(); }
};

/// Prints the warning block of an analysis command to `err`: one line per field that is entirely or
/// mostly unknown in the inventory as loaded (unknown_warnings), then the command's own lines; nothing
/// when there is nothing to say. Returns whether anything was printed.
bool print_warnings(Streams& io, const std::string& command, const std::vector<Site>& loaded,
                    const std::vector<std::string>& more = {});

/// Prints lines of text for people, each wrapped at TERMINAL_WIDTH (terminal_table.hpp) on blanks,
/// with `indent` before the first line of each and two more blanks before its continuations.
void print_lines(std::ostream& out, const std::vector<std::string>& lines, const std::string& indent = "");

}  // namespace basural::app

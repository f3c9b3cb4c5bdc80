#include "domain_inputs.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/locale.hpp"
#include "basural/base/terminal_table.hpp"
#include "basural/reports/inventory_summary.hpp"

#include <cstdio>
#include <ostream>
#include <sstream>

namespace basural::app {

void WasteInputs::add_to(CLI::App& sub)
{
    sub.add_option("--places", places_path,
                   "Populated places used to estimate unknown tonnage (and count people near dumps) "
                   "(default: the shipped datasets/lac_places.csv)");
    sub.add_option("--country-waste", country_waste_path,
                   "Per-country waste generation and collection figures (default: the shipped "
                   "datasets/lac_country_waste.csv)");
    sub.add_option("--waste-radius-km", waste_radius_km,
                   "A town is served by the nearest receiving site of its country within this distance when "
                   "tonnage is estimated (default 50; docs/methods/waste_estimate.md)")
        ->check(CLI::PositiveNumber);
}

std::filesystem::path WasteInputs::places_file() const
{
    return given_or_shipped(places_path, SHIPPED_PLACES);
}

std::filesystem::path WasteInputs::country_waste_file() const
{
    return given_or_shipped(country_waste_path, SHIPPED_COUNTRY_WASTE);
}

std::vector<Place> WasteInputs::load_places() const
{
    return basural::load_places(places_file());
}

WasteEstimateResult WasteInputs::fill(const std::vector<Site>& sites, const std::vector<Place>& places) const
{
    const auto countries = load_country_waste(country_waste_file());
    WasteFillParams p;
    p.estimate.max_distance_m = waste_radius_km * 1000.0;
    p.from_places = from_places;
    return fill_waste(sites, places, countries, p);
}

void DomainInputs::add_to(CLI::App& sub)
{
    sub.add_option("inventory", inventory,
                   "Inventory: any vector source GDAL reads (default: the shipped datasets/lac_sites.csv)");
    load.add_to(sub);
    waste.add_to(sub);
    sub.add_option("--year", year, "Reporting year of the methane estimate (default 2024)")
        ->check(CLI::Range(1900, 2200));
}


DomainData DomainInputs::load_and_fill(Streams& io, const CountryBoundaries* boundaries) const
{
    const std::string path = given_or_shipped(inventory, SHIPPED_INVENTORY);
    DomainData d;
    auto options = load.load_options(io);
    options.countries = boundaries;
    d.inventory = load_inventory(path, options);
    d.places = waste.load_places();
    d.waste = waste.fill(d.inventory.sites, d.places);
    return d;
}

void print_lines(std::ostream& out, const std::vector<std::string>& lines, const std::string& indent)
{
    for (const auto& line : lines) {
        std::string current = indent;
        const std::string more = indent + "  ";
        std::istringstream words(line);
        bool first_word = true;
        for (std::string w; words >> w;) {
            if (!first_word && display_width(current) + 1 + display_width(w) > TERMINAL_WIDTH) {
                out << current << "\n";
                current = more;
                first_word = true;
            }
            current += (first_word ? "" : " ") + w;
            first_word = false;
        }
        out << current << "\n";
    }
}

bool print_warnings(Streams& io, const std::string& command, const std::vector<Site>& loaded,
                    const std::vector<std::string>& more)
{
    std::vector<std::string> lines = unknown_warnings(unknown_shares(loaded));
    lines.insert(lines.end(), more.begin(), more.end());
    if (lines.empty())
        return false;
    io.err << "basural " << command << ": warning: results rest on unknowns:\n";
    for (auto& l : lines)
        l = "- " + l;
    print_lines(io.err, lines, "  ");
    return true;
}

}  // namespace basural::app

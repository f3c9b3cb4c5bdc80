#include "domain_inputs.hpp"

#include "basural/inventory/country_waste.hpp"
#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/inventory/places.hpp"

namespace basural::app {

void DomainInputs::add_to(CLI::App& sub)
{
    sub.add_option("inventory", inventory,
                   "Inventory: any vector source GDAL reads (default: the shipped datasets/lac_sites.csv)");
    load.add_to(sub);
    sub.add_option("--places", places_path,
                   "Populated places used to estimate unknown tonnage and count people near dumps "
                   "(default: the shipped datasets/lac_places.csv)");
    sub.add_option("--country-waste", country_waste_path,
                   "Per-country waste generation and collection figures (default: the shipped "
                   "datasets/lac_country_waste.csv)");
    sub.add_option("--waste-radius-km", waste_radius_km,
                   "A town is served by the nearest receiving site of its country within this distance when "
                   "tonnage is estimated (default 50; docs/methods/waste_estimate.md)")
        ->check(CLI::PositiveNumber);
    sub.add_option("--year", year, "Reporting year of the methane estimate (default 2024)")
        ->check(CLI::Range(1900, 2200));
}

std::filesystem::path DomainInputs::places() const
{
    return given_or_shipped(places_path, SHIPPED_PLACES);
}

std::filesystem::path DomainInputs::country_waste() const
{
    return given_or_shipped(country_waste_path, SHIPPED_COUNTRY_WASTE);
}

DomainData DomainInputs::load_and_fill(Streams& io, const CountryBoundaries* boundaries) const
{
    const std::string path = given_or_shipped(inventory, SHIPPED_INVENTORY);
    DomainData d;
    auto options = load.load_options(io);
    options.countries = boundaries;
    d.inventory = load_inventory(path, options);
    d.places = load_places(places());
    const auto countries = load_country_waste(country_waste());
    WasteEstimateParams wp;
    wp.max_distance_m = waste_radius_km * 1000.0;
    d.waste = fill_waste(d.inventory.sites, d.places, countries, wp);
    return d;
}

}  // namespace basural::app

// A downstream program using the installed basural library.
#include <basural/geo/geodesy.hpp>
#include <basural/inventory/site.hpp>

#include <iostream>

int main()
{
    const basural::LonLat brasilia{-47.8825, -15.7942};
    const basural::LonLat sao_paulo{-46.6333, -23.5505};
    std::cout << "distance_m=" << basural::geodesic_distance_m(brasilia, sao_paulo) << " "
              << basural::to_string(basural::SiteType::open_dump) << "\n";
    return 0;
}

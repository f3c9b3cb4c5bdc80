#include "admin1_input.hpp"

#include "basural/base/datasets.hpp"

namespace basural::app {

void Admin1Input::add_to(CLI::App& sub)
{
    sub.add_option("--admin1-boundaries", path,
                   "First-level units (GeoJSON or any vector file with iso3, admin1_code, name) giving states their "
                   "names and sites without admin1 their state by location (default: the shipped "
                   "datasets/lac_admin1.geojson)");
}

Admin1Boundaries Admin1Input::load() const
{
    return Admin1Boundaries(given_or_shipped(path, SHIPPED_ADMIN1));
}

}  // namespace basural::app

#include "basural/inventory/places.hpp"

#include "detail/attribute_table.hpp"

#include <set>

namespace basural {

const std::vector<std::string>& place_columns()
{
    static const std::vector<std::string> columns{"geonameid", "name",       "country", "feature_code",
                                                  "admin1_code", "population", "lon",     "lat"};
    return columns;
}

std::vector<Place> load_places(const std::filesystem::path& path)
{
    detail::AttributeTable table(path.string(), place_columns());
    std::vector<Place> places;
    std::set<std::string, std::less<>> ids;
    while (table.next()) {
        Place p;
        p.id = table.text("geonameid");
        if (p.id.empty())
            table.fail("geonameid", "", "is empty; every place needs its GeoNames id");
        if (!ids.insert(p.id).second)
            table.fail("geonameid", p.id, "appears twice");
        p.name = table.text("name");
        p.country_iso3 = table.iso3("country");
        p.feature_code = table.text("feature_code");
        p.admin1_code = table.text("admin1_code");
        p.population = table.count("population");
        const auto lon = table.number_in("lon", -180.0, 180.0);
        const auto lat = table.number_in("lat", -90.0, 90.0);
        if (!lon)
            table.fail("lon", "", "is empty; every place needs a position");
        if (!lat)
            table.fail("lat", "", "is empty; every place needs a position");
        p.location = {*lon, *lat};
        places.push_back(std::move(p));
    }
    return places;
}

}  // namespace basural

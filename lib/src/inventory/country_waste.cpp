#include "basural/inventory/country_waste.hpp"

#include "detail/attribute_table.hpp"

#include <limits>
#include <set>

namespace basural {
namespace {

constexpr double NO_MAX = std::numeric_limits<double>::max();

}  // namespace

const std::vector<std::string>& country_waste_columns()
{
    static const std::vector<std::string> columns{
        "iso3",
        "name",
        "population",
        "msw_t_per_year",
        "msw_kg_per_capita_day",
        "collection_coverage_pct",
        "open_dump_pct",
        "controlled_landfill_pct",
        "sanitary_landfill_pct",
        "landfill_unspecified_pct",
        "composition_food_organic_pct",
        "composition_paper_cardboard_pct",
        "composition_wood_pct",
        "composition_yard_garden_green_pct",
        "composition_plastic_pct",
        "composition_glass_pct",
        "composition_metal_pct",
        "composition_rubber_leather_pct",
        "composition_other_pct"};
    return columns;
}

std::vector<CountryWaste> load_country_waste(const std::filesystem::path& path)
{
    detail::AttributeTable table(path.string(), country_waste_columns());
    std::vector<CountryWaste> rows;
    std::set<std::string, std::less<>> seen;
    const auto pct = [&](const char* column) { return table.number_in(column, 0.0, 100.0); };
    while (table.next()) {
        CountryWaste c;
        c.iso3 = table.iso3("iso3");
        if (!seen.insert(c.iso3).second)
            table.fail("iso3", c.iso3, "appears twice");
        c.name = table.text("name");
        c.population = table.count("population");
        c.msw_t_per_year = table.number_in("msw_t_per_year", 0.0, NO_MAX);
        c.msw_kg_per_capita_day = table.number_in("msw_kg_per_capita_day", 0.0, NO_MAX);
        c.collection_coverage_pct = pct("collection_coverage_pct");
        c.open_dump_pct = pct("open_dump_pct");
        c.controlled_landfill_pct = pct("controlled_landfill_pct");
        c.sanitary_landfill_pct = pct("sanitary_landfill_pct");
        c.landfill_unspecified_pct = pct("landfill_unspecified_pct");
        c.composition_food_organic_pct = pct("composition_food_organic_pct");
        c.composition_paper_cardboard_pct = pct("composition_paper_cardboard_pct");
        c.composition_wood_pct = pct("composition_wood_pct");
        c.composition_yard_garden_green_pct = pct("composition_yard_garden_green_pct");
        c.composition_plastic_pct = pct("composition_plastic_pct");
        c.composition_glass_pct = pct("composition_glass_pct");
        c.composition_metal_pct = pct("composition_metal_pct");
        c.composition_rubber_leather_pct = pct("composition_rubber_leather_pct");
        c.composition_other_pct = pct("composition_other_pct");
        rows.push_back(std::move(c));
    }
    return rows;
}

std::optional<double> msw_kg_per_capita_day_of(const CountryWaste& c) noexcept
{
    if (c.msw_kg_per_capita_day)
        return c.msw_kg_per_capita_day;
    if (c.msw_t_per_year && c.population && *c.population > 0)
        return *c.msw_t_per_year * 1000.0 / 365.0 / static_cast<double>(*c.population);
    return std::nullopt;
}

}  // namespace basural

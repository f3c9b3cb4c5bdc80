// The shipped LAC inventory (datasets/lac_sites.csv): loads without a single reject and holds what
// datasets/README.md promises, checked against the published figures it traces to.
#include "basural/inventory/countries.hpp"
#include "basural/inventory/inventory.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <set>

using namespace basural;

TEST_CASE("the shipped inventory loads with no rejects and covers the region", "[shipped]")
{
    const Inventory inv = load_shipped_inventory();
    CHECK(inv.rejects.empty());
    CHECK(inv.records_read == static_cast<std::int64_t>(inv.sites.size()));
    CHECK(inv.sites.size() >= 14000);  // UNEP: "more than 14,000 inadequate disposal sites"

    std::size_t open_dumps = 0, brazil_active_lixoes = 0, brazil_estimated = 0;
    std::set<std::string> countries;
    for (const auto& s : inv.sites) {
        countries.insert(s.country_iso3);
        open_dumps += s.site_type == SiteType::open_dump;
        if (s.country_iso3 == "BRA") {
            brazil_active_lixoes += s.site_type == SiteType::open_dump && s.status == SiteStatus::active;
            brazil_estimated += s.provenance != Provenance::observed;
            CHECK(s.location_precision == LocationPrecision::municipal_seat);
        } else {
            // Outside Brazil every row is a model output and says so.
            CHECK(s.provenance == Provenance::estimated);
            CHECK(s.location_precision == LocationPrecision::estimated);
        }
    }
    CHECK(open_dumps >= 10000);  // UNEP: "of which more than 10,000 open dumps"
    // SNIS 2022: 1,572 lixões in operation (the published national figure).
    CHECK(brazil_active_lixoes == 1572);
    CHECK(brazil_estimated == 0);
    CHECK(countries.size() == lac_countries().size());
    CHECK(lac_countries().size() == 33);
}

// Density clusters of sites per country (cluster_sites), checked on hand-placed sites.
// Positions come from GeographicLib's GeodSolve (the direct problem from (lat 5, lon 5)):
//   echo "5 5 90 10000" | GeodSolve  -> 4.99999380 5.09017238   (10 km east)
//   echo "5 5 0 20000"  | GeodSolve  -> 5.18085960 5.00000000   (20 km north)
#include "basural/planning/site_clusters.hpp"
#include "support/builders.hpp"

#include <catch2/catch.hpp>

using namespace basural;

namespace {

Site site(const std::string& id, const std::string& iso3, double lon, double lat, double t_per_day)
{
    return test::make_site(id, iso3, {lon, lat}, SiteType::open_dump, SiteStatus::active, t_per_day);
}

}  // namespace

TEST_CASE("clusters of sites stay within their country", "[regionalize][cluster]")
{
    // Two sites 11 km apart across the AAA/BBB border, and three AAA sites 10 km apart.
    const std::vector<Site> sites{site("A1", "AAA", 9.95, 5.0, 1.0), site("B1", "BBB", 10.05, 5.0, 1.0),
                                  site("P", "AAA", 5.0, 5.0, 1.0), site("Q", "AAA", 5.09017238, 4.99999380, 2.0),
                                  site("R", "AAA", 5.0, 5.18085960, 3.0)};
    SiteClusterOptions o;
    o.eps_km = 12.0;
    o.min_points = 2;
    auto c = cluster_sites(sites, o);
    REQUIRE(c.clusters.size() == 1);  // P-Q within 10 km; R is 20 km from P and 22 km from Q
    CHECK(c.clusters[0].cluster_id == "AAA-C001");
    CHECK(c.clusters[0].summary.size == 2);
    for (std::size_t i = 0; i < c.sites.size(); ++i)
        if (c.sites[i].site_id == "A1" || c.sites[i].site_id == "B1" || c.sites[i].site_id == "R") {
            CHECK(c.label[i] == NOISE_LABEL);
            CHECK(c.cluster_id[i] == "noise");
        }
    o.cross_border = true;
    c = cluster_sites(sites, o);
    CHECK(c.clusters.size() == 2);
}

TEST_CASE("the cluster table has a row per cluster and the noise is counted", "[regionalize][cluster]")
{
    // P and Q 10 km apart (GeodSolve above) form one cluster of 1 + 2 t/day; A1, B1 and R are noise.
    const std::vector<Site> sites{site("A1", "AAA", 9.95, 5.0, 1.0), site("B1", "BBB", 10.05, 5.0, 1.0),
                                  site("P", "AAA", 5.0, 5.0, 1.0), site("Q", "AAA", 5.09017238, 4.99999380, 2.0),
                                  site("R", "AAA", 5.0, 5.18085960, 3.0)};
    SiteClusterOptions o;
    o.eps_km = 12.0;
    o.min_points = 2;
    const auto c = cluster_sites(sites, o);
    CHECK(noise_site_count(c) == 3);
    const ReportTable t = site_cluster_table(c);
    REQUIRE(t.columns.size() == 9);
    CHECK(t.columns[0].name == "cluster_id");
    CHECK(t.columns[8].name == "max_distance_from_centroid_km");
    REQUIRE(t.rows.size() == 1);
    const auto& row = t.rows[0];
    REQUIRE(row.size() == 9);
    CHECK(std::get<std::string>(row[0]) == "AAA-C001");
    CHECK(std::get<std::string>(row[1]) == "AAA");
    CHECK(std::get<std::int64_t>(row[2]) == 2);
    CHECK(std::get<std::int64_t>(row[3]) == 2);  // each within 12 km of the other: both core
    CHECK(std::get<double>(row[4]) == Approx(3.0));
    // The weighted centroid lies 2/3 of the way from P to Q: Q (weight 2) is nearest it, and P is
    // 10 km x 2/3 = 6.67 km away.
    CHECK(std::get<std::string>(row[7]) == "Q");
    CHECK(std::get<double>(row[8]) == Approx(20.0 / 3.0).epsilon(0.001));
}

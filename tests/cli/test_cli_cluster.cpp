// basural cluster end to end on tests/data/regionalize_sites.csv: BRA-A and BRA-B are 30 km apart
// (GeodSolve), BRA-X is 7.70 km from BRA-A and 25.26 km from BRA-B, URY-C and URY-U 21.4 km apart;
// BRA-F is 700 km from the rest.
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;

TEST_CASE("cluster --help lists the options and exits 0", "[cli][cluster]")
{
    const auto r = run_cli({"cluster", "--help"});
    CHECK(r.exit_code == 0);
    for (const char* opt : {"--method", "--eps-km", "--min-points", "--min-cluster-size", "--country",
                            "--cross-border", "--output", "--format"})
        CHECK(r.out.find(opt) != std::string::npos);
}

TEST_CASE("cluster labels every site and summarises clusters per country", "[cli][cluster]")
{
    const auto dir = scratch_dir("cluster_out");
    const auto out = (dir / "clusters.csv").string();
    const auto r = run_cli({"cluster", fixture("regionalize_sites.csv"), "--countries", fixture("countries_fixture.geojson"),
                            "--eps-km", "25", "--min-points", "2", "--format", "json", "-o", out});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("1 of 7 records were rejected") != std::string::npos);
    const auto j = nlohmann::json::parse(r.out);
    // eps 25 km: BRA-A and BRA-X (7.70 km) form a cluster, BRA-B (30 km from A, 25.26 km from X) is noise;
    // URY-C and URY-U (21.4 km) form another; BRA-F is noise.
    REQUIRE(j["clusters"].size() == 2);
    CHECK(j["clusters"][0]["cluster_id"] == "BRA-C001");
    CHECK(j["clusters"][0]["sites"] == 2);
    CHECK(j["clusters"][1]["cluster_id"] == "URY-C001");
    std::ifstream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("BRA-F") != std::string::npos);
    CHECK(text.find("noise") != std::string::npos);
    CHECK(text.find("URY-C001") != std::string::npos);
}

TEST_CASE("cluster refuses options that do not fit the method", "[cli][cluster]")
{
    auto r = run_cli({"cluster", fixture("regionalize_sites.csv"), "--method", "dbscan"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--eps-km") != std::string::npos);
    r = run_cli({"cluster", fixture("regionalize_sites.csv"), "--method", "kmeans"});
    CHECK(r.exit_code == 2);
}

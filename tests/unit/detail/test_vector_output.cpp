// Vector outputs: several layers in one GeoPackage, nothing visible before commit, single-layer formats.
#include "detail/vector_output.hpp"

#include "basural/base/error.hpp"
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using basural::detail::OutputField;
using basural::detail::VectorOutput;

namespace {
void add_point(VectorOutput& out, OGRLayer& layer, const char* id, double lon, double lat)
{
    OGRFeature f(layer.GetLayerDefn());
    f.SetField("id", id);
    OGRPoint pt(lon, lat);
    f.SetGeometry(&pt);
    out.write(layer, f);
}
}  // namespace

TEST_CASE("a GeoPackage output gets all its layers at commit and nothing before", "[vector_output]")
{
    const auto dir = basural::test::scratch_dir("vector_output_gpkg");
    const auto path = (dir / "plan.gpkg").string();
    {
        VectorOutput out(path);
        auto& a = out.create_layer("sites", wkbPoint, {{"id", OFTString}});
        add_point(out, a, "S1", -47.9, -15.8);
        add_point(out, a, "S2", -46.6, -23.5);
        auto& b = out.create_layer("summary", wkbNone, {{"id", OFTString}, {"n", OFTInteger}});
        OGRFeature f(b.GetLayerDefn());
        f.SetField("id", "BRA");
        f.SetField("n", 2);
        out.write(b, f);
        CHECK_FALSE(std::filesystem::exists(path));
        out.commit();
    }
    REQUIRE(std::filesystem::exists(path));
    auto ds = basural::detail::open_vector(path);
    REQUIRE(ds->GetLayerCount() == 2);
    OGRLayer* sites = ds->GetLayerByName("sites");
    REQUIRE(sites != nullptr);
    CHECK(sites->GetFeatureCount() == 2);
    OGRFeatureUniquePtr first(sites->GetNextFeature());
    const auto* pt = first->GetGeometryRef()->toPoint();
    CHECK(pt->getX() == -47.9);  // lon stays x
    CHECK(pt->getY() == -15.8);
    CHECK(ds->GetLayerByName("summary")->GetFeatureCount() == 1);
    // Only the output itself is left in the directory: no temporary files.
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}) == 1);
}

TEST_CASE("an output that is never committed leaves the old file untouched and no temporary", "[vector_output]")
{
    const auto dir = basural::test::scratch_dir("vector_output_abandon");
    const auto path = (dir / "old.gpkg").string();
    {
        VectorOutput out(path);
        auto& a = out.create_layer("sites", wkbPoint, {{"id", OFTString}});
        add_point(out, a, "OLD", 0, 0);
        out.commit();
    }
    const auto size_before = std::filesystem::file_size(path);
    try {
        VectorOutput out(path);
        auto& a = out.create_layer("sites", wkbPoint, {{"id", OFTString}});
        add_point(out, a, "NEW", 1, 1);
        throw std::runtime_error("simulated failure before commit");
    } catch (const std::runtime_error&) {
    }
    CHECK(std::filesystem::file_size(path) == size_before);
    auto ds = basural::detail::open_vector(path);
    OGRFeatureUniquePtr f(ds->GetLayer(0)->GetNextFeature());
    CHECK(std::string(f->GetFieldAsString("id")) == "OLD");
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}) == 1);
}

TEST_CASE("single-layer formats refuse a second layer; unknown extensions are usage errors", "[vector_output]")
{
    const auto dir = basural::test::scratch_dir("vector_output_single");
    VectorOutput out((dir / "sites.geojson").string());
    out.create_layer("sites", wkbPoint, {{"id", OFTString}});
    CHECK_THROWS_AS(out.create_layer("other", wkbPoint, {{"id", OFTString}}), basural::usage_error);
    CHECK_THROWS_AS(VectorOutput((dir / "sites.docx").string()), basural::usage_error);
}

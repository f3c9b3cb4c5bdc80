// Plans round-trip through a GeoPackage unchanged, and a file that is not a plan is refused by name.
#include "basural/base/error.hpp"
#include "basural/planning/plan.hpp"
#include "cli/run_cli.hpp"
#include "detail/gdal.hpp"

#include <catch2/catch.hpp>

using namespace basural;

namespace {

/// Two facilities (one existing), two assignments, a catchment, an unserved site, an unused landfill,
/// a summary row.
RegionalPlan sample_plan()
{
    RegionalPlan plan;
    plan.parameters = {{"max_haul_km", "50"}, {"reuse_existing", "yes"}};
    plan.facilities.push_back({"BRA-F001", "BRA", "", false, "BRA-SNIS-1", "Aterro regional", {-47.9, -15.8},
                               123.5, 3, {"5300108", "5201405"}, 12.25, 30.5, 500.0, std::nullopt,
                               LocationPrecision::municipal_seat, 20.0});
    plan.facilities.push_back({"BRA-F002", "BRA", "52", true, "BRA-SNIS-2", "", {-49.25, -16.68}, 10.0, 1, {}, 0.0,
                               0.0, std::nullopt, 1.5e6, std::nullopt, std::nullopt});
    plan.assignments.push_back({"BRA-SNIS-9", "BRA", "5201405", "BRA-F001", {-48.0, -15.9}, 14.75, 20.0, std::nullopt,
                                Provenance::estimated, LocationPrecision::municipal_seat});
    plan.assignments.push_back({"BRA-SNIS-8", "BRA", "", "BRA-F002", {-49.3, -16.7}, 6.0, std::nullopt, 42.0,
                                std::nullopt, LocationPrecision::surveyed});
    plan.catchments.push_back({"BRA-F001", "BRA", {{{{-48, -16}, {-47, -16}, {-47, -15}, {-48, -15}, {-48, -16}}}}});
    plan.unserved.push_back({"BRA-SNIS-7", "BRA", "1100015", {-61.9, -11.9}, "no_candidate_within_cutoff", 3.25,
                             Provenance::observed, LocationPrecision::estimated});
    plan.unused_landfills.push_back({"BRA-SNIS-5", "BRA", "Aterro de Anápolis", {-48.95, -16.33}, "not_chosen", 21.5});
    plan.summary.push_back({"BRA", "", 4, 3, 1, 1, 1, 136.75, 133.5, 12.0, 30.5, 1600.0, 1590.0, 0.00625, 23.25});
    return plan;
}

}  // namespace

TEST_CASE("a plan written to a GeoPackage reads back field by field", "[plan]")
{
    const RegionalPlan plan = sample_plan();
    const auto dir = test::scratch_dir("plan_round_trip");
    const auto path = (dir / "plan.gpkg").string();
    write_plan(plan, path);
    const RegionalPlan back = read_plan(path);

    CHECK(back.parameters == plan.parameters);
    REQUIRE(back.facilities.size() == 2);
    CHECK(back.facilities[0].facility_id == "BRA-F001");
    CHECK_FALSE(back.facilities[0].existing);
    CHECK(back.facilities[1].existing);
    CHECK(back.facilities[1].admin1_code == "52");
    CHECK(back.facilities[0].location == LonLat{-47.9, -15.8});
    CHECK(back.facilities[0].municipality_codes == std::vector<std::string>{"5300108", "5201405"});
    CHECK(back.facilities[1].municipality_codes.empty());
    CHECK(back.facilities[0].capacity_t_per_day == 500.0);
    CHECK_FALSE(back.facilities[1].capacity_t_per_day.has_value());
    CHECK(back.facilities[1].cost_per_year == 1.5e6);
    CHECK(back.facilities[0].location_precision == LocationPrecision::municipal_seat);
    CHECK(back.facilities[0].waste_t_per_day_estimated == 20.0);
    CHECK_FALSE(back.facilities[1].location_precision.has_value());
    CHECK_FALSE(back.facilities[1].waste_t_per_day_estimated.has_value());
    REQUIRE(back.assignments.size() == 2);
    CHECK(back.assignments[0].haul_km == 14.75);
    CHECK(back.assignments[0].waste_t_per_day == 20.0);
    CHECK_FALSE(back.assignments[1].waste_t_per_day.has_value());
    CHECK(back.assignments[1].cost_share_per_year == 42.0);
    CHECK(back.assignments[0].waste_provenance == Provenance::estimated);
    CHECK(back.assignments[0].location_precision == LocationPrecision::municipal_seat);
    CHECK_FALSE(back.assignments[1].waste_provenance.has_value());
    CHECK(back.assignments[1].location_precision == LocationPrecision::surveyed);
    REQUIRE(back.catchments.size() == 1);
    REQUIRE(back.catchments[0].polygons.size() == 1);
    CHECK(back.catchments[0].polygons[0][0].size() == 5);
    REQUIRE(back.unserved.size() == 1);
    CHECK(back.unserved[0].reason == "no_candidate_within_cutoff");
    CHECK(back.unserved[0].location == LonLat{-61.9, -11.9});
    CHECK(back.unserved[0].waste_provenance == Provenance::observed);
    CHECK(back.unserved[0].location_precision == LocationPrecision::estimated);
    REQUIRE(back.unused_landfills.size() == 1);
    CHECK(back.unused_landfills[0].name == "Aterro de Anápolis");
    CHECK(back.unused_landfills[0].reason == "not_chosen");
    CHECK(back.unused_landfills[0].location == LonLat{-48.95, -16.33});
    CHECK(back.unused_landfills[0].nearest_dump_haul_km.value() == 21.5);
    REQUIRE(back.summary.size() == 1);
    CHECK(back.summary[0].facilities_existing == 1);
    CHECK(back.summary[0].gap == 0.00625);
    CHECK(back.summary[0].waste_t_per_day_estimated == 23.25);
}

TEST_CASE("plan_layer_tables holds what write_plan writes: layers, columns, types, values, geometries",
          "[plan]")
{
    const RegionalPlan plan = sample_plan();
    const auto dir = test::scratch_dir("plan_layer_tables");
    const auto path = (dir / "plan.gpkg").string();
    write_plan(plan, path);
    const auto tables = plan_layer_tables(plan);

    // The file, read with OGR itself, is the reference.
    auto ds = detail::open_vector(path);
    REQUIRE(tables.size() == static_cast<std::size_t>(ds->GetLayerCount()));
    for (const auto& t : tables) {
        INFO("layer " << t.name);
        OGRLayer* layer = ds->GetLayerByName(t.name.c_str());
        REQUIRE(layer != nullptr);
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        REQUIRE(t.columns.size() == static_cast<std::size_t>(defn->GetFieldCount()));
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const OGRFieldDefn* fd = defn->GetFieldDefn(static_cast<int>(c));
            CHECK(t.columns[c].first == fd->GetNameRef());
            const OGRFieldType expected = t.columns[c].second == PlanColumnType::text      ? OFTString
                                          : t.columns[c].second == PlanColumnType::integer ? OFTInteger
                                                                                           : OFTReal;
            CHECK(fd->GetType() == expected);
        }
        const auto geometry = wkbFlatten(layer->GetGeomType());
        CHECK(geometry == (t.geometry == PlanGeometry::point          ? wkbPoint
                           : t.geometry == PlanGeometry::multipolygon ? wkbMultiPolygon
                                                                      : wkbNone));
        REQUIRE(t.rows.size() == static_cast<std::size_t>(layer->GetFeatureCount()));
        layer->ResetReading();
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            OGRFeatureUniquePtr f(layer->GetNextFeature());
            REQUIRE(f);
            for (std::size_t c = 0; c < t.columns.size(); ++c) {
                const int i = static_cast<int>(c);
                const ReportCell& cell = t.rows[r][c];
                if (std::holds_alternative<std::monostate>(cell))
                    CHECK_FALSE(f->IsFieldSetAndNotNull(i));
                else if (const auto* s = std::get_if<std::string>(&cell))
                    CHECK(*s == f->GetFieldAsString(i));
                else if (const auto* n = std::get_if<std::int64_t>(&cell))
                    CHECK(*n == f->GetFieldAsInteger64(i));
                else
                    CHECK(std::get<double>(cell) == f->GetFieldAsDouble(i));
            }
            if (t.geometry == PlanGeometry::point) {
                const auto* pt = f->GetGeometryRef()->toPoint();
                CHECK(t.points[r] == LonLat{pt->getX(), pt->getY()});
            } else if (t.geometry == PlanGeometry::multipolygon) {
                const auto* mp = f->GetGeometryRef()->toMultiPolygon();
                REQUIRE(t.polygons[r].size() == static_cast<std::size_t>(mp->getNumGeometries()));
                const OGRLinearRing* ring = mp->getGeometryRef(0)->getExteriorRing();
                REQUIRE(t.polygons[r][0][0].size() == static_cast<std::size_t>(ring->getNumPoints()));
                CHECK(t.polygons[r][0][0][1] == LonLat{ring->getX(1), ring->getY(1)});
            }
        }
    }
    // Spot checks by hand: an absent capacity is an empty cell, the existing facility says so.
    const auto& facilities = tables.at(0);
    CHECK(facilities.name == "facilities");
    CHECK(facilities.rows.size() == 2);
    CHECK(facilities.points.at(1) == LonLat{-49.25, -16.68});
}

TEST_CASE("a plan written before the provenance columns reads, with them absent; a bad label is refused",
          "[plan]")
{
    RegionalPlan plan;
    plan.assignments.push_back({"A-1", "AAA", "", "AAA-F001", {1, 1}, 2.0, 3.0, std::nullopt, Provenance::derived,
                                LocationPrecision::surveyed});
    plan.facilities.push_back({"AAA-F001", "AAA", "", false, "A-2", "", {1, 1.1}, 3.0, 1, {}, 2.0, 2.0,
                               std::nullopt, std::nullopt, LocationPrecision::surveyed, 0.0});
    const auto dir = test::scratch_dir("plan_older");
    const auto path = (dir / "plan.gpkg").string();
    write_plan(plan, path);
    // The same file as an older basural wrote it: without the columns added since.
    {
        detail::ensure_gdal();
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        for (const auto& [layer_name, field] : {std::pair{"assignments", "waste_provenance"},
                                                {"assignments", "location_precision"},
                                                {"facilities", "waste_t_per_day_estimated"}}) {
            OGRLayer* layer = ds->GetLayerByName(layer_name);
            REQUIRE(layer != nullptr);
            REQUIRE(layer->DeleteField(layer->GetLayerDefn()->GetFieldIndex(field)) == OGRERR_NONE);
        }
    }
    const RegionalPlan back = read_plan(path);
    REQUIRE(back.assignments.size() == 1);
    CHECK(back.assignments[0].waste_t_per_day == 3.0);
    CHECK_FALSE(back.assignments[0].waste_provenance.has_value());
    CHECK_FALSE(back.assignments[0].location_precision.has_value());
    REQUIRE(back.facilities.size() == 1);
    CHECK(back.facilities[0].location_precision == LocationPrecision::surveyed);
    CHECK_FALSE(back.facilities[0].waste_t_per_day_estimated.has_value());

    // A label that is not one of the schema's is refused by layer, record, field and value.
    {
        detail::ensure_gdal();
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayerByName("facilities");
        OGRFeatureUniquePtr feature(layer->GetNextFeature());
        feature->SetField("location_precision", "gps");
        REQUIRE(layer->SetFeature(feature.get()) == OGRERR_NONE);
    }
    CHECK_THROWS_WITH(read_plan(path), Catch::Contains("facilities") && Catch::Contains("location_precision") &&
                                           Catch::Contains("gps") && Catch::Contains("municipal_seat"));
}

TEST_CASE("a file without the plan's layers is refused naming the missing layer", "[plan]")
{
    const auto inv = test::fixture("sites_schema.csv");
    try {
        read_plan(inv);
        FAIL("read_plan accepted a file that is not a plan");
    } catch (const input_error& e) {
        CHECK_THAT(e.what(), Catch::Contains("has no layer 'facilities'"));
    }
}

TEST_CASE("a plan naming a site the inventory does not have is refused, by layer and record", "[plan]")
{
    Site a;
    a.site_id = "A-1";
    const std::vector<Site> sites{a};
    RegionalPlan plan;
    plan.assignments.push_back({"A-1", "AAA", "", "AAA-F001", {0, 0}, 1.0, 2.0, std::nullopt, std::nullopt,
                                std::nullopt});
    CHECK_NOTHROW(check_plan_sites(plan, sites, "p.gpkg"));
    plan.unserved.push_back({"A-1", "AAA", "", {0, 0}, "below_min_throughput", std::nullopt, std::nullopt,
                             std::nullopt});
    plan.unserved.push_back({"Z-9", "ZZZ", "", {0, 0}, "below_min_throughput", std::nullopt, std::nullopt,
                             std::nullopt});
    CHECK_THROWS_WITH(check_plan_sites(plan, sites, "p.gpkg"),
                      Catch::Contains("p.gpkg layer unserved") && Catch::Contains("Z-9") &&
                          Catch::Contains("another inventory"));
    plan.unserved.pop_back();
    plan.assignments.push_back({"B-2", "BBB", "", "BBB-F001", {0, 0}, 1.0, 2.0, std::nullopt, std::nullopt,
                                std::nullopt});
    CHECK_THROWS_WITH(check_plan_sites(plan, sites, "p.gpkg"),
                      Catch::Contains("p.gpkg layer assignments") && Catch::Contains("B-2"));
}

// Closure priority on four active dumps around a landfill L at Buenos Aires, scores worked out by hand.
//
//        waste t/d  burning  pickers  children  km to L  people 2 km   (all open in 2024: CH4 = 0, known)
//   A    100        yes      10       2         10       1,000 (P2)
//   B     50        no       ?        ?         60       0
//   C     ?         ?        ?        ?         25       5,000 (P1)
//   D     50        no       0        0         60       0
// No country waste figures are given, so C's tonnage stays unknown.
// Scores (empirical CDF over known values, 0 for a value of 0):
//   waste  : known {100, 50, 50}: A 3/3 = 1, B = D = 2/3; C unknown -> 0
//   people : {1000, 0, 5000, 0}: A 3/4 = 0.75, C 4/4 = 1, B = D = 0
//   burning: A 1, B 0, D 0, C unknown; pickers: known {10, 0}: A 2/2 = 1, D 0; children: A 1, D 0
//   readiness (D = 50 km): A 1 - 10/50 = 0.8, C 1 - 25/50 = 0.5, B = D = 0
// Default weights 0.25 waste, 0.15 methane, 0.25 people, 0.10 burning, 0.10 pickers, 0.05 children,
// 0.10 readiness (sum 1):
//   A = 0.25 + 0.25 x 0.75 + 0.10 + 0.10 + 0.05 + 0.10 x 0.8 = 0.7675
//   C = 0.25 x 1 + 0.10 x 0.5 = 0.30
//   B = D = 0.25 x 2/3 = 0.166667 -> tie broken by site_id: B before D
#include "basural/reports/coverage.hpp"
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/reports/priority.hpp"
#include "unit/unit_data.hpp"

#include "support/builders.hpp"

#include <catch2/catch.hpp>

using namespace basural;

namespace {

const LonLat L_AT{-58.4, -34.6};

Site dump(std::string id, double azimuth, double km, std::optional<double> waste, std::optional<bool> burning,
          std::optional<int> pickers, std::optional<int> children)
{
    Site s = test::make_site(std::move(id), "ARG", geodesic_direct(L_AT, azimuth, km * 1000.0), SiteType::open_dump,
                             SiteStatus::active, waste);
    s.open_burning = burning;
    s.waste_pickers = pickers;
    s.child_waste_pickers = children;
    s.opening_year = 2024;
    return s;
}

Place place(std::string id, LonLat where, std::int64_t pop)
{
    return test::make_place(std::move(id), "ARG", where, pop);
}

struct Fixture {
    WasteEstimateResult waste;
    std::vector<Place> places;
};

Fixture fixture()
{
    Site l;
    l.site_id = "L";
    l.country_iso3 = "ARG";
    l.location = L_AT;
    l.site_type = SiteType::sanitary_landfill;
    l.status = SiteStatus::active;
    const std::vector<Site> sites{
        l,
        dump("D", 270.0, 60.0, 50.0, false, 0, 0),  // listed before B: the tie must still put B first
        dump("A", 0.0, 10.0, 100.0, true, 10, 2),
        dump("B", 90.0, 60.0, 50.0, false, std::nullopt, std::nullopt),
        dump("C", 180.0, 25.0, std::nullopt, std::nullopt, std::nullopt, std::nullopt),
    };
    Fixture f;
    f.places = {place("P1", geodesic_direct(sites[4].location, 0.0, 1000.0), 5000),
                place("P2", geodesic_direct(sites[2].location, 90.0, 1500.0), 1000)};
    // estimate_waste, not fill_waste: C's tonnage stays unknown (fill_waste would give it Argentina's
    // median) so that the scoring of unknown criteria is tested.
    f.waste = estimate_waste(sites, f.places, {});
    return f;
}

const PriorityRow& by_id(const std::vector<PriorityRow>& rows, const std::string& id)
{
    for (const auto& r : rows)
        if (r.site_id == id)
            return r;
    FAIL("no row " << id);
    throw;
}

PriorityParams params()
{
    PriorityParams p;
    p.reporting_year = 2024;
    return p;
}

}  // namespace

TEST_CASE("priority scores, total, rank and tie-break by site_id", "[priority]")
{
    const auto f = fixture();
    const auto rows = prioritize_closures(f.waste, f.places, nullptr, params());
    REQUIRE(rows.size() == 4);  // the landfill is not ranked
    CHECK(rows[0].site_id == "A");
    CHECK(rows[1].site_id == "C");
    CHECK(rows[2].site_id == "B");
    CHECK(rows[3].site_id == "D");
    CHECK(rows[3].rank == 4);

    const auto& a = by_id(rows, "A");
    const auto idx = [](PriorityCriterion c) { return static_cast<std::size_t>(c); };
    CHECK(a.score[idx(PriorityCriterion::waste)] == Approx(1.0));
    CHECK(a.score[idx(PriorityCriterion::people_2km)] == Approx(0.75));
    CHECK(a.score[idx(PriorityCriterion::methane)] == 0.0);
    CHECK(a.known[idx(PriorityCriterion::methane)]);
    CHECK(a.score[idx(PriorityCriterion::readiness)] == Approx(0.8).epsilon(1e-9));
    CHECK(a.readiness_facility == "L");
    CHECK(a.total_score == Approx(0.7675).epsilon(1e-9));
    CHECK(a.unknown.empty());
    // top three contributions: waste 0.25, people 0.1875, then burning 0.10 (ties with pickers: criterion order)
    CHECK(a.why == "waste 100.0 t/day (+0.250); 1000 people within 2 km (+0.188); open burning (+0.100)");

    const auto& c = by_id(rows, "C");
    CHECK(c.total_score == Approx(0.30).epsilon(1e-9));
    // methane is unknown too: the FOD model needs the tonnage
    CHECK(c.unknown == "waste;methane;open_burning;waste_pickers;child_waste_pickers");
    CHECK_FALSE(c.known[idx(PriorityCriterion::waste)]);
    CHECK(c.why == "5000 people within 2 km (+0.250); landfill L 25.0 km away (+0.050)");

    const auto& b = by_id(rows, "B");
    const auto& d = by_id(rows, "D");
    CHECK(b.total_score == Approx(0.25 * 2.0 / 3.0).epsilon(1e-9));
    CHECK(b.total_score == d.total_score);  // exact tie
    CHECK(b.unknown == "waste_pickers;child_waste_pickers");
    CHECK(d.unknown.empty());
}

TEST_CASE("priority with a plan: an existing landfill the plan assigns makes a site ready", "[priority][plan]")
{
    const auto f = fixture();
    RegionalPlan plan;
    // B assigned to an existing landfill 20 km away: readiness 1 - 20/50 = 0.6, total 0.166667 + 0.10 x 0.6 = 0.226667
    plan.facilities.push_back({"ARG-F001", "ARG", "", true, "L2", "", {}, 50.0, 1, {}, 20.0, 20.0, std::nullopt,
                               std::nullopt, std::nullopt, std::nullopt});
    plan.assignments.push_back({"B", "ARG", "", "ARG-F001", {}, 20.0, 50.0, std::nullopt, std::nullopt, std::nullopt});
    const auto rows = prioritize_closures(f.waste, f.places, &plan, params());
    const auto& b = by_id(rows, "B");
    CHECK(b.readiness_facility == "ARG-F001");
    CHECK(b.readiness_haul_km == 20.0);
    CHECK(b.proposed_facility.empty());
    CHECK(b.total_score == Approx(0.25 * 2.0 / 3.0 + 0.06).epsilon(1e-9));
    CHECK(rows[2].site_id == "B");
    CHECK(rows[3].site_id == "D");

    SECTION("a proposed facility is not a landfill yet: no readiness, reported as needed")
    {
        plan.facilities[0].existing = false;
        const auto proposed = prioritize_closures(f.waste, f.places, &plan, params());
        const auto& bp = by_id(proposed, "B");
        CHECK(bp.proposed_facility == "ARG-F001");
        CHECK(bp.proposed_facility_haul_km == 20.0);
        // readiness from the existing landfill L, 60 km away: beyond D = 50 km, 0; B ties D again
        CHECK(bp.readiness_facility == "L");
        CHECK(bp.readiness_haul_km.value() == Approx(60.0).epsilon(1e-9));
        CHECK(bp.total_score == by_id(proposed, "D").total_score);
    }

    plan.assignments.push_back({"nope", "ARG", "", "ARG-F001", {}, 1.0, 1.0, std::nullopt, std::nullopt, std::nullopt});
    CHECK_THROWS_AS(prioritize_closures(f.waste, f.places, &plan, params()), input_error);
}

TEST_CASE("priority weights from JSON: only their ratios matter; bad files are refused by key", "[priority]")
{
    const auto dir = test::unit_scratch_dir("priority_weights");
    const auto people_only = test::write_text(
        dir / "people.json", R"({"waste": 0, "methane": 0, "people_2km": 2, "open_burning": 0,
                                 "waste_pickers": 0, "child_waste_pickers": 0, "readiness": 0})");
    auto p = params();
    p.weights = load_priority_weights(people_only);
    const auto rows = prioritize_closures(fixture().waste, fixture().places, nullptr, p);
    // people scores: C 1, A 0.75, B = D = 0 (tie -> B, D)
    CHECK(rows[0].site_id == "C");
    CHECK(rows[0].total_score == Approx(1.0));
    CHECK(rows[1].total_score == Approx(0.75));
    CHECK(rows[2].site_id == "B");
    CHECK(rows[3].site_id == "D");

    const auto partial = test::write_text(dir / "partial.json", R"({"readiness": 0.5})");
    const auto w = load_priority_weights(partial);
    CHECK(w.of(PriorityCriterion::readiness) == 0.5);
    CHECK(w.of(PriorityCriterion::waste) == 0.25);  // default kept

    const auto unknown = test::write_text(dir / "unknown.json", R"({"smell": 1})");
    CHECK_THROWS_WITH(load_priority_weights(unknown), Catch::Contains("smell") && Catch::Contains("not a criterion"));
    const auto negative = test::write_text(dir / "negative.json", R"({"waste": -1})");
    CHECK_THROWS_WITH(load_priority_weights(negative), Catch::Contains("waste") && Catch::Contains(">= 0"));
    const auto zero = test::write_text(dir / "zero.json", R"({"waste": 0, "methane": 0, "people_2km": 0,
        "open_burning": 0, "waste_pickers": 0, "child_waste_pickers": 0, "readiness": 0})");
    CHECK_THROWS_WITH(load_priority_weights(zero), Catch::Contains("sum to 0"));
    const auto bad = test::write_text(dir / "bad.json", "{not json");
    CHECK_THROWS_AS(load_priority_weights(bad), input_error);
}

TEST_CASE("priority table has a score column per criterion, empty when unknown, and lon/lat", "[priority]")
{
    const auto f = fixture();
    const auto t = priority_table(prioritize_closures(f.waste, f.places, nullptr, params()));
    CHECK(t.name == "ranking");
    CHECK(t.columns.front().name == "rank");
    CHECK(t.columns[t.columns.size() - 2].name == "lon");
    const auto col = [&](const std::string& name) {
        for (std::size_t k = 0; k < t.columns.size(); ++k)
            if (t.columns[k].name == name)
                return k;
        FAIL("no column " << name);
        return std::size_t{0};
    };
    for (const auto& row : t.rows)
        CHECK(row.size() == t.columns.size());
    CHECK(col("score_waste") == col("proposed_facility_haul_km") + 1);
    CHECK(std::holds_alternative<std::monostate>(t.rows[1][col("score_waste")]));  // C's waste score: unknown
    CHECK(std::holds_alternative<std::monostate>(t.rows[1][col("ch4_t_per_year")]));  // C's methane: unknown, not 0
    CHECK(std::get<std::string>(t.rows[1][col("status")]) == "active");
    CHECK(std::get<std::string>(t.rows[1][col("waste_implausible")]) == "no");
}

TEST_CASE("a ranked dump whose tonnage is an implausible estimate says so in its row and its why", "[priority]")
{
    auto f = fixture();
    // A's 100 t/day flagged implausible (as fill_waste would), and labelled an estimate
    f.waste.implausible.assign(f.waste.sites.size(), 0);
    f.waste.implausible[2] = 1;
    f.waste.sites[2].waste_provenance = Provenance::estimated;
    const auto rows = prioritize_closures(f.waste, f.places, nullptr, params());
    const auto& a = by_id(rows, "A");
    CHECK(a.waste_implausible);
    CHECK_THAT(a.why, Catch::StartsWith("waste 100.0 t/day (estimated, implausible) (+0.250)"));
    CHECK_FALSE(by_id(rows, "B").waste_implausible);
}

// Closure progress between two snapshots: every kind of change on two hand-built snapshots (the same
// as tests/data/snapshots/old.csv and new.csv, checked below), id-changed matching, ties, tolerances,
// order invariance and errors. Expected counts are written out by hand from the fixture's design.
#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/inventory/site_predicates.hpp"
#include "basural/reports/progress_diff.hpp"
#include "basural/base/report_table.hpp"
#include "detail/gdal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using namespace basural;

namespace {

Site site(std::string id, std::string name, std::string country, std::string admin1, double lon, double lat,
          SiteType type, SiteStatus status, std::optional<double> waste = std::nullopt)
{
    Site s;
    s.site_id = std::move(id);
    s.name = std::move(name);
    s.country_iso3 = std::move(country);
    s.admin1_name = std::move(admin1);
    s.location = {lon, lat};
    s.location_precision = LocationPrecision::surveyed;
    s.site_type = type;
    s.status = status;
    s.waste_t_per_day = waste;
    if (waste)
        s.waste_provenance = Provenance::observed;
    s.gas_capture = GasCapture::none;
    s.provenance = Provenance::observed;
    s.source = "basural test fixture, inventory 2023-H2";
    s.source_record = s.site_id;
    return s;
}

constexpr auto OD = SiteType::open_dump;
constexpr auto CD = SiteType::controlled_dump;
constexpr auto SL = SiteType::sanitary_landfill;
constexpr auto ACTIVE = SiteStatus::active;
constexpr auto CLOSED = SiteStatus::closed;

/// tests/data/snapshots/old.csv
std::vector<Site> old_snapshot()
{
    std::vector<Site> v;
    auto& b1 = v.emplace_back(site("BOL-001", "Botadero de K'ara K'ara", "BOL", "Cochabamba", -66.1568, -17.4407, OD, ACTIVE, 600));
    b1.municipality_name = "Cochabamba";
    b1.municipality_code = "030101";
    b1.open_burning = true;
    b1.waste_pickers = 120;
    b1.child_waste_pickers = 8;
    auto& b2 = v.emplace_back(site("BOL-002", "Botadero de Alpacoma", "BOL", "La Paz", -68.17, -16.53, CD, CLOSED));
    b2.municipality_name = "La Paz";
    b2.municipality_code = "020101";
    b2.closure_year = 2018;
    v.push_back(site("BOL-003", "Botadero de Sacaba", "BOL", "Cochabamba", -66.04, -17.4, OD, ACTIVE, 50));
    v.push_back(site("BOL-004", "Botadero de Quillacollo", "BOL", "Cochabamba", -66.28, -17.39, OD, ACTIVE, 80));
    v.push_back(site("BOL-005", "Botadero de Oruro", "BOL", "Oruro", -67.11, -17.97, OD, ACTIVE, 120));
    v.emplace_back(site("BOL-006", "Botadero de Punata", "BOL", "Cochabamba", -65.83, -17.54, OD, ACTIVE, 10))
        .location_precision = LocationPrecision::municipal_seat;
    v.emplace_back(site("BOL-007", "Botadero de Tiquipaya", "BOL", "Cochabamba", -66.22, -17.34, OD, CLOSED)).closure_year = 2019;
    v.push_back(site("BOL-008", "Botadero de Potosí", "BOL", "Potosí", -65.75, -19.58, CD, ACTIVE, 40));
    v.emplace_back(site("BOL-009", "Relleno Sanitario Normandía", "BOL", "Santa Cruz", -63.1, -17.7, SL, ACTIVE, 1500))
        .gas_capture = GasCapture::flaring;
    v.push_back(site("PER-001", "Botadero El Zapallal", "PER", "Lima", -77.05, -11.83, OD, ACTIVE));
    auto& p2 = v.emplace_back(site("PER-002", "Botadero de Huaral", "PER", "Lima", -77.21, -11.495, OD, ACTIVE, 25));
    p2.location_precision = LocationPrecision::municipal_seat;
    p2.municipality_name = "Huaral";
    p2.municipality_code = "150601";
    v.push_back(site("PER-003", "Botadero de Chancay", "PER", "Lima", -77.27, -11.57, OD, ACTIVE, 30));
    v.push_back(site("PER-004", "Botadero de Ancón", "PER", "Lima", -77.15, -11.77, OD, ACTIVE, 20));
    for (auto [id, name, waste] : {std::tuple{"PER-010", "Botadero Lurín A", 12.0}, std::tuple{"PER-011", "Botadero Lurín B", 8.0}}) {
        auto& s = v.emplace_back(site(id, name, "PER", "Lima", -76.87, -12.27, OD, ACTIVE, waste));
        s.location_precision = LocationPrecision::municipal_seat;
        s.municipality_name = "Lurín";
        s.municipality_code = "150119";
    }
    return v;
}

/// tests/data/snapshots/new.csv: old records edited as the comments say.
std::vector<Site> new_snapshot()
{
    std::map<std::string, Site> old;
    for (auto& s : old_snapshot())
        old[s.site_id] = s;
    std::vector<Site> v;
    auto edit = [&](const std::string& old_id, auto change) {
        Site s = old.at(old_id);
        s.source = "basural test fixture, inventory 2024-H1";
        change(s);
        s.source_record = s.site_id;
        v.push_back(s);
    };
    edit("BOL-001", [](Site& s) { s.status = CLOSED; s.closure_year = 2024; });       // closed
    edit("BOL-002", [](Site& s) { s.status = SiteStatus::remediated; });               // remediated
    edit("BOL-003", [](Site& s) { s.site_type = CD; });                                // reclassified, still inadequate
    edit("BOL-004", [](Site& s) { s.site_type = SL; });                                // reclassified to sanitary
    edit("BOL-005", [](Site& s) { s.status = SiteStatus::closing; });                  // reclassified, still receiving
    edit("BOL-008", [](Site& s) { s.waste_t_per_day = 45.0; });                        // attributes_changed
    edit("BOL-009", [](Site&) {});                                                     // unchanged
    // BOL-006 (active) and BOL-007 (closed) are left out: gone_unexplained, removed_after_closure.
    Site b10 = site("BOL-010", "Botadero de Villazón", "BOL", "Potosí", -65.59, -22.09, OD, ACTIVE, 15);  // newly_found
    b10.source = "basural test fixture, inventory 2024-H1";
    v.push_back(b10);
    // New ids in Peru: matched by location.
    edit("PER-001", [](Site& s) { s.site_id = "PER-101"; s.location.lat_deg = -11.82955; s.status = CLOSED; });
    edit("PER-002", [](Site& s) {
        s.site_id = "PER-102";
        s.location.lon_deg = -77.1963;
        s.location_precision = LocationPrecision::surveyed;
    });
    edit("PER-003", [](Site& s) { s.site_id = "PER-103"; });
    edit("PER-004", [](Site& s) { s.site_id = "PER-104"; s.site_type = CD; });  // new id AND new type: no match
    edit("PER-010", [](Site& s) { s.site_id = "PER-110"; });                   // PER-010 and PER-011 tie at 0 m
    return v;
}

const SiteChange& change_of(const SnapshotDiff& d, const std::string& site_id)
{
    for (const auto& c : d.changes)
        if (c.site_id() == site_id)
            return c;
    FAIL("no change for " << site_id);
    throw std::logic_error("unreachable");
}

const CountryProgress& country_of(const SnapshotDiff& d, const std::string& iso3)
{
    for (const auto& p : d.countries)
        if (p.country_iso3 == iso3)
            return p;
    FAIL("no country " << iso3);
    throw std::logic_error("unreachable");
}

std::string render(const SnapshotDiff& d, ReportFormat f)
{
    std::ostringstream out;
    write_report(out, {progress_summary_table(d), progress_changes_table(d)}, f);
    return out.str();
}

/// A toy methane model with hand-checkable numbers: 10 t CH4/yr per t/day at an inadequate site that
/// receives waste, 4 otherwise; unknown without waste.
std::optional<double> toy_ch4_t_per_year(const Site& s)
{
    if (!s.waste_t_per_day)
        return std::nullopt;
    const bool inadequate_receiving =
        is_inadequate(s.site_type) && (s.status == SiteStatus::active || s.status == SiteStatus::closing);
    return *s.waste_t_per_day * (inadequate_receiving ? 10.0 : 4.0);
}

}  // namespace

TEST_CASE("every kind of change in the fixture snapshots, site by site", "[progress_diff]")
{
    const auto d = compare_snapshots(old_snapshot(), new_snapshot());
    REQUIRE(d.changes.size() == 17);  // 11 paired + 4 only-old (BOL-006, BOL-007, PER-004, PER-011) + 2 only-new

    struct Expect { const char* id; ChangeKind kind; MatchMethod match; bool no_longer_inadequate; };
    const Expect expected[] = {
        {"BOL-001", ChangeKind::closed, MatchMethod::by_id, true},
        {"BOL-002", ChangeKind::remediated, MatchMethod::by_id, false},       // was closed, not receiving
        {"BOL-003", ChangeKind::reclassified, MatchMethod::by_id, false},     // controlled dump is still inadequate
        {"BOL-004", ChangeKind::reclassified, MatchMethod::by_id, true},      // now a sanitary landfill
        {"BOL-005", ChangeKind::reclassified, MatchMethod::by_id, false},     // closing still receives waste
        {"BOL-006", ChangeKind::gone_unexplained, MatchMethod::none, false},
        {"BOL-007", ChangeKind::removed_after_closure, MatchMethod::none, false},
        {"BOL-008", ChangeKind::attributes_changed, MatchMethod::by_id, false},
        {"BOL-009", ChangeKind::unchanged, MatchMethod::by_id, false},
        {"BOL-010", ChangeKind::newly_found, MatchMethod::none, false},
        {"PER-004", ChangeKind::gone_unexplained, MatchMethod::none, false},  // its successor changed type too
        {"PER-011", ChangeKind::gone_unexplained, MatchMethod::none, false},  // lost the tie to PER-010
        {"PER-101", ChangeKind::closed, MatchMethod::by_location, true},
        {"PER-102", ChangeKind::attributes_changed, MatchMethod::by_location, false},
        {"PER-103", ChangeKind::unchanged, MatchMethod::by_location, false},
        {"PER-104", ChangeKind::newly_found, MatchMethod::none, false},
        {"PER-110", ChangeKind::unchanged, MatchMethod::by_location, false},
    };
    for (const auto& e : expected) {
        INFO(e.id);
        const auto& c = change_of(d, e.id);
        CHECK(to_string(c.kind) == to_string(e.kind));
        CHECK(to_string(c.match) == to_string(e.match));
        CHECK(c.no_longer_inadequate == e.no_longer_inadequate);
    }
    // Sorted by country, then id (BOL-001 .. BOL-010, then PER-004 .. PER-110).
    CHECK(d.changes.front().site_id() == "BOL-001");
    CHECK(d.changes.back().site_id() == "PER-110");
    CHECK(std::is_sorted(d.changes.begin(), d.changes.end(), [](const SiteChange& a, const SiteChange& b) {
        return std::tie(a.country_iso3(), a.site_id()) < std::tie(b.country_iso3(), b.site_id());
    }));
}

TEST_CASE("details say what changed, from what to what", "[progress_diff]")
{
    const auto d = compare_snapshots(old_snapshot(), new_snapshot());
    using V = std::vector<std::string>;
    CHECK(change_of(d, "BOL-001").details == V{"status active -> closed", "closure_year unknown -> 2024"});
    CHECK(change_of(d, "BOL-002").details == V{"status closed -> remediated"});
    CHECK(change_of(d, "BOL-003").details == V{"site_type open_dump -> controlled_dump (upgrade)"});
    CHECK(change_of(d, "BOL-004").details == V{"site_type open_dump -> sanitary_landfill (upgrade)"});
    CHECK(change_of(d, "BOL-005").details == V{"status active -> closing"});
    CHECK(change_of(d, "BOL-006").details == V{"not in the new snapshot (old status active)"});
    CHECK(change_of(d, "BOL-008").details == V{"waste_t_per_day 40 -> 45"});
    CHECK(change_of(d, "BOL-009").details.empty());
    CHECK(change_of(d, "BOL-010").details == V{"not in the old snapshot"});
    // 0.00045 deg of latitude at 11.83 S: GeodSolve -i gives 49.779430 m.
    CHECK(change_of(d, "PER-101").details ==
          V{"matched by location (id changed from PER-001 to PER-101, 50 m)", "status active -> closed"});
    CHECK(*change_of(d, "PER-101").moved_m == Approx(49.779430).margin(1e-6));
    // 0.0137 deg of longitude at 11.495 S: GeodSolve -i gives 1494.685879 m (within the 2 km coarse tolerance).
    CHECK(change_of(d, "PER-102").details ==
          V{"matched by location (id changed from PER-002 to PER-102, 1495 m)",
            "location_precision municipal_seat -> surveyed"});
    CHECK(*change_of(d, "PER-102").moved_m == Approx(1494.685879).margin(1e-6));
    CHECK(change_of(d, "PER-110").details == V{"matched by location (id changed from PER-010 to PER-110, 0 m)"});
}

TEST_CASE("per-country counts and waste no longer going to inadequate sites", "[progress_diff]")
{
    const auto d = compare_snapshots(old_snapshot(), new_snapshot());
    REQUIRE(d.countries.size() == 2);
    const auto& bol = country_of(d, "BOL");
    CHECK(bol.old_sites == 9);
    CHECK(bol.new_sites == 8);
    CHECK(bol.closed == 1);               // BOL-001
    CHECK(bol.remediated == 1);           // BOL-002
    CHECK(bol.reclassified == 3);         // BOL-003, -004, -005
    CHECK(bol.attributes_changed == 1);   // BOL-008
    CHECK(bol.unchanged == 1);            // BOL-009
    CHECK(bol.newly_found == 1);          // BOL-010
    CHECK(bol.gone_unexplained == 1);     // BOL-006
    CHECK(bol.removed_after_closure == 1);  // BOL-007
    CHECK(bol.matched_by_location == 0);
    CHECK(bol.no_longer_inadequate_sites == 2);  // BOL-001 closed, BOL-004 now sanitary
    CHECK(bol.waste_no_longer_inadequate_t_per_day == 680.0);  // 600 + 80
    CHECK(bol.waste_unknown_sites == 0);
    CHECK_FALSE(bol.ch4_reduction_t_per_year.has_value());  // no methane model given

    const auto& per = country_of(d, "PER");
    CHECK(per.old_sites == 6);
    CHECK(per.new_sites == 5);
    CHECK(per.closed == 1);               // PER-001 -> PER-101
    CHECK(per.remediated == 0);
    CHECK(per.reclassified == 0);
    CHECK(per.attributes_changed == 1);   // PER-002 -> PER-102
    CHECK(per.unchanged == 2);            // PER-003 -> PER-103, PER-010 -> PER-110
    CHECK(per.newly_found == 1);          // PER-104
    CHECK(per.gone_unexplained == 2);     // PER-004, PER-011
    CHECK(per.removed_after_closure == 0);
    CHECK(per.matched_by_location == 4);
    CHECK(per.no_longer_inadequate_sites == 1);  // PER-101, waste unknown
    CHECK_FALSE(per.waste_no_longer_inadequate_t_per_day.has_value());  // its one site's waste is unknown: not 0
    CHECK(per.waste_unknown_sites == 1);

    const auto& all = d.total;
    CHECK(all.country_iso3 == "all");
    CHECK(all.old_sites == 15);
    CHECK(all.new_sites == 13);
    CHECK(all.closed == 2);
    CHECK(all.remediated == 1);
    CHECK(all.reclassified == 3);
    CHECK(all.attributes_changed == 2);
    CHECK(all.unchanged == 3);
    CHECK(all.newly_found == 2);
    CHECK(all.gone_unexplained == 3);
    CHECK(all.removed_after_closure == 1);
    CHECK(all.matched_by_location == 4);
    CHECK(all.no_longer_inadequate_sites == 3);
    CHECK(all.waste_no_longer_inadequate_t_per_day == 680.0);
    CHECK(all.waste_unknown_sites == 1);
    // Every old record is accounted for once, and every new one.
    for (const auto* p : {&bol, &per, &all}) {
        CHECK(p->old_sites == p->closed + p->remediated + p->reclassified + p->attributes_changed + p->unchanged +
                                  p->gone_unexplained + p->removed_after_closure);
        CHECK(p->new_sites == p->closed + p->remediated + p->reclassified + p->attributes_changed + p->unchanged +
                                  p->newly_found);
    }
}

TEST_CASE("methane reduction comes from the model given, and is unknown without one", "[progress_diff]")
{
    DiffOptions opt;
    opt.ch4_t_per_year = toy_ch4_t_per_year;
    const auto d = compare_snapshots(old_snapshot(), new_snapshot(), opt);
    // BOL-001: 600 t/day, 600*10 = 6000 before, 600*4 = 2400 closed: 3600.
    // BOL-004: 80 t/day, 80*10 = 800 before, 80*4 = 320 as a sanitary landfill: 480.
    CHECK(*change_of(d, "BOL-001").ch4_old_t_per_year == 6000.0);
    CHECK(*change_of(d, "BOL-001").ch4_new_t_per_year == 2400.0);
    REQUIRE(country_of(d, "BOL").ch4_reduction_t_per_year.has_value());
    CHECK(*country_of(d, "BOL").ch4_reduction_t_per_year == 4080.0);
    CHECK(country_of(d, "BOL").ch4_unknown_sites == 0);
    // PER-101, PER's only site no longer inadequate, has no waste: the model cannot say, so PER's
    // reduction is unknown, not 0; the total adds BOL's known one and counts PER-101.
    CHECK(country_of(d, "PER").no_longer_inadequate_sites == 1);
    CHECK_FALSE(country_of(d, "PER").ch4_reduction_t_per_year.has_value());
    CHECK(country_of(d, "PER").ch4_unknown_sites == 1);
    CHECK(*d.total.ch4_reduction_t_per_year == 4080.0);
    CHECK(d.total.ch4_unknown_sites == 1);
    CHECK(d.with_ch4_model);
    const auto with_model = progress_summary_table(d);
    REQUIRE(with_model.rows.size() == 3);  // BOL, PER, all
    REQUIRE(with_model.columns[16].name == "ch4_reduction_t_per_year");
    REQUIRE(with_model.columns[17].name == "ch4_unknown_sites");
    CHECK(std::holds_alternative<std::monostate>(with_model.rows[1][16]));     // PER ch4_reduction_t_per_year
    CHECK(std::get<std::int64_t>(with_model.rows[1][17]) == 1);                // PER ch4_unknown_sites
    CHECK(std::get<double>(with_model.rows[2][16]) == 4080.0);
    // A model that knows nothing: every reduction over sites unknown, the counts still shown.
    DiffOptions blind;
    blind.ch4_t_per_year = [](const Site&) { return std::optional<double>{}; };
    const auto b = compare_snapshots(old_snapshot(), new_snapshot(), blind);
    CHECK_FALSE(b.total.ch4_reduction_t_per_year.has_value());
    CHECK(b.total.ch4_unknown_sites == 3);
    const auto blind_table = progress_summary_table(b);
    CHECK(std::get<std::int64_t>(blind_table.rows[2][17]) == 3);
    // A country with no site no longer inadequate has a true 0 reduction: a model for BOL's and PER's
    // sites, on snapshots where nothing changed.
    const auto same = compare_snapshots(old_snapshot(), old_snapshot(), opt);
    CHECK(same.total.no_longer_inadequate_sites == 0);
    CHECK(same.total.ch4_reduction_t_per_year.value() == 0.0);
    // Only sites that stopped being inadequate are evaluated.
    CHECK_FALSE(change_of(d, "BOL-003").ch4_old_t_per_year.has_value());

    // Without a model the CH4 columns are empty, not zero.
    const auto table = progress_summary_table(compare_snapshots(old_snapshot(), new_snapshot()));
    const auto col = std::find_if(table.columns.begin(), table.columns.end(),
                                  [](const ReportColumn& c) { return c.name == "ch4_reduction_t_per_year"; });
    REQUIRE(col != table.columns.end());
    for (const auto& row : table.rows)
        CHECK(std::holds_alternative<std::monostate>(row[static_cast<std::size_t>(col - table.columns.begin())]));
}

TEST_CASE("ties are broken by ids, not by input order", "[progress_diff]")
{
    // Old side: PER-010 and PER-011 are both 0 m from PER-110; the smaller old id wins.
    auto d = compare_snapshots(old_snapshot(), new_snapshot());
    CHECK(change_of(d, "PER-110").old_site->site_id == "PER-010");
    // Renaming PER-010 to PER-012 makes PER-011 the smaller id: now it wins.
    auto old = old_snapshot();
    for (auto& s : old)
        if (s.site_id == "PER-010")
            s.site_id = "PER-012";
    d = compare_snapshots(old, new_snapshot());
    CHECK(change_of(d, "PER-110").old_site->site_id == "PER-011");
    CHECK(change_of(d, "PER-012").kind == ChangeKind::gone_unexplained);

    // New side: one old record, two new ones at the same point; the smaller new id wins, in either order.
    const Site x = site("X-1", "a", "CHL", "", -70.6, -33.45, OD, ACTIVE, 5);
    Site y2 = x, y1 = x;
    y2.site_id = "Y-2";
    y1.site_id = "Y-1";
    for (const auto& news : {std::vector<Site>{y2, y1}, std::vector<Site>{y1, y2}}) {
        d = compare_snapshots({x}, news);
        CHECK(change_of(d, "Y-1").match == MatchMethod::by_location);
        CHECK(change_of(d, "Y-2").kind == ChangeKind::newly_found);
    }
}

TEST_CASE("location matching is greedy by increasing distance", "[progress_diff]")
{
    // On the equator: old A at 0 m, old B 100 m east; new P 60 m east, new Q 150 m east.
    // Pairs by distance: B-P 40, B-Q 50, A-P 60, A-Q 150. Greedy takes B-P, then A-Q (150 <= 200).
    const LonLat origin{-78.5, 0.0};
    auto at = [&](std::string id, double east_m) {
        return site(std::move(id), "", "ECU", "", geodesic_direct(origin, 90.0, east_m).lon_deg, 0.0, OD, ACTIVE);
    };
    const auto d = compare_snapshots({at("A", 0), at("B", 100)}, {at("Q", 150), at("P", 60)});
    CHECK(change_of(d, "P").old_site->site_id == "B");
    CHECK(change_of(d, "Q").old_site->site_id == "A");
    CHECK(*change_of(d, "P").moved_m == Approx(40.0).margin(1e-6));
    CHECK(*change_of(d, "Q").moved_m == Approx(150.0).margin(1e-6));
}

TEST_CASE("location matching tolerances, country, type and municipality", "[progress_diff]")
{
    const LonLat origin{-58.4, -34.6};
    auto at = [&](std::string id, double north_m, LocationPrecision p = LocationPrecision::surveyed) {
        const auto pos = geodesic_direct(origin, 0.0, north_m);
        Site s = site(std::move(id), "", "ARG", "", pos.lon_deg, pos.lat_deg, OD, ACTIVE);
        s.location_precision = p;
        return s;
    };
    auto matched = [](const std::vector<Site>& o, const std::vector<Site>& n) {
        return compare_snapshots(o, n).total.matched_by_location == 1;
    };
    const Site old_surveyed = at("O", 0);
    CHECK(matched({old_surveyed}, {at("N", 199)}));
    CHECK_FALSE(matched({old_surveyed}, {at("N", 201)}));
    // One coarse position is enough for the 2 km tolerance.
    CHECK(matched({old_surveyed}, {at("N", 1999, LocationPrecision::municipal_seat)}));
    CHECK(matched({at("O", 0, LocationPrecision::estimated)}, {at("N", 1999)}));
    CHECK_FALSE(matched({old_surveyed}, {at("N", 2001, LocationPrecision::municipal_seat)}));
    // The option moves the limit.
    DiffOptions wide;
    wide.match_tolerance_m = 300.0;
    CHECK(compare_snapshots({old_surveyed}, {at("N", 250)}, wide).total.matched_by_location == 1);

    // Different country, different type: never.
    Site other_country = at("N", 10);
    other_country.country_iso3 = "URY";
    CHECK_FALSE(matched({old_surveyed}, {other_country}));
    Site other_type = at("N", 10);
    other_type.site_type = CD;
    CHECK_FALSE(matched({old_surveyed}, {other_type}));
    // A coarse pair with two different known municipality codes: no; with one unknown: yes.
    Site o = at("O", 0, LocationPrecision::municipal_seat);
    Site n = at("N", 500, LocationPrecision::municipal_seat);
    o.municipality_code = "02000";
    n.municipality_code = "06000";
    CHECK_FALSE(matched({o}, {n}));
    n.municipality_code.clear();
    CHECK(matched({o}, {n}));
    // Matching by id ignores distance: a record that moved 50 km is still the same site.
    CHECK(compare_snapshots({old_surveyed}, {at("O", 50000)}).changes.front().details ==
          std::vector<std::string>{"location moved 50000 m"});
}

TEST_CASE("status changes to or from unknown are attribute changes, and unknown -> closed is a closure", "[progress_diff]")
{
    Site o = site("S", "", "HND", "", -87.2, 14.1, OD, SiteStatus::unknown, 30);
    Site n = o;
    n.status = ACTIVE;
    CHECK(compare_snapshots({o}, {n}).changes.front().kind == ChangeKind::attributes_changed);
    n.status = CLOSED;
    const auto d = compare_snapshots({o}, {n});
    CHECK(d.changes.front().kind == ChangeKind::closed);
    // Unknown status is treated as receiving waste (site_predicates.hpp): the closure moves its 30 t/day.
    CHECK(d.changes.front().no_longer_inadequate);
    CHECK(d.total.waste_no_longer_inadequate_t_per_day == 30.0);
    // Downgrade on the ladder is a reclassification too.
    Site l = site("L", "", "HND", "", -87.2, 14.1, SL, ACTIVE, 30);
    Site l2 = l;
    l2.site_type = OD;
    CHECK(compare_snapshots({l}, {l2}).changes.front().details ==
          std::vector<std::string>{"site_type sanitary_landfill -> open_dump (downgrade)"});
}

TEST_CASE("the result does not depend on the order of the inputs", "[progress_diff]")
{
    DiffOptions opt;
    opt.ch4_t_per_year = toy_ch4_t_per_year;
    const auto reference = compare_snapshots(old_snapshot(), new_snapshot(), opt);
    const auto expected_csv = render(reference, ReportFormat::csv);
    const auto expected_json = render(reference, ReportFormat::json);
    std::mt19937 rng(20240601);
    for (int trial = 0; trial < 20; ++trial) {
        auto o = old_snapshot();
        auto n = new_snapshot();
        std::shuffle(o.begin(), o.end(), rng);
        std::shuffle(n.begin(), n.end(), rng);
        const auto d = compare_snapshots(o, n, opt);
        CHECK(render(d, ReportFormat::csv) == expected_csv);
        CHECK(render(d, ReportFormat::json) == expected_json);
    }
}

TEST_CASE("bad snapshots and options are refused with the record and the value", "[progress_diff]")
{
    auto old = old_snapshot();
    old[3].site_id = "BOL-001";
    DiffOptions opt;
    opt.old_label = "old.csv";
    CHECK_THROWS_WITH(compare_snapshots(old, new_snapshot(), opt),
                      Catch::Contains("old.csv") && Catch::Contains("record 4") && Catch::Contains("BOL-001") &&
                          Catch::Contains("duplicate") && Catch::Contains("record 1"));
    auto n = new_snapshot();
    n[1].site_id.clear();
    CHECK_THROWS_AS(compare_snapshots(old_snapshot(), n), input_error);
    n = new_snapshot();
    n[0].location.lat_deg = -123.4;
    CHECK_THROWS_WITH(compare_snapshots(old_snapshot(), n), Catch::Contains("-123.4") && Catch::Contains("new snapshot"));
    opt = {};
    opt.match_tolerance_m = -1.0;
    CHECK_THROWS_AS(compare_snapshots(old_snapshot(), new_snapshot(), opt), usage_error);
    // Empty snapshots are fine.
    const auto d = compare_snapshots({}, new_snapshot());
    CHECK(d.total.newly_found == 13);
    CHECK(compare_snapshots({}, {}).changes.empty());
}

TEST_CASE("summary and change tables, and the atomically written change list", "[progress_diff]")
{
    const auto d = compare_snapshots(old_snapshot(), new_snapshot());
    const auto summary = progress_summary_table(d);
    CHECK(summary.name == "countries");
    REQUIRE(summary.rows.size() == 3);  // BOL, PER, all
    CHECK(std::get<std::string>(summary.rows[2][0]) == "all");
    const auto changes = progress_changes_table(d);
    CHECK(changes.rows.size() == d.changes.size());

    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "progress_diff";
    std::filesystem::create_directories(dir);
    const auto path = dir / "changes.csv";
    write_progress_changes_csv(path, d);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const auto csv = text.str();
    CHECK(csv.rfind("country,site_id,change,matched_by,old_site_id,new_site_id,moved_m,", 0) == 0);
    // Header + 17 changes.
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 18);
    // The comma inside the details forces CSV quoting.
    CHECK(csv.find("PER,PER-101,closed,location,PER-001,PER-101,50,open_dump,open_dump,active,closed,,,yes,,,"
                   "\"matched by location (id changed from PER-001 to PER-101, 50 m); status active -> closed\"") !=
          std::string::npos);
    CHECK(std::filesystem::directory_iterator(dir) != std::filesystem::directory_iterator());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir))
        ++files;
    CHECK(files == 1);  // no temporary left behind
}

namespace {

std::string format_double(double v)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

/// A Site as the schema CSV spells it: unknown = empty, yes/no, enums as in site.hpp.
std::map<std::string, std::string> schema_row(const Site& s)
{
    auto num = [](const auto& v) { return v ? format_double(static_cast<double>(*v)) : std::string{}; };
    auto yes_no = [](const std::optional<bool>& v) { return v ? std::string(*v ? "yes" : "no") : std::string{}; };
    return {{"site_id", s.site_id},
            {"name", s.name},
            {"country", s.country_iso3},
            {"admin1_name", s.admin1_name},
            {"admin1_code", s.admin1_code},
            {"municipality_name", s.municipality_name},
            {"municipality_code", s.municipality_code},
            {"lon", format_double(s.location.lon_deg)},
            {"lat", format_double(s.location.lat_deg)},
            {"location_precision", std::string(to_string(s.location_precision))},
            {"site_type", std::string(to_string(s.site_type))},
            {"status", std::string(to_string(s.status))},
            {"area_ha", num(s.area_ha)},
            {"depth_m", num(s.depth_m)},
            {"waste_t_per_day", num(s.waste_t_per_day)},
            {"waste_in_place_t", num(s.waste_in_place_t)},
            {"opening_year", num(s.opening_year)},
            {"closure_year", num(s.closure_year)},
            {"open_burning", yes_no(s.open_burning)},
            {"waste_pickers", num(s.waste_pickers)},
            {"child_waste_pickers", num(s.child_waste_pickers)},
            {"gas_capture", std::string(to_string(s.gas_capture))},
            {"receives_other_municipalities", yes_no(s.receives_other_municipalities)},
            {"provenance", std::string(to_string(s.provenance))},
            {"waste_provenance", s.waste_provenance ? std::string(to_string(*s.waste_provenance)) : std::string{}},
            {"source", s.source},
            {"source_record", s.source_record},
            {"derived_fields", format_derived_fields(s.derived_fields)},
            {"reporting_municipalities", format_reporting_municipalities(s.reporting_municipalities)}};
}

}  // namespace

TEST_CASE("the fixture CSV snapshots hold exactly the hand-built snapshots", "[progress_diff]")
{
    // tests/data/snapshots/{old,new}.csv feed the CLI tests; the unit tests above use the C++ copies.
    for (const auto& [file, sites] : {std::pair{"old.csv", old_snapshot()}, std::pair{"new.csv", new_snapshot()}}) {
        INFO(file);
        const auto path = std::string(BASURAL_TEST_DATA_DIR) + "/snapshots/" + file;
        auto ds = detail::open_vector(path, {}, {"CSV"});
        OGRLayer* layer = ds->GetLayer(0);
        REQUIRE(layer != nullptr);
        std::vector<std::string> header;
        for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
            header.push_back(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
        CHECK(header == site_schema_columns());
        std::size_t n = 0;
        for (const auto& f : *layer) {
            REQUIRE(n < sites.size());
            const auto expected = schema_row(sites[n]);
            for (const auto& col : header) {
                INFO("record " << n + 1 << ", column " << col);
                CHECK(f->GetFieldAsString(col.c_str()) == expected.at(col));
            }
            ++n;
        }
        CHECK(n == sites.size());
    }
}

TEST_CASE("a closed dump of unknown tonnage moves the tonnage the fill gives its old record", "[progress_diff]")
{
    Site o = site("S", "", "HND", "", -87.2, 14.1, OD, ACTIVE);  // no tonnage in either snapshot
    Site n = o;
    n.status = CLOSED;
    n.closure_year = 2024;
    DiffOptions plain;
    const auto unknown = compare_snapshots({o}, {n}, plain);
    CHECK_FALSE(unknown.total.waste_no_longer_inadequate_t_per_day.has_value());
    CHECK(unknown.total.waste_unknown_sites == 1);

    DiffOptions filled;
    filled.old_waste_t_per_day = [](const Site& s) { return s.site_id == "S" ? std::optional<double>(12.5) : std::nullopt; };
    std::vector<std::optional<double>> seen;  // the tonnage the methane model is given, old then new
    filled.ch4_t_per_year = [&seen](const Site& s) {
        seen.push_back(s.waste_t_per_day);
        return s.waste_t_per_day;
    };
    const auto d = compare_snapshots({o}, {n}, filled);
    CHECK(d.total.waste_no_longer_inadequate_t_per_day == 12.5);
    CHECK(d.total.waste_unknown_sites == 0);
    CHECK(d.total.waste_estimated_sites == 1);
    CHECK(d.changes.front().waste_moved_estimated);
    // the closed record decays from the old one's deposits: both evaluated with 12.5 t/day
    CHECK(seen == std::vector<std::optional<double>>{12.5, 12.5});
    // the snapshots are compared as recorded: no tonnage change is reported
    CHECK(d.changes.front().kind == ChangeKind::closed);
}

// IPCC 2006 first-order decay (Vol. 5 Ch. 3 eq. 3.1-3.6) checked against hand arithmetic, the
// published tables, and the closed form of the recurrence for constant deposits.
#include "basural/base/error.hpp"
#include "basural/reports/methane.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace basural;

namespace {

// e^-0.17 = 0.843664817, 1 - e^-0.17 = 0.156335183
const double Q17 = std::exp(-0.17);

Site make_site(std::string id, std::string iso3, LonLat where, SiteType type, std::optional<double> t_per_day)
{
    Site s;
    s.site_id = std::move(id);
    s.country_iso3 = std::move(iso3);
    s.location = where;
    s.site_type = type;
    s.status = SiteStatus::active;
    s.waste_t_per_day = t_per_day;
    return s;
}

MethaneParams params_for(int year)
{
    MethaneParams p;
    p.reporting_year = year;
    return p;
}

const LonLat MANAUS{-60.02, -3.12};     // tropical wet
const LonLat SANTIAGO{-70.65, -33.45};  // temperate dry

}  // namespace

TEST_CASE("FOD: three years of 1000 t/yr, k = 0.17, worked by hand", "[methane]")
{
    // DOC 0.15, DOCf 0.5, MCF 1 -> DDOCmd = 1000 x 0.15 x 0.5 x 1 = 75 t per year of deposit.
    // CH4 = decomposed x F x 16/12 = decomposed x 0.5 x 1.3333 = decomposed x 0.6667.
    // 2001: DDOCma = 75;                        decomposed 0;                         CH4 0
    // 2002: decomposed = 75 x 0.156335183 = 11.72513876;   DDOCma = 75 + 75 x 0.843664817 = 138.27486124
    //       CH4 = 11.72513876 x 0.6667 = 7.81675917
    // 2003: decomposed = 138.27486124 x 0.156335183 = 21.61722579; DDOCma = 75 + 138.27486124 x 0.843664817
    //       = 191.65763545; CH4 = 14.41148386
    // 2004 (no deposit): decomposed = 191.65763545 x 0.156335183 = 29.96283159; DDOCma = 161.69480386;
    //       CH4 = 19.97522106
    // 2005: decomposed = 161.69480386 x 0.156335183 = 25.27858682; CH4 = 16.85239121
    FodParameters p;
    p.doc_fraction = 0.15;
    p.mcf = 1.0;
    p.k_per_year = 0.17;
    const auto years = run_first_order_decay(2001, {1000.0, 1000.0, 1000.0}, 2005, p);
    REQUIRE(years.size() == 5);
    CHECK(years[0].year == 2001);
    CHECK(years[4].year == 2005);
    CHECK(years[0].ddocm_deposited_t == Approx(75.0).epsilon(1e-12));
    CHECK(years[0].ddocm_accumulated_t == Approx(75.0).epsilon(1e-12));
    CHECK(years[0].ch4_generated_t == 0.0);
    CHECK(years[1].ddocm_decomposed_t == Approx(11.72513876).epsilon(1e-8));
    CHECK(years[1].ddocm_accumulated_t == Approx(138.27486124).epsilon(1e-9));
    CHECK(years[1].ch4_emitted_t == Approx(7.81675917).epsilon(1e-8));
    CHECK(years[2].ddocm_decomposed_t == Approx(21.61722579).epsilon(1e-8));
    CHECK(years[2].ddocm_accumulated_t == Approx(191.65763545).epsilon(1e-9));
    CHECK(years[2].ch4_emitted_t == Approx(14.41148386).epsilon(1e-8));
    CHECK(years[3].waste_t == 0.0);
    CHECK(years[3].ddocm_decomposed_t == Approx(29.96283159).epsilon(1e-8));
    CHECK(years[3].ddocm_accumulated_t == Approx(161.69480386).epsilon(1e-9));
    CHECK(years[3].ch4_emitted_t == Approx(19.97522106).epsilon(1e-8));
    CHECK(years[4].ch4_emitted_t == Approx(16.85239121).epsilon(1e-8));
    // Mass balance: what is left plus what decomposed equals what was deposited (3 x 75 = 225 t).
    double decomposed = 0.0;
    for (const auto& y : years)
        decomposed += y.ddocm_decomposed_t;
    CHECK(decomposed + years[4].ddocm_accumulated_t == Approx(225.0).epsilon(1e-12));
}

TEST_CASE("FOD: recovery is subtracted before oxidation (eq. 3.1)", "[methane]")
{
    // Same deposits; in 2004 generated = 19.97522106 t. With R = 0.2 x generated and OX = 0.1:
    // recovered = 3.99504421, emitted = (19.97522106 - 3.99504421) x 0.9 = 19.97522106 x 0.72 = 14.38215916.
    FodParameters p;
    p.doc_fraction = 0.15;
    p.k_per_year = 0.17;
    p.recovery_fraction = 0.2;
    p.ox_fraction = 0.1;
    const auto years = run_first_order_decay(2001, {1000.0, 1000.0, 1000.0}, 2004, p);
    CHECK(years[3].ch4_generated_t == Approx(19.97522106).epsilon(1e-8));
    CHECK(years[3].ch4_recovered_t == Approx(3.99504421).epsilon(1e-8));
    CHECK(years[3].ch4_emitted_t == Approx(14.38215916).epsilon(1e-8));
}

TEST_CASE("FOD: constant deposits follow the closed form of the geometric series", "[methane]")
{
    // With DDOCmd = D every year from year 1 to n, eq. 3.4 gives DDOCma_T = D (1 - q^T) / (1 - q) for
    // T <= n (q = e^-k), so eq. 3.5 gives decomposed_T = D (1 - q^(T-1)) while deposits last and
    // decomposed_T = D (1 - q^n) q^(T-1-n) after the last deposit in year n.
    FodParameters p;
    p.doc_fraction = 0.1622;
    p.mcf = 0.8;
    p.k_per_year = 0.065;
    const double w_t = 36500.0;
    const double d_t = w_t * 0.1622 * 0.5 * 0.8;
    const double q = std::exp(-0.065);
    const int n = 60;
    const auto years = run_first_order_decay(1, std::vector<double>(n, w_t), 100, p);
    for (int t : {2, 10, 30, 60, 61}) {
        const double expected = d_t * (1.0 - std::pow(q, t - 1)) * 0.5 * 16.0 / 12.0;
        CHECK(years[static_cast<std::size_t>(t - 1)].ch4_emitted_t == Approx(expected).epsilon(1e-12));
    }
    for (int t : {62, 80, 100}) {
        const double expected = d_t * (1.0 - std::pow(q, n)) * std::pow(q, t - 1 - n) * 0.5 * 16.0 / 12.0;
        CHECK(years[static_cast<std::size_t>(t - 1)].ch4_emitted_t == Approx(expected).epsilon(1e-12));
    }
}

TEST_CASE("FOD: bad parameters and series are usage errors", "[methane]")
{
    FodParameters p;
    p.doc_fraction = 0.15;
    p.k_per_year = 0.17;
    CHECK_THROWS_AS(run_first_order_decay(2005, {1.0}, 2004, p), usage_error);
    CHECK_THROWS_AS(run_first_order_decay(2001, {1.0, 1.0, 1.0}, 2002, p), usage_error);
    CHECK_THROWS_AS(run_first_order_decay(2001, {-1.0}, 2002, p), usage_error);
    p.k_per_year = 0.0;
    CHECK_THROWS_AS(run_first_order_decay(2001, {1.0}, 2002, p), usage_error);
    p.k_per_year = 0.17;
    p.mcf = 1.5;
    CHECK_THROWS_WITH(run_first_order_decay(2001, {1.0}, 2002, p), Catch::Contains("MCF"));
}

TEST_CASE("MCF follows Table 3.1 by site type and depth", "[methane]")
{
    CHECK(mcf_of(McfCategory::managed_anaerobic) == 1.0);
    CHECK(mcf_of(McfCategory::managed_semi_aerobic) == 0.5);
    CHECK(mcf_of(McfCategory::unmanaged_deep) == 0.8);
    CHECK(mcf_of(McfCategory::unmanaged_shallow) == 0.4);
    CHECK(mcf_of(McfCategory::uncategorised) == 0.6);

    CHECK(mcf_category_for(SiteType::sanitary_landfill, std::nullopt) == McfCategory::managed_anaerobic);
    CHECK(mcf_category_for(SiteType::sanitary_landfill, 2.0) == McfCategory::managed_anaerobic);
    CHECK(mcf_category_for(SiteType::controlled_dump, 2.0) == McfCategory::managed_anaerobic);
    CHECK(mcf_category_for(SiteType::open_dump, 5.0) == McfCategory::unmanaged_deep);
    CHECK(mcf_category_for(SiteType::open_dump, 12.0) == McfCategory::unmanaged_deep);
    CHECK(mcf_category_for(SiteType::open_dump, 4.99) == McfCategory::unmanaged_shallow);
    CHECK(mcf_category_for(SiteType::open_dump, std::nullopt) == McfCategory::uncategorised);
    CHECK(mcf_category_for(SiteType::controlled_dump, 3.0, ControlledDumpTreatment::unmanaged_by_depth) ==
          McfCategory::unmanaged_shallow);
    CHECK(mcf_category_for(SiteType::controlled_dump, std::nullopt, ControlledDumpTreatment::unmanaged_by_depth) ==
          McfCategory::uncategorised);
    CHECK_FALSE(mcf_category_for(SiteType::other, 10.0).has_value());
}

TEST_CASE("bulk DOC from the Table 2.3 regional composition and Table 2.4 DOC values", "[methane]")
{
    // South America:   0.449 x 0.15 + 0.171 x 0.40 + 0.047 x 0.43 + 0.026 x 0.24
    //                = 0.06735 + 0.0684 + 0.02021 + 0.00624 = 0.16220
    // Central America: 0.438 x 0.15 + 0.137 x 0.40 + 0.135 x 0.43 + 0.026 x 0.24
    //                = 0.0657 + 0.0548 + 0.05805 + 0.00624 = 0.18479
    // Caribbean:       0.469 x 0.15 + 0.170 x 0.40 + 0.024 x 0.43 + 0.051 x 0.24
    //                = 0.07035 + 0.068 + 0.01032 + 0.01224 = 0.16091
    CHECK(doc_fraction_of(ipcc_default_composition(IpccRegion::south_america)) == Approx(0.16220).epsilon(1e-12));
    CHECK(doc_fraction_of(ipcc_default_composition(IpccRegion::central_america)) == Approx(0.18479).epsilon(1e-12));
    CHECK(doc_fraction_of(ipcc_default_composition(IpccRegion::caribbean)) == Approx(0.16091).epsilon(1e-12));
    // Garden and nappies (not in the regional rows) use 0.20 and 0.24: 0.5 x 0.20 + 0.5 x 0.24 = 0.22.
    WasteComposition c;
    c.garden = 0.5;
    c.nappies = 0.5;
    CHECK(doc_fraction_of(c) == Approx(0.22).epsilon(1e-12));
}

TEST_CASE("the 33 LAC states map to their IPCC region", "[methane]")
{
    const std::vector<std::string> lac{"ARG", "ATG", "BHS", "BLZ", "BOL", "BRA", "BRB", "CHL", "COL", "CRI", "CUB",
                                       "DMA", "DOM", "ECU", "GRD", "GTM", "GUY", "HND", "HTI", "JAM", "KNA", "LCA",
                                       "MEX", "NIC", "PAN", "PER", "PRY", "SLV", "SUR", "TTO", "URY", "VCT", "VEN"};
    REQUIRE(lac.size() == 33);
    for (const auto& iso3 : lac)
        CHECK(ipcc_region_of(iso3).has_value());
    CHECK(ipcc_region_of("MEX") == IpccRegion::central_america);
    CHECK(ipcc_region_of("PAN") == IpccRegion::central_america);
    CHECK(ipcc_region_of("DOM") == IpccRegion::caribbean);
    CHECK(ipcc_region_of("GUY") == IpccRegion::south_america);
    CHECK_FALSE(ipcc_region_of("USA").has_value());
    CHECK_FALSE(ipcc_region_of("mex").has_value());
}

TEST_CASE("k follows Table 3.3 bulk-waste defaults", "[methane]")
{
    CHECK(k_bulk_waste_per_year(ClimateZone::temperate_dry) == 0.05);
    CHECK(k_bulk_waste_per_year(ClimateZone::temperate_wet) == 0.09);
    CHECK(k_bulk_waste_per_year(ClimateZone::tropical_dry) == 0.065);
    CHECK(k_bulk_waste_per_year(ClimateZone::tropical_wet) == 0.17);
}

TEST_CASE("a deep open dump in Manaus, worked by hand", "[methane]")
{
    // Open dump, depth 10 m -> unmanaged deep, MCF 0.8; Brazil -> South America, DOC 0.1622;
    // Manaus (3.1 S, wet) -> tropical wet, k 0.17. 10 t/day -> 3650 t/yr deposited 2020, 2021, 2022.
    // DDOCmd = 3650 x 0.1622 x 0.5 x 0.8 = 236.812 t. CH4 in 2022 comes from DDOCma_2021 = D (1 + q):
    // decomposed = D (1 + q)(1 - q) = D (1 - e^-0.34) = 236.812 x 0.288229677 = 68.2562463 t;
    // CH4 = 68.2562463 x 0.5 x 16/12 = 45.5041642 t; CO2e = 45.5041642 x 28 = 1274.116598 t.
    auto s = make_site("br-1", "BRA", MANAUS, SiteType::open_dump, 10.0);
    s.depth_m = 10.0;
    s.opening_year = 2020;
    const auto r = estimate_site_methane(s, params_for(2022));
    REQUIRE(r.ch4_t_per_year.has_value());
    CHECK(*r.ch4_t_per_year == Approx(45.5041642).epsilon(1e-8));
    CHECK(*r.co2e_t_per_year == Approx(1274.116598).epsilon(1e-8));
    CHECK(r.unknown_reason.empty());
    CHECK(r.mcf_category == McfCategory::unmanaged_deep);
    CHECK(r.mcf == 0.8);
    CHECK(r.region == IpccRegion::south_america);
    CHECK(r.doc_fraction == Approx(0.1622));
    CHECK(r.climate_zone == ClimateZone::tropical_wet);
    CHECK(r.k_per_year == 0.17);
    CHECK(r.ox_fraction == 0.0);
    CHECK(r.recovery_fraction == 0.0);
    CHECK(*r.annual_waste_t == 3650.0);
    CHECK(r.first_deposit_year == 2020);
    CHECK(r.last_deposit_year == 2022);
    CHECK_FALSE(r.first_deposit_year_assumed);
    CHECK(r.gwp100_ch4 == 28.0);
}

TEST_CASE("a sanitary landfill with flaring: recovery and the soil-cover OX", "[methane]")
{
    // Santiago: temperate dry, k 0.05; Chile -> DOC 0.1622; MCF 1.0; 100 t/day -> 36500 t/yr from 2000.
    // D = 36500 x 0.1622 x 0.5 = 2960.15 t. CH4 in 2024 from deposits 2000-2023 (24 years), by the closed
    // form: generated = D (1 - e^(-0.05 x 24)) x 2/3 = 2960.15 x 0.698805788 x 2/3 = 1379.0466357 t.
    // Recovery 0.5 (set for the test) -> 689.5233179 t; OX 0.1 -> emitted 689.5233179 x 0.9 = 620.5709861 t.
    auto s = make_site("cl-1", "CHL", SANTIAGO, SiteType::sanitary_landfill, 100.0);
    s.opening_year = 2000;
    s.gas_capture = GasCapture::flaring;
    auto p = params_for(2024);
    p.capture_recovery_fraction = 0.5;
    const auto r = estimate_site_methane(s, p);
    REQUIRE(r.ch4_t_per_year.has_value());
    CHECK(r.climate_zone == ClimateZone::temperate_dry);
    CHECK(r.ox_fraction == 0.1);
    CHECK(r.recovery_fraction == 0.5);
    CHECK(*r.ch4_generated_t_per_year == Approx(1379.0466357).epsilon(1e-9));
    CHECK(*r.ch4_recovered_t_per_year == Approx(689.5233179).epsilon(1e-9));
    CHECK(*r.ch4_t_per_year == Approx(620.5709861).epsilon(1e-9));

    // By default nothing is recovered (IPCC: zero unless metered), and drainage alone never recovers.
    const auto by_default = estimate_site_methane(s, params_for(2024));
    CHECK(by_default.recovery_fraction == 0.0);
    CHECK(*by_default.ch4_t_per_year == Approx(1379.0466357 * 0.9).epsilon(1e-9));
    s.gas_capture = GasCapture::drainage;
    CHECK(estimate_site_methane(s, p).recovery_fraction == 0.0);
}

TEST_CASE("what cannot be estimated is unknown, not zero", "[methane]")
{
    const auto p = params_for(2024);
    auto no_tonnage = make_site("x", "BRA", MANAUS, SiteType::open_dump, std::nullopt);
    auto r = estimate_site_methane(no_tonnage, p);
    CHECK_FALSE(r.ch4_t_per_year.has_value());
    CHECK_FALSE(r.co2e_t_per_year.has_value());
    CHECK(r.unknown_reason == "waste_t_per_day is unknown");

    auto other = make_site("x", "BRA", MANAUS, SiteType::other, 10.0);
    r = estimate_site_methane(other, p);
    CHECK_FALSE(r.ch4_t_per_year.has_value());
    CHECK_THAT(r.unknown_reason, Catch::Contains("'other'"));

    auto closed = make_site("x", "BRA", MANAUS, SiteType::open_dump, 10.0);
    closed.status = SiteStatus::closed;
    r = estimate_site_methane(closed, p);
    CHECK_FALSE(r.ch4_t_per_year.has_value());
    CHECK_THAT(r.unknown_reason, Catch::Contains("closure_year is unknown"));

    auto inverted = make_site("x", "BRA", MANAUS, SiteType::open_dump, 10.0);
    inverted.opening_year = 2010;
    inverted.closure_year = 2005;
    CHECK_THAT(estimate_site_methane(inverted, p).unknown_reason, Catch::Contains("before opening_year"));

    auto abroad = make_site("x", "USA", {-100.0, 40.0}, SiteType::open_dump, 10.0);
    r = estimate_site_methane(abroad, p);
    CHECK_FALSE(r.ch4_t_per_year.has_value());
    CHECK_THAT(r.unknown_reason, Catch::Contains("give its DOC"));
    // ... unless its DOC is given.
    auto with_doc = p;
    with_doc.doc_by_country["USA"] = 0.2;
    r = estimate_site_methane(abroad, with_doc);
    CHECK(r.ch4_t_per_year.has_value());
    CHECK(r.doc_from_country);
    CHECK(r.doc_fraction == 0.2);
}

TEST_CASE("a closed site keeps emitting and decays by e^-k a year after closure", "[methane]")
{
    auto s = make_site("x", "BRA", MANAUS, SiteType::open_dump, 50.0);
    s.opening_year = 1990;
    s.closure_year = 2010;
    s.status = SiteStatus::closed;
    const auto in_2015 = estimate_site_methane(s, params_for(2015));
    const auto in_2016 = estimate_site_methane(s, params_for(2016));
    REQUIRE(in_2015.ch4_t_per_year.has_value());
    CHECK(in_2015.last_deposit_year == 2010);
    CHECK(*in_2015.ch4_t_per_year > 0.0);
    CHECK(*in_2016.ch4_t_per_year / *in_2015.ch4_t_per_year == Approx(Q17).epsilon(1e-12));
    // Closure after the reporting year: deposits run to the reporting year only.
    s.closure_year = 2030;
    s.status = SiteStatus::active;
    CHECK(estimate_site_methane(s, params_for(2015)).last_deposit_year == 2015);
}

TEST_CASE("unknown opening year: the documented number of operating years is assumed", "[methane]")
{
    auto s = make_site("x", "MEX", {-99.13, 19.43}, SiteType::open_dump, 200.0);
    const auto assumed = estimate_site_methane(s, params_for(2024));
    CHECK(assumed.first_deposit_year_assumed);
    CHECK(assumed.first_deposit_year == 2005);  // 20 years: 2005..2024
    s.opening_year = 2005;
    const auto explicit_year = estimate_site_methane(s, params_for(2024));
    CHECK_FALSE(explicit_year.first_deposit_year_assumed);
    CHECK(*assumed.ch4_t_per_year == *explicit_year.ch4_t_per_year);
    // A site that opens after the reporting year has emitted nothing yet (known zero).
    s.opening_year = 2030;
    const auto future = estimate_site_methane(s, params_for(2024));
    REQUIRE(future.ch4_t_per_year.has_value());
    CHECK(*future.ch4_t_per_year == 0.0);
}

TEST_CASE("GWP is a parameter; invalid parameters are usage errors", "[methane]")
{
    auto s = make_site("x", "BRA", MANAUS, SiteType::open_dump, 10.0);
    s.opening_year = 2000;
    auto p = params_for(2024);
    p.gwp100_ch4 = GWP100_CH4_AR6_NON_FOSSIL;
    const auto r = estimate_site_methane(s, p);
    CHECK(*r.co2e_t_per_year == Approx(*r.ch4_t_per_year * 27.0).epsilon(1e-12));
    CHECK_THROWS_AS(estimate_site_methane(s, MethaneParams{}), usage_error);  // no reporting year
    p.capture_recovery_fraction = 1.2;
    CHECK_THROWS_AS(estimate_site_methane(s, p), usage_error);
}

TEST_CASE("per-country totals add the known estimates and count the unknown", "[methane]")
{
    SiteMethane a, b, c, d;
    a.country_iso3 = "BRA";
    a.ch4_t_per_year = 10.0;
    a.co2e_t_per_year = 280.0;
    b.country_iso3 = "BRA";
    b.ch4_t_per_year = 2.5;
    b.co2e_t_per_year = 70.0;
    c.country_iso3 = "BRA";
    d.country_iso3 = "ARG";
    d.ch4_t_per_year = 1.0;
    d.co2e_t_per_year = 28.0;
    const auto rows = methane_by_country({a, b, c, d});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].country_iso3 == "ARG");
    CHECK(rows[1].country_iso3 == "BRA");
    CHECK(rows[1].sites == 3);
    CHECK(rows[1].sites_estimated == 2);
    CHECK(rows[1].sites_unknown == 1);
    CHECK(rows[1].ch4_t_per_year.value() == 12.5);
    CHECK(rows[1].co2e_t_per_year.value() == 350.0);
}

TEST_CASE("a total over sites none of which is known is unknown, not 0", "[methane]")
{
    // BHS: two sites, neither estimable; ARG: one known (1 t CH4, 28 t CO2e) and one unknown.
    SiteMethane b1, b2, a1, a2;
    b1.country_iso3 = b2.country_iso3 = "BHS";
    b1.unknown_reason = b2.unknown_reason = "waste_t_per_day unknown";
    a1.country_iso3 = a2.country_iso3 = "ARG";
    a1.ch4_t_per_year = 1.0;
    a1.co2e_t_per_year = 28.0;
    const auto rows = methane_by_country({b1, a1, b2, a2});
    REQUIRE(rows.size() == 2);
    const auto& arg = rows[0];
    const auto& bhs = rows[1];
    REQUIRE(bhs.country_iso3 == "BHS");
    CHECK(bhs.sites == 2);
    CHECK(bhs.sites_estimated == 0);
    CHECK(bhs.sites_unknown == 2);
    CHECK_FALSE(bhs.ch4_t_per_year.has_value());
    CHECK_FALSE(bhs.co2e_t_per_year.has_value());
    // partly known: the known sum, a lower bound, with the unknown site counted
    CHECK(arg.ch4_t_per_year.value() == 1.0);
    CHECK(arg.co2e_t_per_year.value() == 28.0);
    CHECK(arg.sites_unknown == 1);

    // LAC adds the known sums (ARG's) and every count; BHS's unknown does not make it unknown.
    const auto lac = methane_total(rows, "LAC");
    CHECK(lac.country_iso3 == "LAC");
    CHECK(lac.sites == 4);
    CHECK(lac.sites_estimated == 1);
    CHECK(lac.sites_unknown == 3);
    CHECK(lac.ch4_t_per_year.value() == 1.0);
    CHECK(lac.co2e_t_per_year.value() == 28.0);

    // Over BHS alone the total is unknown too; over no sites at all it is a true 0.
    const auto only_bhs = methane_total({bhs}, "LAC");
    CHECK(only_bhs.sites_unknown == 2);
    CHECK_FALSE(only_bhs.ch4_t_per_year.has_value());
    CHECK_FALSE(only_bhs.co2e_t_per_year.has_value());
    const auto nothing = methane_total({}, "LAC");
    CHECK(nothing.sites == 0);
    CHECK(nothing.ch4_t_per_year.value() == 0.0);
    CHECK(nothing.co2e_t_per_year.value() == 0.0);
    CHECK(methane_by_country({}).empty());
}

TEST_CASE("a country of sites that emit a known 0 totals 0, not unknown", "[methane]")
{
    // A site opening after the reporting year emits a known 0 t (nothing deposited yet).
    auto s = make_site("x", "BRA", MANAUS, SiteType::open_dump, 10.0);
    s.opening_year = 2030;
    const auto rows = methane_by_country({estimate_site_methane(s, params_for(2024))});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].sites_estimated == 1);
    CHECK(rows[0].ch4_t_per_year.value() == 0.0);
}

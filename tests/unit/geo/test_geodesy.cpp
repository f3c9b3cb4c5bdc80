// Geodesics on WGS84 checked against GeographicLib's own tools (geographiclib-tools 2.1):
//   echo "-15.7942 -47.8825 -23.5505 -46.6333" | GeodSolve -i -p 9
//   echo "-15 -48\n-15 -47\n-16 -47\n-16 -48" | Planimeter -p 6
#include "basural/geo/geodesy.hpp"

#include <catch2/catch.hpp>

using basural::LonLat;

TEST_CASE("geodesic distance matches GeodSolve to 1 mm", "[geodesy]")
{
    // Brasília -> São Paulo: GeodSolve gives s12 = 868548.248565245 m, azi1 171.529798622.
    const auto inv = basural::geodesic_inverse({-47.8825, -15.7942}, {-46.6333, -23.5505});
    CHECK(inv.distance_m == Approx(868548.248565245).margin(1e-3));
    CHECK(inv.azimuth1_deg == Approx(171.52979862205686).margin(1e-9));
    CHECK(inv.azimuth2_deg == Approx(171.10828296936148).margin(1e-9));

    // One degree of longitude on the equator: 111319.490793274 m.
    CHECK(basural::geodesic_distance_m({0, 0}, {1, 0}) == Approx(111319.490793274).margin(1e-3));

    // Buenos Aires -> Mexico City: 7372631.376740552 m.
    CHECK(basural::geodesic_distance_m({-58.3816, -34.6037}, {-99.1332, 19.4326}) ==
          Approx(7372631.376740552).margin(1e-3));
}

TEST_CASE("geodesic distance is symmetric and zero for the same point", "[geodesy]")
{
    const LonLat a{-70.6483, -33.4569}, b{-71.5375, -16.409};
    CHECK(basural::geodesic_distance_m(a, b) == Approx(basural::geodesic_distance_m(b, a)).margin(1e-6));
    CHECK(basural::geodesic_distance_m(a, a) == 0.0);
}

TEST_CASE("geodesic direct inverts the inverse", "[geodesy]")
{
    const LonLat start{-47.8825, -15.7942};
    const auto end = basural::geodesic_direct(start, 171.52979862205686, 868548.248565245);
    CHECK(end.lon_deg == Approx(-46.6333).margin(1e-9));
    CHECK(end.lat_deg == Approx(-23.5505).margin(1e-9));
}

TEST_CASE("geodesic ring area matches Planimeter", "[geodesy]")
{
    // Planimeter: area -11872837185.5 m^2 (sign from orientation), perimeter 435891.967246 m.
    const std::vector<LonLat> ring{{-48, -15}, {-47, -15}, {-47, -16}, {-48, -16}, {-48, -15}};
    CHECK(basural::geodesic_ring_area_m2(ring) == Approx(11872837185.5).margin(1.0));
    std::vector<LonLat> reversed(ring.rbegin(), ring.rend());
    CHECK(basural::geodesic_ring_area_m2(reversed) == Approx(11872837185.5).margin(1.0));
    CHECK(basural::geodesic_ring_area_m2({{0, 0}, {1, 0}}) == 0.0);
}

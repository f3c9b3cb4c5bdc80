#include "basural/inventory/admin1.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"

#include "detail/geos.hpp"
#include "geo/polygon_layer.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace basural {
namespace {

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;  // (lon, lat) degrees
using BgBox = bg::model::box<BgPoint>;
using PartValue = std::pair<BgBox, std::size_t>;  // polygon part box -> unit index

}  // namespace

std::string fold_name(std::string_view s)
{
    // Two-byte UTF-8 sequences of Latin-1 letters (U+00C0..U+00FF) and their base letters.
    static constexpr std::string_view BASE = "aaaaaaaceeeeiiiidnooooo ouuuuyts"   // U+00C0..U+00DF
                                             "aaaaaaaceeeeiiiidnooooo ouuuuyty";  // U+00E0..U+00FF
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        char base = 0;
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            if (d >= 0x80 && d <= 0xBF) {
                base = BASE[d - 0x80];
                ++i;
            }
        } else if (c == ' ' || c == '\t' || c == '-' || c == '_') {
            space = !out.empty();
            continue;
        } else if (c >= 'A' && c <= 'Z') {
            base = static_cast<char>(c - 'A' + 'a');
        } else {
            base = static_cast<char>(c);
        }
        if (space)
            out += ' ';
        space = false;
        out += base;
    }
    return out;
}

struct Admin1Boundaries::Impl {
    struct Unit {
        MultiPolygonRings polygons;
        detail::GeomPtr geom;
        detail::PreparedPtr prepared;
    };
    std::string path;
    mutable detail::GeosContext geos;  // declared before the geometries: destroyed after them
    std::vector<Admin1Unit> units;     // sorted by country, code
    std::vector<Unit> geometry;        // index-aligned with units
    bgi::rtree<PartValue, bgi::quadratic<16>> parts;

    bool covers(std::size_t u, const GEOSGeometry* point) const
    {
        const char r = GEOSPreparedIntersects_r(geos.get(), geometry[u].prepared.get(), point);
        if (r == 2)
            geos.fail("point-in-unit test failed");
        return r == 1;
    }

    /// Geodesic metres from p to the nearest point of unit u.
    double distance_m(std::size_t u, const LonLat& p, const GEOSGeometry* point) const
    {
        GEOSCoordSequence* seq = GEOSNearestPoints_r(geos.get(), geometry[u].geom.get(), point);
        if (seq == nullptr)
            geos.fail("nearest point of a unit");
        double x = 0.0, y = 0.0;
        GEOSCoordSeq_getX_r(geos.get(), seq, 0, &x);
        GEOSCoordSeq_getY_r(geos.get(), seq, 0, &y);
        GEOSCoordSeq_destroy_r(geos.get(), seq);
        return geodesic_distance_m(p, {x, y});
    }
};

Admin1Boundaries::Admin1Boundaries(const std::string& path) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    PolygonLayer layer(path, {{"iso3", "admin1_code", "name"},
                              {},
                              "first-level units need iso3, admin1_code and name",
                              "has no layer of first-level units"});
    std::vector<std::pair<Admin1Unit, MultiPolygonRings>> read;
    while (layer.next()) {
        Admin1Unit unit{layer.iso3("iso3"), layer.text("admin1_code"), layer.text("name")};
        if (unit.code.empty())
            layer.fail("admin1_code", "", "is empty: every first-level unit needs a code");
        auto polygons = layer.polygons("unit " + unit.code);
        const auto same = std::find_if(read.begin(), read.end(), [&](const auto& r) {
            return r.first.country_iso3 == unit.country_iso3 && r.first.code == unit.code;
        });
        if (same != read.end())
            same->second.insert(same->second.end(), polygons.begin(), polygons.end());
        else
            read.emplace_back(std::move(unit), std::move(polygons));
    }
    if (read.empty())
        throw input_error(path, "has no first-level units");
    std::sort(read.begin(), read.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.country_iso3, a.first.code) < std::tie(b.first.country_iso3, b.first.code);
    });
    std::vector<PartValue> parts;
    for (auto& [unit, polygons] : read) {
        const std::size_t u = m_impl->units.size();
        std::vector<std::vector<std::vector<double>>> xy;
        for (const auto& poly : polygons) {
            BgBox box;
            bg::assign_inverse(box);
            auto& flat_poly = xy.emplace_back();
            for (const auto& ring : poly) {
                auto& flat = flat_poly.emplace_back();
                for (const auto& v : ring) {
                    flat.push_back(v.lon_deg);
                    flat.push_back(v.lat_deg);
                    bg::expand(box, BgPoint(v.lon_deg, v.lat_deg));
                }
            }
            parts.emplace_back(box, u);
        }
        Impl::Unit g;
        g.geom = detail::make_polygons(m_impl->geos, xy);
        g.prepared = detail::prepare(m_impl->geos, g.geom.get());
        g.polygons = std::move(polygons);
        m_impl->units.push_back(std::move(unit));
        m_impl->geometry.push_back(std::move(g));
    }
    m_impl->parts = bgi::rtree<PartValue, bgi::quadratic<16>>(parts.begin(), parts.end());
}

Admin1Boundaries::~Admin1Boundaries() = default;
Admin1Boundaries::Admin1Boundaries(Admin1Boundaries&&) noexcept = default;
Admin1Boundaries& Admin1Boundaries::operator=(Admin1Boundaries&&) noexcept = default;

const std::string& Admin1Boundaries::path() const noexcept { return m_impl->path; }

const std::vector<Admin1Unit>& Admin1Boundaries::units() const noexcept { return m_impl->units; }

std::vector<std::size_t> Admin1Boundaries::units_of(std::string_view iso3) const
{
    std::vector<std::size_t> out;
    for (std::size_t u = 0; u < m_impl->units.size(); ++u)
        if (m_impl->units[u].country_iso3 == iso3)
            out.push_back(u);
    return out;
}

const MultiPolygonRings& Admin1Boundaries::polygons(std::size_t unit) const
{
    if (unit >= m_impl->geometry.size())
        throw usage_error("no first-level unit number " + std::to_string(unit) + " in " + m_impl->path);
    return m_impl->geometry[unit].polygons;
}

std::optional<std::size_t> Admin1Boundaries::find(std::string_view iso3, std::string_view code_or_name) const
{
    const auto candidates = units_of(iso3);
    for (auto u : candidates)
        if (m_impl->units[u].code == code_or_name)
            return u;
    const std::string wanted = fold_name(code_or_name);
    for (auto u : candidates)
        if (fold_name(m_impl->units[u].name) == wanted)
            return u;
    return std::nullopt;
}

std::optional<std::size_t> Admin1Boundaries::unit_at(const LonLat& p, std::string_view iso3, double tolerance_m) const
{
    const auto point = detail::make_point(m_impl->geos, p.lon_deg, p.lat_deg);
    std::vector<PartValue> hits;
    m_impl->parts.query(bgi::covers(BgPoint(p.lon_deg, p.lat_deg)), std::back_inserter(hits));
    std::vector<std::size_t> candidates;
    for (const auto& [box, u] : hits)
        if (m_impl->units[u].country_iso3 == iso3)
            candidates.push_back(u);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (auto u : candidates)
        if (m_impl->covers(u, point.get()))
            return u;
    if (!(tolerance_m > 0.0))
        return std::nullopt;
    const auto span = conservative_degree_span(p, tolerance_m);
    const BgBox around(BgPoint(p.lon_deg - span.dlon_deg, p.lat_deg - span.dlat_deg),
                       BgPoint(p.lon_deg + span.dlon_deg, p.lat_deg + span.dlat_deg));
    hits.clear();
    m_impl->parts.query(bgi::intersects(around), std::back_inserter(hits));
    candidates.clear();
    for (const auto& [box, u] : hits)
        if (m_impl->units[u].country_iso3 == iso3)
            candidates.push_back(u);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::optional<std::size_t> best;
    double best_m = std::numeric_limits<double>::infinity();
    for (auto u : candidates) {
        const double d = m_impl->distance_m(u, p, point.get());
        if (d <= tolerance_m && d < best_m) {
            best_m = d;
            best = u;
        }
    }
    return best;
}

namespace {

Admin1Key key_of(const Admin1Boundaries& b, std::size_t u, bool derived)
{
    const Admin1Unit& unit = b.units()[u];
    return {unit.country_iso3, unit.code, unit.name, derived};
}

}  // namespace

std::vector<Admin1Key> site_admin1(const std::vector<Site>& sites, const Admin1Boundaries* boundaries, double tolerance_m)
{
    std::vector<Admin1Key> out;
    out.reserve(sites.size());
    for (const Site& s : sites) {
        std::optional<std::size_t> unit;
        if (boundaries && !s.admin1_code.empty())
            unit = boundaries->find(s.country_iso3, s.admin1_code);
        if (boundaries && !unit && !s.admin1_name.empty())
            unit = boundaries->find(s.country_iso3, s.admin1_name);
        if (unit) {
            out.push_back(key_of(*boundaries, *unit, false));
        } else if (!s.admin1_code.empty() || !s.admin1_name.empty()) {
            out.push_back({s.country_iso3, s.admin1_code, s.admin1_name, false});
        } else if (boundaries && (unit = boundaries->unit_at(s.location, s.country_iso3, tolerance_m))) {
            out.push_back(key_of(*boundaries, *unit, true));
        } else {
            out.push_back({s.country_iso3, {}, {}, false});
        }
    }
    return out;
}

std::vector<Admin1Key> place_admin1(const std::vector<Place>& places, const Admin1Boundaries* boundaries, double tolerance_m)
{
    std::vector<Admin1Key> out;
    out.reserve(places.size());
    for (const Place& p : places) {
        std::optional<std::size_t> unit;
        if (boundaries)
            unit = boundaries->unit_at(p.location, p.country_iso3, tolerance_m);
        out.push_back(unit ? key_of(*boundaries, *unit, true) : Admin1Key{p.country_iso3, {}, {}, false});
    }
    return out;
}

Admin1Fill fill_admin1_codes(std::vector<Site>& sites, const Admin1Boundaries& boundaries, double tolerance_m)
{
    Admin1Fill fill;
    for (Site& s : sites) {
        if (!s.admin1_code.empty())
            continue;
        ++fill.without_code;
        if (!s.admin1_name.empty()) {
            if (const auto u = boundaries.find(s.country_iso3, s.admin1_name)) {
                s.admin1_code = boundaries.units()[*u].code;
                ++fill.from_name;
            }
        } else if (const auto u = boundaries.unit_at(s.location, s.country_iso3, tolerance_m)) {
            s.admin1_code = boundaries.units()[*u].code;
            s.admin1_name = boundaries.units()[*u].name;
            ++fill.from_location;
        }
    }
    return fill;
}

}  // namespace basural

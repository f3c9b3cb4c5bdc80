#include "basural/inventory/countries.hpp"

#include "basural/base/error.hpp"
#include "basural/geo/geodesy.hpp"
#include "basural/geo/spatial_index.hpp"

#include "detail/geos.hpp"
#include "geo/polygon_layer.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <mutex>

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace basural {

const std::vector<LacCountry>& lac_countries()
{
    static const std::vector<LacCountry> countries{
        {"ARG", "AR", "032", "Argentina"},
        {"ATG", "AG", "028", "Antigua and Barbuda"},
        {"BHS", "BS", "044", "Bahamas"},
        {"BLZ", "BZ", "084", "Belize"},
        {"BOL", "BO", "068", "Bolivia"},
        {"BRA", "BR", "076", "Brazil"},
        {"BRB", "BB", "052", "Barbados"},
        {"CHL", "CL", "152", "Chile"},
        {"COL", "CO", "170", "Colombia"},
        {"CRI", "CR", "188", "Costa Rica"},
        {"CUB", "CU", "192", "Cuba"},
        {"DMA", "DM", "212", "Dominica"},
        {"DOM", "DO", "214", "Dominican Republic"},
        {"ECU", "EC", "218", "Ecuador"},
        {"GRD", "GD", "308", "Grenada"},
        {"GTM", "GT", "320", "Guatemala"},
        {"GUY", "GY", "328", "Guyana"},
        {"HND", "HN", "340", "Honduras"},
        {"HTI", "HT", "332", "Haiti"},
        {"JAM", "JM", "388", "Jamaica"},
        {"KNA", "KN", "659", "Saint Kitts and Nevis"},
        {"LCA", "LC", "662", "Saint Lucia"},
        {"MEX", "MX", "484", "Mexico"},
        {"NIC", "NI", "558", "Nicaragua"},
        {"PAN", "PA", "591", "Panama"},
        {"PER", "PE", "604", "Peru"},
        {"PRY", "PY", "600", "Paraguay"},
        {"SLV", "SV", "222", "El Salvador"},
        {"SUR", "SR", "740", "Suriname"},
        {"TTO", "TT", "780", "Trinidad and Tobago"},
        {"URY", "UY", "858", "Uruguay"},
        {"VCT", "VC", "670", "Saint Vincent and the Grenadines"},
        {"VEN", "VE", "862", "Venezuela"},
    };
    return countries;
}

const LacCountry* find_lac_country(std::string_view iso3) noexcept
{
    const auto& all = lac_countries();
    const auto it = std::lower_bound(all.begin(), all.end(), iso3,
                                     [](const LacCountry& c, std::string_view code) { return c.iso3 < code; });
    return it != all.end() && it->iso3 == iso3 ? &*it : nullptr;
}

namespace {

using BgPoint = bg::model::point<double, 2, bg::cs::cartesian>;  // (lon, lat) degrees
using BgBox = bg::model::box<BgPoint>;
using PartValue = std::pair<BgBox, std::size_t>;  // polygon part box -> country index

// Boundary segments are indexed in chunks of consecutive segments of one ring: a tree of a few
// thousand chunk boxes builds much faster than one of every segment, and a query then tests the
// chunk's segments one by one.
constexpr std::size_t SEGMENTS_PER_CHUNK = 32;
struct SegmentRef {
    std::uint32_t country = 0;
    std::uint32_t polygon = 0;
    std::uint32_t ring = 0;
    std::uint32_t first = 0;  // segments first .. first + count - 1 (segment v joins vertices v and v + 1)
    std::uint32_t count = 0;
};
using SegmentValue = std::pair<BgBox, SegmentRef>;

BgBox box_around(const LonLat& p, double radius_m)
{
    const auto span = conservative_degree_span(p, radius_m);
    return {BgPoint(p.lon_deg - span.dlon_deg, p.lat_deg - span.dlat_deg),
            BgPoint(p.lon_deg + span.dlon_deg, p.lat_deg + span.dlat_deg)};
}

// Distance from the centre of an azimuthal equidistant projection (the query point) to the
// segment between two vertices given by their geodesic distance and azimuth from the centre.
double centre_to_segment_m(const GeodesicInverse& a, const GeodesicInverse& b)
{
    constexpr double DEG = 3.14159265358979323846 / 180.0;
    const double ax = a.distance_m * std::sin(a.azimuth1_deg * DEG), ay = a.distance_m * std::cos(a.azimuth1_deg * DEG);
    const double bx = b.distance_m * std::sin(b.azimuth1_deg * DEG), by = b.distance_m * std::cos(b.azimuth1_deg * DEG);
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? -(ax * dx + ay * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(ax + t * dx, ay + t * dy);
}

}  // namespace

struct CountryBoundaries::Impl {
    struct Country {
        std::string iso3;
        std::string iso_n3;
        std::string name;
        MultiPolygonRings polygons;
        detail::GeomPtr geom;
        detail::PreparedPtr prepared;
        BgBox bounds;
    };

    std::string path;
    mutable detail::GeosContext geos;  // declared before the geometries: destroyed after them
    std::vector<Country> countries;    // sorted by iso3
    bgi::rtree<PartValue, bgi::quadratic<16>> parts;
    mutable std::once_flag segments_built;
    mutable bgi::rtree<SegmentValue, bgi::quadratic<16>> segments;

    std::size_t index_of(std::string_view iso3) const noexcept
    {
        const auto it = std::lower_bound(countries.begin(), countries.end(), iso3,
                                         [](const Country& c, std::string_view code) { return c.iso3 < code; });
        return it != countries.end() && it->iso3 == iso3 ? static_cast<std::size_t>(it - countries.begin())
                                                         : countries.size();
    }

    bool covers(std::size_t country, const LonLat& p) const
    {
        if (!bg::covered_by(BgPoint(p.lon_deg, p.lat_deg), countries[country].bounds))
            return false;
        const auto pt = detail::make_point(geos, p.lon_deg, p.lat_deg);
        const char r = GEOSPreparedIntersects_r(geos.get(), countries[country].prepared.get(), pt.get());
        if (r == 2)
            geos.fail("point-in-country test failed");
        return r == 1;
    }

    void build_segments() const
    {
        std::call_once(segments_built, [this] {
            std::vector<SegmentValue> values;
            for (std::size_t c = 0; c < countries.size(); ++c)
                for (std::size_t pi = 0; pi < countries[c].polygons.size(); ++pi)
                    for (std::size_t ri = 0; ri < countries[c].polygons[pi].size(); ++ri) {
                        const auto& ring = countries[c].polygons[pi][ri];
                        const std::size_t n_segments = ring.size() < 2 ? 0 : ring.size() - 1;
                        for (std::size_t first = 0; first < n_segments; first += SEGMENTS_PER_CHUNK) {
                            const std::size_t count = std::min(SEGMENTS_PER_CHUNK, n_segments - first);
                            BgBox box;
                            bg::assign_inverse(box);
                            for (std::size_t v = first; v <= first + count; ++v)
                                bg::expand(box, BgPoint(ring[v].lon_deg, ring[v].lat_deg));
                            values.emplace_back(box, SegmentRef{static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(pi),
                                                                static_cast<std::uint32_t>(ri), static_cast<std::uint32_t>(first),
                                                                static_cast<std::uint32_t>(count)});
                        }
                    }
            segments = bgi::rtree<SegmentValue, bgi::quadratic<16>>(values.begin(), values.end());
        });
    }

    /// Geodesic distance from p to the boundary of each country with a segment within radius_m
    /// (indexed by country; +inf for the others).
    std::vector<double> boundary_distances_m(const LonLat& p, double radius_m, std::size_t only_country) const
    {
        build_segments();
        std::vector<double> best(countries.size(), std::numeric_limits<double>::infinity());
        std::vector<SegmentValue> hits;
        const BgBox query = box_around(p, radius_m);
        segments.query(bgi::intersects(query), std::back_inserter(hits));
        for (const auto& [box, ref] : hits) {
            if (only_country < countries.size() && ref.country != only_country)
                continue;
            const auto& ring = countries[ref.country].polygons[ref.polygon][ref.ring];
            for (std::size_t v = ref.first; v < ref.first + ref.count; ++v) {
                const auto& a = ring[v];
                const auto& b = ring[v + 1];
                const BgBox seg(BgPoint(std::min(a.lon_deg, b.lon_deg), std::min(a.lat_deg, b.lat_deg)),
                                BgPoint(std::max(a.lon_deg, b.lon_deg), std::max(a.lat_deg, b.lat_deg)));
                if (!bg::intersects(seg, query))
                    continue;
                const double d = centre_to_segment_m(geodesic_inverse(p, a), geodesic_inverse(p, b));
                best[ref.country] = std::min(best[ref.country], d);
            }
        }
        return best;
    }
};

CountryBoundaries::CountryBoundaries(const std::string& path) : m_impl(std::make_unique<Impl>())
{
    m_impl->path = path;
    PolygonLayer layer(path, {{"iso3"},
                              {"name", "iso_n3"},
                              "country boundaries need iso3 (ISO 3166-1 alpha-3)",
                              "has no layer of country boundaries"});
    auto& countries = m_impl->countries;
    while (layer.next()) {
        const std::string iso3 = layer.iso3("iso3");
        auto polygons = layer.polygons("country " + iso3);
        auto it = std::find_if(countries.begin(), countries.end(), [&](const auto& c) { return c.iso3 == iso3; });
        if (it == countries.end()) {
            countries.emplace_back();
            it = std::prev(countries.end());
            it->iso3 = iso3;
        }
        if (it->name.empty())
            it->name = layer.text("name");
        if (it->iso_n3.empty())
            it->iso_n3 = layer.text("iso_n3");
        it->polygons.insert(it->polygons.end(), std::make_move_iterator(polygons.begin()),
                            std::make_move_iterator(polygons.end()));
    }
    if (countries.empty())
        throw input_error(path, "has no country boundaries");
    std::sort(countries.begin(), countries.end(), [](const auto& a, const auto& b) { return a.iso3 < b.iso3; });

    std::vector<PartValue> parts;
    for (std::size_t c = 0; c < countries.size(); ++c) {
        auto& country = countries[c];
        bg::assign_inverse(country.bounds);
        std::vector<std::vector<std::vector<double>>> xy;  // the rings as flat x y buffers for GEOS
        for (const auto& poly : country.polygons) {
            BgBox box;
            bg::assign_inverse(box);
            auto& flat_poly = xy.emplace_back();
            for (const auto& ring : poly) {
                auto& flat = flat_poly.emplace_back();
                flat.reserve(ring.size() * 2);
                for (const auto& v : ring) {
                    flat.push_back(v.lon_deg);
                    flat.push_back(v.lat_deg);
                }
            }
            for (const auto& v : poly.front())
                bg::expand(box, BgPoint(v.lon_deg, v.lat_deg));
            parts.emplace_back(box, c);
            bg::expand(country.bounds, box);
        }
        country.geom = detail::make_polygons(m_impl->geos, xy);
        country.prepared = detail::prepare(m_impl->geos, country.geom.get());
    }
    m_impl->parts = bgi::rtree<PartValue, bgi::quadratic<16>>(parts.begin(), parts.end());
}

CountryBoundaries::~CountryBoundaries() = default;
CountryBoundaries::CountryBoundaries(CountryBoundaries&&) noexcept = default;
CountryBoundaries& CountryBoundaries::operator=(CountryBoundaries&&) noexcept = default;

const std::string& CountryBoundaries::path() const noexcept { return m_impl->path; }

std::vector<std::string> CountryBoundaries::codes() const
{
    std::vector<std::string> out;
    for (const auto& c : m_impl->countries)
        out.push_back(c.iso3);
    return out;
}

std::map<std::string, std::string> CountryBoundaries::names() const
{
    std::map<std::string, std::string> out;
    for (const auto& c : m_impl->countries)
        out.emplace(c.iso3, c.name);
    return out;
}

bool CountryBoundaries::has(std::string_view iso3) const noexcept
{
    return m_impl->index_of(iso3) < m_impl->countries.size();
}

const MultiPolygonRings& CountryBoundaries::polygons(std::string_view iso3) const
{
    const auto i = m_impl->index_of(iso3);
    if (i >= m_impl->countries.size())
        throw usage_error("no boundary for country '" + std::string(iso3) + "' in " + m_impl->path);
    return m_impl->countries[i].polygons;
}

std::optional<std::string> CountryBoundaries::country_at(const LonLat& p, double tolerance_m) const
{
    std::vector<PartValue> hits;
    m_impl->parts.query(bgi::covers(BgPoint(p.lon_deg, p.lat_deg)), std::back_inserter(hits));
    std::vector<std::size_t> candidates;
    for (const auto& [box, c] : hits)
        candidates.push_back(c);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (const auto c : candidates)
        if (m_impl->covers(c, p))
            return m_impl->countries[c].iso3;
    if (!(tolerance_m > 0.0))
        return std::nullopt;
    const auto dist = m_impl->boundary_distances_m(p, tolerance_m, m_impl->countries.size());
    std::size_t best = m_impl->countries.size();
    for (std::size_t c = 0; c < dist.size(); ++c)
        if (dist[c] <= tolerance_m && (best == dist.size() || dist[c] < dist[best]))
            best = c;
    if (best == dist.size())
        return std::nullopt;
    return m_impl->countries[best].iso3;
}

bool CountryBoundaries::contains(std::string_view iso3, const LonLat& p, double tolerance_m) const
{
    const auto i = m_impl->index_of(iso3);
    if (i >= m_impl->countries.size())
        return false;
    if (m_impl->covers(i, p))
        return true;
    return tolerance_m > 0.0 && m_impl->boundary_distances_m(p, tolerance_m, i)[i] <= tolerance_m;
}

double CountryBoundaries::distance_m(std::string_view iso3, const LonLat& p, double max_m) const
{
    const auto i = m_impl->index_of(iso3);
    if (i >= m_impl->countries.size())
        throw usage_error("no boundary for country '" + std::string(iso3) + "' in " + m_impl->path);
    if (m_impl->covers(i, p))
        return 0.0;
    const double d = m_impl->boundary_distances_m(p, max_m, i)[i];
    return d <= max_m ? d : std::numeric_limits<double>::infinity();
}

}  // namespace basural

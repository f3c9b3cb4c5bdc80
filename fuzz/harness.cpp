#include "harness.hpp"

#include "basural/base/error.hpp"
#include "basural/inventory/countries.hpp"
#include "basural/inventory/inventory.hpp"
#include "basural/inventory/mapping.hpp"
#include "basural/maps/map_scene.hpp"
#include "basural/models/location/facility_location.hpp"
#include "basural/planning/location_tables.hpp"
#include "basural/planning/plan.hpp"
#include "basural/planning/regionalize.hpp"

#include <cpl_vsi.h>

#include <algorithm>
#include <memory>

namespace basural::fuzz {
namespace {

/// The bytes as a file of GDAL's in-memory file system, removed when done.
class MemFile {
public:
    MemFile(std::string_view extension, const std::uint8_t* data, std::size_t size)
        : m_path("/vsimem/basural_fuzz/input" + std::string(extension))
    {
        // GDAL takes a non-const buffer but does not write to it without ownership (last argument FALSE).
        VSILFILE* f = VSIFileFromMemBuffer(m_path.c_str(), const_cast<GByte*>(data), size, FALSE);
        if (f == nullptr)
            throw HarnessFailure("cannot create " + m_path);
        VSIFCloseL(f);
    }
    ~MemFile() { VSIUnlink(m_path.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const noexcept { return m_path; }

private:
    std::string m_path;
};

/// An error message must be one printable line of bounded length.
void check_message(const basural::error& e)
{
    const std::string_view m = e.what();
    if (m.empty())
        throw HarnessFailure("an error with an empty message");
    if (m.size() > basural::error::MAX_MESSAGE_BYTES + 64)
        throw HarnessFailure("an error message of " + std::to_string(m.size()) + " bytes");
    for (const char ch : m) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F)
            throw HarnessFailure("a control character in the message: " + std::string(m.substr(0, 200)));
    }
}

/// Runs `read`; an error is fine when its message is.
template <typename F>
void answer(F&& read)
{
    try {
        read();
    } catch (const basural::error& e) {
        check_message(e);
    }
}

const CountryBoundaries& boundaries(const std::filesystem::path& data_dir)
{
    static const CountryBoundaries b((data_dir / "countries_fixture.geojson").string());
    return b;
}

void check_inventory(const Inventory& inv)
{
    if (inv.records_read != static_cast<std::int64_t>(inv.sites.size() + inv.merges.size() + inv.rejects.size()))
        throw HarnessFailure("records read " + std::to_string(inv.records_read) + " != loaded " +
                             std::to_string(inv.sites.size()) + " + merged " + std::to_string(inv.merges.size()) +
                             " + rejected " + std::to_string(inv.rejects.size()));
    for (const auto& r : inv.rejects)
        if (r.reason.empty() || r.check.empty())
            throw HarnessFailure("a reject without a reason or check (record " + std::to_string(r.record) + ")");
}

LoadOptions load_options(const std::filesystem::path& data_dir)
{
    LoadOptions o;
    o.countries = &boundaries(data_dir);
    o.current_year = 2025;
    return o;
}

void inventory(std::string_view extension, const std::uint8_t* data, std::size_t size,
               const std::filesystem::path& data_dir)
{
    const MemFile file(extension, data, size);
    answer([&] { check_inventory(load_inventory(file.path(), load_options(data_dir))); });
}

void mapping(const std::uint8_t* data, std::size_t size, const std::filesystem::path& data_dir)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    answer([&] {
        auto o = load_options(data_dir);
        o.mapping = parse_field_mapping(text, "fuzz.json");
        // the mapping applied to the Spanish fixture: vocabulary lookups, defaults, renamed columns
        check_inventory(load_inventory((data_dir / "sites_es.csv").string(), o));
    });
}

void cost_matrix(const std::uint8_t* data, std::size_t size, const std::filesystem::path&)
{
    const MemFile file(".csv", data, size);
    answer([&] {
        LocationTablePaths paths;
        paths.matrix = file.path();
        auto input = read_location_tables(paths, {});
        // solved when small, so the solvers see whatever costs the reader lets through
        if (input.demand_ids.size() <= 40 && input.candidate_ids.size() <= 40 && !input.candidate_ids.empty()) {
            input.problem.p = std::min<std::size_t>(2, input.candidate_ids.size());
            SolveOptions quick;
            quick.max_bound_iterations = 200;
            solve_location(LocationModel::p_median, input.problem, quick);
        }
    });
    answer([&] { read_travel_matrix(file.path()); });
}

void plan(const std::uint8_t* data, std::size_t size, const std::filesystem::path&)
{
    const MemFile file(".gpkg", data, size);
    answer([&] { read_plan(file.path()); });
}

void ranking(const std::uint8_t* data, std::size_t size, const std::filesystem::path&)
{
    const MemFile file(".csv", data, size);
    answer([&] { read_ranking(file.path()); });
}

}  // namespace

const std::vector<Harness>& harnesses()
{
    static const std::vector<Harness> all{
        {"inventory_csv", ".csv",
         [](const std::uint8_t* d, std::size_t n, const std::filesystem::path& dir) { inventory(".csv", d, n, dir); }},
        {"inventory_geojson", ".geojson",
         [](const std::uint8_t* d, std::size_t n, const std::filesystem::path& dir) { inventory(".geojson", d, n, dir); }},
        {"inventory_kml", ".kml",
         [](const std::uint8_t* d, std::size_t n, const std::filesystem::path& dir) { inventory(".kml", d, n, dir); }},
        {"mapping", ".json", mapping},
        {"cost_matrix", ".csv", cost_matrix},
        {"plan", ".gpkg", plan},
        {"ranking", ".csv", ranking},
    };
    return all;
}

const Harness& harness(std::string_view name)
{
    for (const auto& h : harnesses())
        if (h.name == name)
            return h;
    throw std::invalid_argument("no fuzz harness named '" + std::string(name) + "'");
}

}  // namespace basural::fuzz

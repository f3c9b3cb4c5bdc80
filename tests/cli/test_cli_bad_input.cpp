// Every command against hostile input (docs/reliability.md): for each input a command reads
// (inventory, mapping, boundaries, places, country waste, plan, ranking, weights, matrix, location
// tables), an empty file, binary noise, a truncated file, another format behind the right extension,
// a directory, a missing path, a FIFO, a header of 1,000,000 columns and a single 10 MB line. Each is
// answered within a time limit with exit 1 or 2 and one line on stderr that names the file, never a
// crash, a hang, an internal error or an output file. Content checks follow: plans with a layer
// missing or with sites of another inventory, matrices with bad costs, p out of range, raw bytes.
#include "cli/child_process.hpp"
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>

#include <gdal.h>
#include <ogr_api.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>

using basural::test::ChildProcess;
using basural::test::fixture;
using basural::test::scratch_dir;
using basural::test::slurp;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

/// Generous: the slowest answer seen is under 10 s under AddressSanitizer on a loaded machine.
constexpr std::chrono::seconds TIME_LIMIT{90};

/// Whether this build can read a line of megabytes in reasonable time. Not under AddressSanitizer:
/// GDAL's line reader (CPLReadLine) grows its buffer by reallocation as the line grows, and ASan's
/// allocator moves the block on every realloc, so a line of n bytes costs about n^2 bytes copied
/// (measured with perf: the 8 MB header of 1,000,000 columns took 13 min 50 s in `validate`, nearly all
/// in realloc's memmove; a 1 MB header 7 s). Those inputs are tested in the plain build (answered in
/// about 1 s); the sanitized build runs every other hostile input.
constexpr bool READS_HUGE_LINES = !basural::test::UNDER_ASAN;

const std::string COUNTRIES = fixture("countries_fixture.geojson");

enum class Kind { empty, noise, truncated, wrong_format, directory, missing, fifo, wide_header, long_line };

const char* name_of(Kind k)
{
    switch (k) {
    case Kind::empty: return "empty";
    case Kind::noise: return "noise";
    case Kind::truncated: return "truncated";
    case Kind::wrong_format: return "wrong_format";
    case Kind::directory: return "directory";
    case Kind::missing: return "missing";
    case Kind::fifo: return "fifo";
    case Kind::wide_header: return "wide_header";
    case Kind::long_line: return "long_line";
    }
    return "?";
}

void write_bytes(const fs::path& p, const std::string& bytes)
{
    std::ofstream(p, std::ios::binary) << bytes;
}

/// 4 KiB of deterministic noise, with the bytes that hurt most in messages (NUL, ESC, CR, LF, C1).
std::string noise()
{
    std::string s("\x00\x1b[31m\r\n\xff\xfe\x9b", 11);
    std::uint32_t x = 2463534242u;
    while (s.size() < 4096) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        s.push_back(static_cast<char>(x & 0xFF));
    }
    return s;
}

/// A hostile input of `kind` with extension `ext` in `dir`; `good` is a valid fixture of the same
/// format (truncated: its first half, cut inside a record).
std::string make_input(const fs::path& dir, Kind kind, const std::string& ext, const std::string& good)
{
    const fs::path p = dir / (std::string(name_of(kind)) + ext);
    switch (kind) {
    case Kind::empty: write_bytes(p, ""); break;
    case Kind::noise: write_bytes(p, noise()); break;
    case Kind::truncated: {
        const auto bytes = slurp(fixture(good));
        write_bytes(p, bytes.substr(0, bytes.size() / 2 + 1));
        break;
    }
    case Kind::wrong_format:  // a GeoPackage behind .csv or .json, a CSV behind .gpkg or .geojson
        write_bytes(p, slurp(fixture(ext == ".csv" || ext == ".json" ? "sites_es.gpkg" : "sites_schema.csv")));
        break;
    case Kind::directory: fs::create_directories(p); break;
    case Kind::missing: break;
    case Kind::fifo: REQUIRE(mkfifo(p.c_str(), 0644) == 0); break;
    case Kind::wide_header: {  // 1,000,000 columns: c0,c1,...
        std::string header;
        header.reserve(8'000'000);
        for (int i = 0; i < 1'000'000; ++i)
            header.append(i ? ",c" : "c").append(std::to_string(i));
        write_bytes(p, header + "\n" + "1,2\n");
        break;
    }
    case Kind::long_line:  // one record of 10 MB (JSON: a 20 MB file, over the JSON size limit)
        if (ext == ".json")
            write_bytes(p, "{\"fields\": {\"name\": \"" + std::string(20'000'000, 'x') + "\"}}\n");
        else
            write_bytes(p, "site_id,name,country,site_type,lon,lat\nX1," + std::string(10'000'000, 'x') +
                               ",ARG,open_dump,-58.1,-34.6\n");
        break;
    }
    return p.string();
}

/// One input of one command: how to call the command with `input`, writing any output into `out_dir`.
struct Slot {
    std::string command;
    std::string what;  ///< the input, as named in docs/reliability.md
    std::string ext;
    std::string good;  ///< a valid fixture of the format (for truncation)
    std::function<std::vector<std::string>(const std::string& input, const fs::path& out_dir)> args;
};

/// The command's answer to a hostile input: in time, exit 1 or 2, one line naming the file, no output.
void check_refused(const Slot& slot, Kind kind, const fs::path& dir)
{
    if (!READS_HUGE_LINES && (kind == Kind::wide_header || kind == Kind::long_line))
        return;
    const fs::path out_dir = dir / ("out_" + slot.command + "_" + name_of(kind));
    fs::create_directories(out_dir);
    const std::string input = make_input(dir, kind, slot.ext, slot.good);
    const auto args = slot.args(input, out_dir);
    INFO(slot.command << " with a " << name_of(kind) << " " << slot.what << " (" << input << ")");
    ChildProcess child(args);
    REQUIRE(child.started());
    const bool answered = child.wait_for(TIME_LIMIT);
    CHECK(answered);  // no hang
    if (!answered)
        return;
    const std::string err = child.err();
    INFO("exit " << child.exit_code() << ", stderr: " << err);
    CHECK((child.exit_code() == 1 || child.exit_code() == 2));
    CHECK(!err.empty());
    CHECK(err.find('\n') == err.size() - 1);  // one line
    CHECK(err.rfind("basural " + slot.command + ": ", 0) == 0);
    CHECK_THAT(err, Contains(fs::path(input).filename().string()));
    CHECK_THAT(err, !Contains("internal error"));
    CHECK(err.size() < 4300);
    CHECK(std::none_of(err.begin(), err.end() - 1, [](char c) { return static_cast<unsigned char>(c) < 0x20; }));
    CHECK(fs::is_empty(out_dir));  // no output, not even a half-written one
}

void check_all(const std::vector<Slot>& slots, const std::vector<Kind>& kinds, const std::string& scratch)
{
    const auto dir = scratch_dir(scratch);
    for (const auto& slot : slots)
        for (const auto kind : kinds) {
            const auto case_dir = dir / (slot.command + "_" + slot.what + "_" + name_of(kind));
            fs::create_directories(case_dir);
            check_refused(slot, kind, case_dir);
            fs::remove_all(case_dir);  // the 1,000,000-column and 10 MB files add up
        }
}

std::vector<std::string> join(std::vector<std::string> a, const std::vector<std::string>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/// Options that keep every command on the small fixtures (never the shipped datasets).
const std::vector<std::string> SMALL{"--countries", COUNTRIES, "--no-country-check"};
const std::vector<std::string> SMALL_DOMAIN{"--countries",        COUNTRIES,
                                            "--no-country-check", "--places",
                                            fixture("coverage_places.csv"), "--country-waste",
                                            fixture("coverage_country_waste.csv")};

/// Every command that reads an inventory, with `inv` as its inventory.
std::vector<Slot> inventory_slots(const std::string& ext, const std::string& good)
{
    auto slot = [&](std::string command, std::function<std::vector<std::string>(const std::string&, const fs::path&)> f) {
        return Slot{std::move(command), "inventory", ext, good, std::move(f)};
    };
    return {
        slot("validate", [](const std::string& in, const fs::path&) { return join({"validate", in}, SMALL); }),
        slot("import", [](const std::string& in, const fs::path& o) {
            return join({"import", in, "-o", (o / "x.gpkg").string()}, SMALL);
        }),
        slot("info", [](const std::string& in, const fs::path&) { return join({"info", in}, SMALL); }),
        slot("cluster", [](const std::string& in, const fs::path&) {
            return join({"cluster", in, "--eps-km", "10"}, SMALL);
        }),
        slot("regionalize", [](const std::string& in, const fs::path& o) {
            return join({"regionalize", in, "--no-waste-estimate", "-o", (o / "p.gpkg").string()}, SMALL);
        }),
        slot("coverage", [](const std::string& in, const fs::path&) { return join({"coverage", in}, SMALL_DOMAIN); }),
        slot("methane", [](const std::string& in, const fs::path&) { return join({"methane", in}, SMALL_DOMAIN); }),
        slot("prioritize", [](const std::string& in, const fs::path& o) {
            return join({"prioritize", in, "-o", (o / "r.csv").string()}, SMALL_DOMAIN);
        }),
        slot("map", [](const std::string& in, const fs::path& o) {
            return join({"map", in, "--country", "ARG", "-o", (o / "m.png").string()}, SMALL);
        }),
        slot("progress", [](const std::string& in, const fs::path&) {
            return join({"progress", in, fixture("coverage_sites.csv")}, SMALL);
        }),
    };
}

const std::vector<Kind> CSV_KINDS{Kind::empty,   Kind::noise, Kind::wrong_format, Kind::directory,
                                  Kind::missing, Kind::fifo,  Kind::wide_header,  Kind::long_line};
const std::vector<Kind> FILE_KINDS{Kind::empty,     Kind::noise,   Kind::truncated, Kind::wrong_format,
                                   Kind::directory, Kind::missing, Kind::fifo};

const std::string INVENTORY = fixture("coverage_sites.csv");

}  // namespace

TEST_CASE("every command answers a FIFO, noise or a missing path as its inventory", "[cli][bad-input]")
{
    check_all(inventory_slots(".csv", "coverage_sites.csv"), {Kind::fifo, Kind::noise, Kind::missing},
              "bad_input_inventory_all");
}

TEST_CASE("validate answers every kind of bad inventory", "[cli][bad-input]")
{
    const auto validate = inventory_slots(".csv", "coverage_sites.csv").front();
    check_all({validate}, CSV_KINDS, "bad_input_inventory_csv");
    auto geojson = inventory_slots(".geojson", "sites_es.geojson").front();
    check_all({geojson}, FILE_KINDS, "bad_input_inventory_geojson");
}

TEST_CASE("bad mapping files and priority weights are refused", "[cli][bad-input]")
{
    std::vector<Kind> kinds = FILE_KINDS;
    kinds.push_back(Kind::long_line);
    check_all({{"validate", "mapping", ".json", "mapping_es.json",
                [](const std::string& in, const fs::path&) { return join({"validate", INVENTORY, "--map", in}, SMALL); }},
               {"prioritize", "weights", ".json", "mapping_es.json",
                [](const std::string& in, const fs::path& o) {
                    return join({"prioritize", INVENTORY, "--weights", in, "-o", (o / "r.csv").string()}, SMALL_DOMAIN);
                }}},
              kinds, "bad_input_json");
}

TEST_CASE("bad country boundaries are refused", "[cli][bad-input]")
{
    check_all({{"validate", "boundaries", ".geojson", "countries_fixture.geojson",
                [](const std::string& in, const fs::path&) { return std::vector<std::string>{"validate", INVENTORY, "--countries", in}; }}},
              FILE_KINDS, "bad_input_boundaries");
}

TEST_CASE("bad places and country waste tables are refused", "[cli][bad-input]")
{
    const std::vector<std::string> country_check_off{"--no-country-check", "--countries", COUNTRIES};
    check_all({{"coverage", "places", ".csv", "coverage_places.csv",
                [&](const std::string& in, const fs::path&) {
                    return join({"coverage", INVENTORY, "--places", in, "--country-waste",
                                 fixture("coverage_country_waste.csv")}, country_check_off);
                }},
               {"methane", "country_waste", ".csv", "coverage_country_waste.csv",
                [&](const std::string& in, const fs::path&) {
                    return join({"methane", INVENTORY, "--places", fixture("coverage_places.csv"), "--country-waste", in},
                                country_check_off);
                }}},
              CSV_KINDS, "bad_input_domain");
}

TEST_CASE("bad plans and rankings are refused", "[cli][bad-input]")
{
    check_all({{"coverage", "plan", ".gpkg", "sites_es.gpkg",
                [](const std::string& in, const fs::path&) { return join({"coverage", INVENTORY, "--plan", in}, SMALL_DOMAIN); }}},
              FILE_KINDS, "bad_input_plan");
    check_all({{"map", "ranking", ".csv", "ranking_map.csv",
                [](const std::string& in, const fs::path& o) {
                    return join({"map", INVENTORY, "--country", "ARG", "--color-by", "priority", "--ranking", in, "-o",
                                 (o / "m.png").string()}, SMALL);
                }}},
              CSV_KINDS, "bad_input_ranking");
}

TEST_CASE("bad travel matrices and location tables are refused", "[cli][bad-input]")
{
    check_all({{"locate", "matrix", ".csv", "locate_matrix.csv",
                [](const std::string& in, const fs::path&) {
                    return std::vector<std::string>{"locate", "--matrix", in, "--model", "p-median", "--p", "2"};
                }},
               {"locate", "demand", ".csv", "locate_points_demand.csv",
                [](const std::string& in, const fs::path&) {
                    return std::vector<std::string>{"locate", "--demand", in, "--candidates",
                                                    fixture("locate_points_candidates.csv"), "--model", "p-median",
                                                    "--p", "2", "--max-cost", "100"};
                }},
               {"regionalize", "matrix", ".csv", "locate_matrix.csv",
                [](const std::string& in, const fs::path& o) {
                    return join({"regionalize", INVENTORY, "--no-waste-estimate", "--matrix", in, "-o",
                                 (o / "p.gpkg").string()}, SMALL);
                }}},
              CSV_KINDS, "bad_input_matrix");
}

namespace {

/// Runs a command expected to refuse its input: in time, `exit_code`, one line naming `file` and
/// containing `says`.
void check_refusal(const std::vector<std::string>& args, int exit_code, const std::string& file, const std::string& says)
{
    INFO(args[0] << " " << args[1] << " ... expecting: " << says);
    ChildProcess child(args);
    REQUIRE(child.wait_for(TIME_LIMIT));
    const auto err = child.err();
    INFO("stderr: " << err);
    CHECK(child.exit_code() == exit_code);
    // a usage error may add CLI11's "Run with --help for more information." line
    const auto first_line = err.substr(0, err.find('\n'));
    CHECK((exit_code == 2 || err.find('\n') == err.size() - 1));
    CHECK_THAT(first_line, Contains(file));
    CHECK_THAT(first_line, Contains(says));
}

/// A plan regionalize made from the coverage fixtures, in `dir`.
std::string make_plan(const fs::path& dir)
{
    const auto plan = (dir / "plan.gpkg").string();
    ChildProcess child(join({"regionalize", INVENTORY, "--no-waste-estimate", "--max-haul-km", "100", "-o", plan}, SMALL));
    REQUIRE(child.wait_for(TIME_LIMIT));
    REQUIRE(child.exit_code() == 0);
    return plan;
}

std::string write_matrix(const fs::path& dir, const std::string& name, const std::string& rows)
{
    const auto p = dir / name;
    write_bytes(p, "origin_id,destination_id,cost\n" + rows);
    return p.string();
}

}  // namespace

TEST_CASE("a plan with a layer missing is refused by every command that reads plans", "[cli][bad-input]")
{
    const auto dir = scratch_dir("bad_input_plan_layer");
    const auto plan = make_plan(dir);
    GDALAllRegister();
    GDALDatasetH ds = GDALOpenEx(plan.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    REQUIRE(ds != nullptr);
    int deleted = 0;
    for (int i = 0; i < GDALDatasetGetLayerCount(ds); ++i)
        if (std::string(OGR_L_GetName(GDALDatasetGetLayer(ds, i))) == "assignments")
            deleted += GDALDatasetDeleteLayer(ds, i) == OGRERR_NONE ? 1 : 0;
    GDALClose(ds);
    REQUIRE(deleted == 1);
    check_refusal(join({"coverage", INVENTORY, "--plan", plan}, SMALL_DOMAIN), 1, "plan.gpkg", "has no layer 'assignments'");
    check_refusal(join({"prioritize", INVENTORY, "--plan", plan, "-o", (dir / "r.csv").string()}, SMALL_DOMAIN), 1,
                  "plan.gpkg", "has no layer 'assignments'");
    check_refusal(join({"map", INVENTORY, "--country", "ARG", "--plan", plan, "-o", (dir / "m.png").string()}, SMALL), 1,
                  "plan.gpkg", "has no layer 'assignments'");
    CHECK_FALSE(fs::exists(dir / "r.csv"));
    CHECK_FALSE(fs::exists(dir / "m.png"));
}

TEST_CASE("a plan made from another inventory is refused", "[cli][bad-input]")
{
    const auto dir = scratch_dir("bad_input_plan_sites");
    const auto plan = make_plan(dir);
    const auto other = fixture("sites_schema.csv");
    check_refusal(join({"coverage", other, "--plan", plan}, SMALL_DOMAIN), 1, "plan.gpkg", "site_id");
    check_refusal(join({"prioritize", other, "--plan", plan, "-o", (dir / "r.csv").string()}, SMALL_DOMAIN), 1,
                  "plan.gpkg", "site_id");
    CHECK_FALSE(fs::exists(dir / "r.csv"));
}

TEST_CASE("matrices with negative, NaN, infinite, huge or repeated costs are refused with the record",
          "[cli][bad-input]")
{
    const auto dir = scratch_dir("bad_input_matrix_costs");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"D1,L,-5\n", "'-5'"}, {"D1,L,nan\n", "'nan'"}, {"D1,L,inf\n", "'inf'"}, {"D1,L,1e999\n", "'1e999'"},
        {"D1,L,1e17\n", "'1e17' is beyond 1e12, the largest cost basural takes"},  // a local search cycled on it
        {"D1,L,3\nD4,L,2\nD1,L,4\n", "record 3"}};
    int n = 0;
    for (const auto& [rows, says] : cases) {
        const auto m = write_matrix(dir, "m" + std::to_string(n++) + ".csv", rows);
        const auto name = fs::path(m).filename().string();
        check_refusal({"locate", "--matrix", m, "--model", "p-median", "--p", "1"}, 1, name + " record", says);
        check_refusal(join({"regionalize", INVENTORY, "--no-waste-estimate", "--matrix", m, "-o",
                            (dir / "p.gpkg").string()}, SMALL),
                      1, name + " record", says);
    }
    CHECK_FALSE(fs::exists(dir / "p.gpkg"));
}

TEST_CASE("p = 0, p > n and a negative p are usage errors that echo the value as typed", "[cli][bad-input]")
{
    const auto m = fixture("locate_matrix.csv");
    auto locate = [&](const std::string& p) {
        return std::vector<std::string>{"locate", "--matrix", m, "--model", "p-median", "--p", p};
    };
    check_refusal(locate("0"), 2, "--p", "'0' is not a whole number >= 1");
    check_refusal(locate("-1"), 2, "--p", "'-1' is not a whole number >= 1");
    check_refusal(locate("1.5"), 2, "--p", "'1.5'");
    check_refusal(locate("99"), 2, "p-median", "99 facilities to open but only 3 candidates");
    ChildProcess huge(locate("-1"));
    REQUIRE(huge.wait_for(TIME_LIMIT));
    CHECK_THAT(huge.err(), !Contains("18446744073709551615"));
    check_refusal({"cluster", INVENTORY, "--no-country-check", "--eps-km", "10", "--min-points", "-3"}, 2,
                  "--min-points", "'-3'");
}

TEST_CASE("raw bytes of a header are escaped in messages", "[cli][bad-input]")
{
    const auto dir = scratch_dir("bad_input_raw_bytes");
    const auto p = dir / "raw.csv";
    write_bytes(p, std::string("id,na\x1b[2Jme\xff,lon,lat\n1,x,-58,-34\n"));
    ChildProcess child(join({"validate", p.string()}, SMALL));
    REQUIRE(child.wait_for(TIME_LIMIT));
    const auto err = child.err();
    INFO(err);
    CHECK(child.exit_code() == 1);
    CHECK_THAT(err, Contains("na\\x1B[2Jme\\xFF"));
    CHECK(err.find('\x1b') == std::string::npos);
    CHECK(err.find('\xff') == std::string::npos);
}

TEST_CASE("a header of 1,000,000 columns is named by its first columns and a count", "[cli][bad-input]")
{
    if (!READS_HUGE_LINES) {
        WARN("skipped under AddressSanitizer: GDAL's line reader is quadratic there (READS_HUGE_LINES)");
        return;
    }
    const auto dir = scratch_dir("bad_input_wide");
    const auto input = make_input(dir, Kind::wide_header, ".csv", "");
    ChildProcess child(join({"info", input}, SMALL));
    REQUIRE(child.wait_for(TIME_LIMIT));
    const auto err = child.err();
    INFO(err);
    CHECK(child.exit_code() == 1);
    CHECK_THAT(err, Contains("(columns: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and "));
    CHECK_THAT(err, !Contains("c10,"));
    CHECK(err.size() < 400);
}

TEST_CASE("two columns that could hold one coordinate are named, never read (GDAL 3.6 crashed on them)",
          "[cli][bad-input]")
{
    const auto dir = scratch_dir("bad_input_two_lon");
    const auto x_and_lon = dir / "x_and_lon.csv";
    write_bytes(x_and_lon, "site_id,country,site_type,x,lon,lat\nA,ARG,open_dump,5,-58.1,-34.6\n");
    check_refusal(join({"validate", x_and_lon.string()}, SMALL), 1, "x_and_lon.csv",
                  "2 columns could hold the longitude: 'x' (column 4), 'lon' (column 5); name the coordinate "
                  "columns with --field lon=COLUMN --field lat=COLUMN");
    // the way out the message gives
    ChildProcess named(join({"validate", x_and_lon.string(), "--field", "lon=lon", "--field", "lat=lat"}, SMALL));
    REQUIRE(named.wait_for(TIME_LIMIT));
    INFO(named.err());
    CHECK(named.exit_code() == 0);
    CHECK_THAT(named.out(), Contains("records read 1 = loaded 1 + rejected 0"));

    const auto twice = dir / "lat_twice.csv";
    write_bytes(twice, "site_id,country,site_type,lat,lon,LAT\nA,ARG,open_dump,-34.6,-58.1,-34.6\n");
    check_refusal(join({"validate", twice.string()}, SMALL), 1, "lat_twice.csv",
                  "2 columns could hold the latitude: 'lat' (column 4), 'LAT' (column 6); rename all but one of them");
}

// Reading cost tables record by record: the plain-CSV fast path gives the same records, record
// numbers and errors as GDAL's CSV driver (read_cost_table_with_gdal) on every case, and hands files
// that are not plain (quotes, another separator, NUL bytes) to GDAL.
#include "basural/base/error.hpp"
#include "basural/geo/cost_table.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <tuple>
#include <vector>

using namespace basural;

namespace {

std::string scratch_file(const std::string& name, const std::string& contents)
{
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "cost_table";
    std::filesystem::create_directories(dir);
    const auto path = dir / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
}

using Record = std::tuple<std::int64_t, std::string, std::string, double>;

/// The records, or the error message, of one reader.
struct Read {
    std::vector<Record> records;
    std::string error;
    bool operator==(const Read&) const = default;
};

template <class Reader>
Read read_with(Reader reader, const std::string& path)
{
    Read r;
    try {
        reader(path, [&](const CostTableRecord& c) {
            r.records.emplace_back(c.record, std::string(c.origin), std::string(c.destination), c.cost);
        });
    } catch (const error& e) {
        r.error = e.what();
    }
    return r;
}

Read fast(const std::string& path)
{
    return read_with([](const std::string& p, const auto& f) { read_cost_table(p, f); }, path);
}

Read gdal(const std::string& path)
{
    return read_with([](const std::string& p, const auto& f) { read_cost_table_with_gdal(p, f); }, path);
}

}  // namespace

TEST_CASE("cost table: the fast path reads plain CSV as GDAL does", "[cost_table]")
{
    struct Case {
        const char* name;
        const char* text;
        std::vector<Record> expected;
    };
    const std::vector<Case> cases = {
        {"plain", "origin_id,destination_id,cost\na,x,1.5\nb,y,0\n", {{1, "a", "x", 1.5}, {2, "b", "y", 0.0}}},
        {"crlf, bom, no final newline", "\xEF\xBB\xBForigin_id,destination_id,cost\r\na,x,2\r\nb,x,3",
         {{1, "a", "x", 2.0}, {2, "b", "x", 3.0}}},
        {"columns in another order, case and blanks", "Cost , extra, DESTINATION_ID,origin_id\n 7 ,q, x , a \n",
         {{1, "a", "x", 7.0}}},
        {"empty lines are skipped and not counted", "origin_id,destination_id,cost\n\na,x,1\n\r\n\nb,x,2\n\n",
         {{1, "a", "x", 1.0}, {2, "b", "x", 2.0}}},
        {"extra fields are ignored", "origin_id,destination_id,cost\na,x,1,9,9\n", {{1, "a", "x", 1.0}}},
        {"numbers with exponents and signs", "origin_id,destination_id,cost\na,x,1e3\na,y,+2.25\n",
         {{1, "a", "x", 1000.0}, {2, "a", "y", 2.25}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto path = scratch_file("plain.csv", c.text);
        CHECK(cost_table_reader(path) == "csv");
        const Read f = fast(path);
        CHECK(f.error.empty());
        CHECK(f.records == c.expected);
        CHECK(f == gdal(path));
    }
}

TEST_CASE("cost table: errors name the file, record, field and value, as GDAL's path does", "[cost_table]")
{
    struct Case {
        const char* name;
        const char* text;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"missing column", "origin_id,destination,cost\na,x,1\n", "no column 'destination_id'"},
        {"empty origin", "origin_id,destination_id,cost\na,x,1\n ,x,2\n", "record 2: origin_id '' is empty"},
        {"missing trailing field", "origin_id,destination_id,cost\na,x\n", "record 1: cost '' is empty"},
        {"negative cost", "origin_id,destination_id,cost\na,x,-1\n", "must be >= 0"},
        {"cost not a number", "origin_id,destination_id,cost\na,x,12 km\n", "is not a number"},
        {"NaN cost", "origin_id,destination_id,cost\na,x,nan\n", "is not a number"},
        {"infinite cost", "origin_id,destination_id,cost\na,x,inf\n", "is not a number"},
        {"a line of blanks is a record", "origin_id,destination_id,cost\na,x,1\n   \n", "record 2: origin_id '' is empty"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto path = scratch_file("bad.csv", c.text);
        const Read f = fast(path);
        CHECK_THAT(f.error, Catch::Contains(path) && Catch::Contains(c.message));
        CHECK(f == gdal(path));
    }
}

TEST_CASE("cost table: files that are not plain CSV go to GDAL", "[cost_table]")
{
    const auto quoted = scratch_file("quoted.csv", "origin_id,destination_id,cost\n\"a,b\",x,1\nc,x,2\n");
    CHECK(cost_table_reader(quoted) == "gdal");
    CHECK(fast(quoted).records == std::vector<Record>{{1, "a,b", "x", 1.0}, {2, "c", "x", 2.0}});
    const auto semicolons = scratch_file("semicolons.csv", "origin_id;destination_id;cost\na;x;1\n");
    CHECK(cost_table_reader(semicolons) == "gdal");
    CHECK(fast(semicolons).records == std::vector<Record>{{1, "a", "x", 1.0}});
    const auto nul = scratch_file("nul.csv", std::string("origin_id,destination_id,cost\na,x,1\0\n", 38));
    CHECK(cost_table_reader(nul) == "gdal");
    const auto unnamed = scratch_file("unnamed.csv", "origin_id,,destination\na,1,x\n");
    CHECK(cost_table_reader(unnamed) == "gdal");  // GDAL names the blank column itself
    CHECK_THAT(fast(unnamed).error, Catch::Contains("no column 'destination_id'"));
    const auto typed = scratch_file("typed.csv", "origin_id,destination_id,cost\na,x,1.5\n");
    scratch_file("typed.csvt", "String,String,Integer\n");  // GDAL takes the types from it
    CHECK(cost_table_reader(typed) == "gdal");
    CHECK(fast(typed) == gdal(typed));
    const auto gpkg_like = scratch_file("matrix.txt", "origin_id,destination_id,cost\na,x,1\n");
    CHECK(cost_table_reader(gpkg_like) == "gdal");
}

TEST_CASE("cost table: whole-file problems", "[cost_table]")
{
    const auto empty = scratch_file("empty.csv", "");
    CHECK_THAT(fast(empty).error, Catch::Contains(empty));
    const auto header_only = scratch_file("header_only.csv", "origin_id,destination_id,cost\n");
    CHECK(fast(header_only).records.empty());
    CHECK(fast(header_only).error.empty());
    CHECK_THAT(fast("/no/such/matrix.csv").error, Catch::Contains("/no/such/matrix.csv"));
}

TEST_CASE("cost table: progress reaches 1 on both paths", "[cost_table]")
{
    const auto path = scratch_file("progress.csv", "origin_id,destination_id,cost\na,x,1\n");
    for (const bool use_gdal : {false, true}) {
        double last = -1.0;
        const ProgressFn progress = [&](std::string_view stage, double fraction) {
            CHECK(stage == "read");
            CHECK(fraction >= last);
            last = fraction;
        };
        if (use_gdal)
            read_cost_table_with_gdal(path, [](const CostTableRecord&) {}, {}, progress);
        else
            read_cost_table(path, [](const CostTableRecord&) {}, {}, progress);
        CHECK(last == 1.0);
    }
}

namespace {

/// A plain matrix of `lines` records over several of the fast path's 1 MiB batches (ids and costs of
/// varying lengths, so lines straddle the batch boundaries anywhere), CRLF line ends when asked.
std::string many_records(std::size_t lines, const char* eol)
{
    std::string text = std::string("origin_id,destination_id,cost") + eol;
    for (std::size_t k = 0; k < lines; ++k)
        text += "m" + std::to_string(k / 97) + ",c" + std::to_string(k % 97) + "," + std::to_string(k % 1013) + "." +
                std::to_string(k % 7) + eol;
    return text;
}

}  // namespace

TEST_CASE("cost table: a file of many batches reads as GDAL reads it, errors in any batch", "[cost_table]")
{
    const std::size_t lines = 250000;  // about 3.8 MB: four batches read ahead on the second thread
    const std::string text = many_records(lines, "\n");
    REQUIRE(text.size() > 3 * (std::size_t{1} << 20));
    SECTION("every record, with or without a final line end, LF or CRLF")
    {
        for (const auto& [name, contents] : {std::pair{"lf", text}, std::pair{"crlf", many_records(lines, "\r\n")},
                                             std::pair{"no final LF", text.substr(0, text.size() - 1)}}) {
            INFO(name);
            const auto path = scratch_file("many.csv", contents);
            REQUIRE(cost_table_reader(path) == "csv");
            const Read f = fast(path);
            CHECK(f.error.empty());
            CHECK(f.records.size() == lines);
            CHECK(f == gdal(path));
        }
    }
    SECTION("the first bad record in file order, even with later ones bad too, in the first or a later batch")
    {
        for (const std::size_t bad : {std::size_t{5}, lines / 2, lines - 2}) {
            INFO("bad record " << bad + 1);
            std::string contents = text;
            // the cost of record `bad` (0-based) made negative, and the last record's made empty
            std::size_t at = contents.find('\n');
            for (std::size_t k = 0; k < bad; ++k)
                at = contents.find('\n', at + 1);
            contents.insert(contents.find_last_of(',', contents.find('\n', at + 1)) + 1, "-");
            contents.erase(contents.find_last_of(',') + 1);
            const auto path = scratch_file("many_bad.csv", contents);
            REQUIRE(cost_table_reader(path) == "csv");
            const Read f = fast(path);
            CHECK_THAT(f.error, Catch::Contains("record " + std::to_string(bad + 1) + ": cost '-"));
            CHECK(f.records.size() == bad);
            CHECK(f == gdal(path));
        }
    }
    SECTION("an error thrown by the caller stops the reading at its record")
    {
        const auto path = scratch_file("many.csv", text);
        std::int64_t seen = 0;
        CHECK_THROWS_WITH(read_cost_table(path,
                                          [&](const CostTableRecord& r) {
                                              seen = r.record;
                                              if (r.record == 150001)
                                                  throw input_error(path, "stop");
                                          }),
                          Catch::Contains("stop"));
        CHECK(seen == 150001);
    }
}

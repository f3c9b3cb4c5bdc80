// Replays inputs through the fuzz harnesses (fuzz/harness.hpp): the seeds scripts/fuzz.sh starts
// from, a few hostile inputs written here, and every input a fuzzer once broke a reader with
// (tests/data/fuzz/<harness>/, named after the defect). A harness throws HarnessFailure when the
// reader breaks a promise; a crash or a sanitizer report fails the test program.
#include "harness.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using basural::fuzz::harness;

namespace {

const fs::path DATA_DIR = BASURAL_TEST_DATA_DIR;

std::string bytes_of(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run(std::string_view name, const std::string& bytes)
{
    basural::fuzz::harness(name).run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), DATA_DIR);
}

/// Files of tests/data (not its subfolders) with the harness's extension: its seeds.
std::vector<fs::path> seeds(std::string_view extension)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(DATA_DIR))
        if (e.is_regular_file() && e.path().extension() == extension)
            out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every harness answers its seeds from tests/data", "[fuzz]")
{
    for (const auto& h : basural::fuzz::harnesses()) {
        const auto files = seeds(h.extension);
        CHECK(!files.empty());
        for (const auto& f : files) {
            INFO("fuzz_" << h.name << " on " << f.filename().string());
            CHECK_NOTHROW(run(h.name, bytes_of(f)));
        }
    }
}

TEST_CASE("every harness answers empty, binary and truncated inputs", "[fuzz]")
{
    const std::string binary("\x00\xff\xfe\x1b[31m\r\n\x80\x9b\xc3", 12);
    for (const auto& h : basural::fuzz::harnesses()) {
        INFO("fuzz_" << h.name);
        CHECK_NOTHROW(run(h.name, ""));
        CHECK_NOTHROW(run(h.name, binary));
        for (const auto& f : seeds(h.extension)) {
            const auto bytes = bytes_of(f);
            CHECK_NOTHROW(run(h.name, bytes.substr(0, bytes.size() / 2)));
        }
    }
}

TEST_CASE("inputs that once broke a reader are answered", "[fuzz]")
{
    const fs::path dir = DATA_DIR / "fuzz";
    std::size_t replayed = 0;
    for (const auto& h : basural::fuzz::harnesses()) {
        if (!fs::is_directory(dir / h.name))
            continue;
        for (const auto& e : fs::directory_iterator(dir / h.name)) {
            INFO("fuzz_" << h.name << " on " << e.path().filename().string());
            CHECK_NOTHROW(run(h.name, bytes_of(e.path())));
            ++replayed;
        }
    }
    SUCCEED("replayed " << replayed << " saved inputs");
}

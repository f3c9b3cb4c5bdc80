#pragma once
// The fuzz harnesses (docs/reliability.md): each feeds bytes to one reader of basural as a file in
// GDAL's /vsimem/ (or as text) and checks what every answer must hold, whatever the bytes:
// - the reader returns, or throws basural::error (anything else is a defect);
// - an error message is one printable line (no control characters, valid UTF-8, bounded length);
// - an inventory accounts for every record: records read = loaded + merged + rejected.
// A broken promise throws HarnessFailure. fuzz_main.cpp turns it into an abort for libFuzzer; the
// regression test (tests/fuzz/test_fuzz_regressions.cpp) runs every saved input through the same
// functions, so a crash found once is checked in every build.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace basural::fuzz {

/// A promise the reader broke on this input.
class HarnessFailure : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

/// One harness: a name (the fuzz target is fuzz_<name>), the extension its input is read with, and
/// the function that reads `size` bytes. `data_dir` is tests/data (country boundaries, a mapping source).
struct Harness {
    std::string_view name;
    std::string_view extension;
    void (*run)(const std::uint8_t* data, std::size_t size, const std::filesystem::path& data_dir);
};

/// Every harness: inventory_csv, inventory_geojson, inventory_kml, mapping, cost_matrix, plan, ranking.
const std::vector<Harness>& harnesses();

/// The harness named `name`; throws std::invalid_argument for an unknown name.
const Harness& harness(std::string_view name);

}  // namespace basural::fuzz

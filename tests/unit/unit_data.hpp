#pragma once
// Fixture and scratch paths for unit tests: tests/data/<name> and a fresh directory under the build tree.

#include <filesystem>
#include <fstream>
#include <string>

namespace basural::test {

inline std::string data_path(const std::string& name)
{
    return (std::filesystem::path(BASURAL_TEST_DATA_DIR) / name).string();
}

inline std::filesystem::path unit_scratch_dir(const std::string& name)
{
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "unit" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// Writes `text` to `path` (for small generated inputs) and returns the path as a string.
inline std::string write_text(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace basural::test

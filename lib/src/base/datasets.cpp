#include "basural/base/datasets.hpp"

#include "basural/base/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace basural {
namespace {

std::filesystem::path executable_dir()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

}  // namespace

std::vector<std::filesystem::path> dataset_search_path()
{
    std::vector<std::filesystem::path> dirs;
    // An explicit BASURAL_DATA_DIR is the only place searched: a user who names a directory must
    // not silently get the datasets of another one.
    if (const char* env = std::getenv("BASURAL_DATA_DIR"); env != nullptr && *env != '\0') {
        dirs.emplace_back(env);
        return dirs;
    }
    if (const auto exe_dir = executable_dir(); !exe_dir.empty())
        dirs.push_back((exe_dir.parent_path() / BASURAL_INSTALL_DATASETS_RELDIR).lexically_normal());
    // The library used from another program (python3 running the basural module, a downstream
    // C++ program) finds the datasets where they were installed.
    if (const std::filesystem::path installed(BASURAL_INSTALL_DATASETS_DIR);
        std::find(dirs.begin(), dirs.end(), installed) == dirs.end())
        dirs.push_back(installed);
    dirs.emplace_back(BASURAL_SOURCE_DATASETS_DIR);
    return dirs;
}

std::filesystem::path find_dataset(std::string_view file_name)
{
    std::string searched;
    for (const auto& dir : dataset_search_path()) {
        const auto candidate = dir / file_name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
            return candidate;
        searched += searched.empty() ? "" : ", ";
        searched += dir.string();
    }
    throw input_error(std::string(file_name),
                      "shipped dataset not found (searched " + searched +
                          "); set BASURAL_DATA_DIR to the directory holding basural's datasets");
}

std::string given_or_shipped(const std::string& given, std::string_view shipped_file)
{
    return given.empty() ? find_dataset(shipped_file).string() : given;
}

std::string given_shipped_or_none(const std::string& given, std::string_view shipped_file)
{
    if (given == "none")
        return {};
    if (!given.empty())
        return given;
    for (const auto& dir : dataset_search_path()) {
        const auto candidate = dir / shipped_file;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
            return candidate.string();
    }
    return {};
}

std::string_view version() noexcept { return BASURAL_VERSION_STRING; }

}  // namespace basural

#include "basural/base/atomic_output.hpp"

#include "basural/base/error.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>
#include <fstream>
#include <system_error>

namespace basural {
namespace {

std::filesystem::path temp_beside(const std::filesystem::path& final_path)
{
    static std::atomic<unsigned> counter{0};
    const auto dir = final_path.has_parent_path() ? final_path.parent_path() : std::filesystem::path(".");
    std::string name(1, '.');
    name.append(final_path.stem().string())
        .append(".tmp-")
        .append(std::to_string(getpid()))
        .append("-")
        .append(std::to_string(counter++))
        .append(final_path.extension().string());
    return dir / name;
}

constexpr std::array<const char*, 3> SIDE_FILE_SUFFIXES{"-wal", "-shm", "-journal"};

void remove_quietly(const std::filesystem::path& p)
{
    std::error_code ec;
    std::filesystem::remove(p, ec);
    for (const char* suffix : SIDE_FILE_SUFFIXES)
        std::filesystem::remove(p.string() + suffix, ec);
}

/// The pid in a temporary's name "<prefix><pid>-<n><ext>[-journal|-wal|-shm]" (prefix ".<stem>.tmp-"
/// of the final path), or 0 when `name` is not one of its temporaries.
pid_t temp_owner(std::string_view name, std::string_view prefix, std::string_view ext)
{
    if (name.substr(0, prefix.size()) != prefix)
        return 0;
    std::string_view rest(name);
    rest.remove_prefix(prefix.size());
    std::string_view ext_and_side = rest.substr(std::min(rest.size(), rest.find_first_not_of("0123456789-")));
    if (ext_and_side.rfind(ext, 0) != 0)
        return 0;
    ext_and_side.remove_prefix(ext.size());
    if (!ext_and_side.empty() && std::find(SIDE_FILE_SUFFIXES.begin(), SIDE_FILE_SUFFIXES.end(), ext_and_side) ==
                                     SIDE_FILE_SUFFIXES.end())
        return 0;
    long pid = 0;
    const auto digits = rest.substr(0, rest.find('-'));
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
    return r.ec == std::errc() && r.ptr == digits.data() + digits.size() && pid > 0 ? static_cast<pid_t>(pid) : 0;
}

/// Removes the temporaries of `final_path` left by runs that were killed before they could clean up:
/// those whose process no longer exists. A live process's temporaries are left alone.
void remove_stale_temporaries(const std::filesystem::path& dir, const std::filesystem::path& final_path)
{
    std::string prefix(1, '.');
    prefix.append(final_path.stem().string()).append(".tmp-");
    const std::string ext = final_path.extension().string();
    std::error_code ec;
    std::vector<std::filesystem::path> stale;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const pid_t owner = temp_owner(it->path().filename().string(), prefix, ext);
        if (owner != 0 && owner != getpid() && ::kill(owner, 0) != 0 && errno == ESRCH)
            stale.push_back(it->path());
    }
    for (const auto& p : stale)
        std::filesystem::remove(p, ec);
}

/// Flushes a file (or directory) to the disk, so a rename never publishes data still in flight.
void sync_path(const std::filesystem::path& p)
{
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

AtomicOutput::AtomicOutput(std::filesystem::path final_path)
    : m_final(std::move(final_path)), m_temp(temp_beside(m_final))
{
    const auto dir = m_temp.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw input_error(m_final.string(), "cannot write: directory '" + dir.string() + "' does not exist");
    remove_stale_temporaries(dir, m_final);
    remove_quietly(m_temp);
}

AtomicOutput::~AtomicOutput()
{
    if (!m_committed)
        remove_quietly(m_temp);
}

void AtomicOutput::commit()
{
    sync_path(m_temp);
    std::error_code ec;
    std::filesystem::rename(m_temp, m_final, ec);
    if (ec)
        throw error("cannot move '" + m_temp.string() + "' to '" + m_final.string() + "': " + ec.message());
    m_committed = true;
    sync_path(m_temp.parent_path());
}

void write_file_atomically(const std::filesystem::path& path, std::string_view contents)
{
    AtomicOutput out(path);
    {
        std::ofstream f(out.temp_path(), std::ios::binary | std::ios::trunc);
        f.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        f.flush();
        if (!f)
            throw error("cannot write '" + out.temp_path().string() + "'");
    }
    out.commit();
}

}  // namespace basural

#include "basural/base/atomic_output.hpp"

#include "basural/base/error.hpp"

#include <unistd.h>

#include <atomic>
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

void remove_quietly(const std::filesystem::path& p)
{
    std::error_code ec;
    std::filesystem::remove(p, ec);
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        std::filesystem::remove(p.string() + suffix, ec);
}

}  // namespace

AtomicOutput::AtomicOutput(std::filesystem::path final_path)
    : m_final(std::move(final_path)), m_temp(temp_beside(m_final))
{
    const auto dir = m_temp.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw input_error(m_final.string(), "cannot write: directory '" + dir.string() + "' does not exist");
    remove_quietly(m_temp);
}

AtomicOutput::~AtomicOutput()
{
    if (!m_committed)
        remove_quietly(m_temp);
}

void AtomicOutput::commit()
{
    std::error_code ec;
    std::filesystem::rename(m_temp, m_final, ec);
    if (ec)
        throw error("cannot move '" + m_temp.string() + "' to '" + m_final.string() + "': " + ec.message());
    m_committed = true;
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

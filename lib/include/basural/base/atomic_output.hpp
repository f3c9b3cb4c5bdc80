#pragma once
/// \file atomic_output.hpp
/// Outputs are written atomically: to a temporary file beside the target, then renamed over it,
/// so a failed or interrupted run never leaves a half-written output.

#include <filesystem>
#include <string_view>

namespace basural {

/// A temporary path beside `final_path` (same directory and extension, so format drivers that go
/// by extension still work), named ".<stem>.tmp-<pid>-<n><ext>" (hidden, with the writer's process
/// id). commit() flushes it to the disk and renames it to `final_path`; the destructor removes the
/// temporary (and any GDAL side files such as -wal/-shm/-journal) if commit() was never called.
/// A run killed outright (SIGKILL, power cut) cannot clean up: the next AtomicOutput for the same
/// final path removes the temporaries whose process no longer exists.
class AtomicOutput {
public:
    explicit AtomicOutput(std::filesystem::path final_path);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& temp_path() const noexcept { return m_temp; }
    const std::filesystem::path& final_path() const noexcept { return m_final; }
    /// Renames the temporary onto the final path; throws basural::error on failure.
    void commit();

private:
    std::filesystem::path m_final;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

/// Writes `contents` to `path` atomically.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace basural

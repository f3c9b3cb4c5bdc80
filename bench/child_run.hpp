// Runs a program as a child process and measures it, for the benchmarks that time `basural`
// end to end: exit code, wall time, CPU time (user + system, all threads) and peak resident memory
// (wait4's ru_maxrss, the figure `/usr/bin/time -v` prints). Header-only: benchmarks are plain
// executables.
#pragma once

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace basural::bench {

struct ChildRun {
    int exit_code = -1;  ///< 128 + signal when killed; -1 when it could not start
    double wall_s = 0.0;
    double cpu_s = 0.0;
    double peak_mb = 0.0;
};

/// Runs `exe args...` with its stdout in `out_path` (or /dev/null when empty) and its stderr in
/// `err_path`, and waits for it.
inline ChildRun run_child(const std::string& exe, const std::vector<std::string>& args,
                          const std::filesystem::path& out_path, const std::filesystem::path& err_path)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string out = out_path.empty() ? std::string("/dev/null") : out_path.string();
    const std::string err = err_path.string();
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> storage{exe};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    ChildRun r;
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        rusage usage{};
        wait4(pid, &status, 0, &usage);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        const auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
        r.cpu_s = s(usage.ru_utime) + s(usage.ru_stime);
        r.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    }
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    posix_spawn_file_actions_destroy(&actions);
    return r;
}

}  // namespace basural::bench

#pragma once
// The real basural binary as a child process the test controls: started with its output captured,
// waited for with a time limit (a hang is a test failure, not a stuck test run), or killed at a
// chosen moment (tests of interrupted writes). Outside a sanitized build the child's address space
// is limited (RLIMIT_AS) so that an unbounded allocation fails the test instead of the machine.
// Messages are English (LANG=C), as with run_cli.

#include "cli/run_cli.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace basural::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool UNDER_ASAN = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool UNDER_ASAN = true;
#else
inline constexpr bool UNDER_ASAN = false;
#endif
#else
inline constexpr bool UNDER_ASAN = false;
#endif

/// Address space a child may use outside sanitized builds (AddressSanitizer reserves terabytes of
/// virtual memory, so there the limit cannot apply).
inline constexpr rlim_t CHILD_ADDRESS_SPACE_BYTES = rlim_t{3} << 30;

class ChildProcess {
public:
    /// Starts BASURAL_EXE with `args`, stdin from /dev/null, stdout and stderr to files.
    explicit ChildProcess(const std::vector<std::string>& args)
    {
        static int counter = 0;
        const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "child_runs";
        std::filesystem::create_directories(dir);
        const auto stem = dir / (std::to_string(getpid()) + "_" + std::to_string(counter++));
        m_out_path = stem.string() + ".out";
        m_err_path = stem.string() + ".err";
        std::vector<std::string> storage{BASURAL_EXE};
        storage.insert(storage.end(), args.begin(), args.end());
        const auto argv = c_strings(storage);
        std::vector<std::string> env_storage = cli_environment();  // English, as run_cli
        const auto envp = c_strings(env_storage);
        m_pid = fork();
        if (m_pid == 0) {
            const int in = open("/dev/null", O_RDONLY);
            const int out = open(m_out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = open(m_err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
                _exit(127);
            if (!UNDER_ASAN) {
                const rlimit limit{CHILD_ADDRESS_SPACE_BYTES, CHILD_ADDRESS_SPACE_BYTES};
                setrlimit(RLIMIT_AS, &limit);
            }
            execve(BASURAL_EXE, argv.data(), envp.data());
            _exit(127);
        }
    }
    ~ChildProcess()
    {
        if (m_pid > 0 && !m_done) {
            ::kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        std::error_code ec;
        std::filesystem::remove(m_out_path, ec);
        std::filesystem::remove(m_err_path, ec);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const noexcept { return m_pid; }
    bool started() const noexcept { return m_pid > 0; }

    /// Waits up to `limit`; false if the child was still running then (it is killed).
    bool wait_for(std::chrono::milliseconds limit)
    {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (!m_done) {
            int status = 0;
            const pid_t r = waitpid(m_pid, &status, WNOHANG);
            if (r == m_pid) {
                finish(status);
                return true;
            }
            if (std::chrono::steady_clock::now() > until) {
                kill_now();
                return false;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return true;
    }

    /// Sends SIGKILL and reaps the child.
    void kill_now()
    {
        if (m_done)
            return;
        ::kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
        finish(status);
    }

    /// Whether the child has ended (reaped) without the test waiting: a non-blocking check.
    bool ended()
    {
        if (!m_done) {
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid)
                finish(status);
        }
        return m_done;
    }

    /// The exit code (128 + signal number when killed by a signal); valid once the child has ended.
    int exit_code() const noexcept { return m_exit_code; }
    bool killed_by_signal() const noexcept { return m_signalled; }
    std::string out() const { return slurp(m_out_path); }
    std::string err() const { return slurp(m_err_path); }

private:
    void finish(int status)
    {
        m_done = true;
        m_signalled = WIFSIGNALED(status);
        m_exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    pid_t m_pid = -1;
    bool m_done = false;
    bool m_signalled = false;
    int m_exit_code = -1;
    std::string m_out_path;
    std::string m_err_path;
};

}  // namespace basural::test

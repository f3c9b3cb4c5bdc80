#pragma once
// The real basural binary with its stderr on a terminal (a pseudo-terminal the test holds), so the
// progress bars it draws only on a terminal can be read back. stdout goes to a file, as with run_cli.
// The terminal is in raw mode, so the bytes read are the bytes basural wrote ("\r" and "\n" as they are).

#include "cli/run_cli.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace basural::test {

/// What a run on a terminal gave: the exit code, stdout, and everything the terminal received.
struct TerminalRun {
    int exit_code = -1;
    bool timed_out = false;
    std::string out;
    std::string terminal;
};

/// Runs BASURAL_EXE with `args`, stderr on a fresh pseudo-terminal; kills it after `limit`.
inline TerminalRun run_cli_on_terminal(const std::vector<std::string>& args,
                                       std::chrono::seconds limit = std::chrono::seconds(120))
{
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
        throw std::runtime_error("no pseudo-terminal");
    const std::string slave_name = ptsname(master);
    const int slave = open(slave_name.c_str(), O_RDWR | O_NOCTTY);
    if (slave < 0)
        throw std::runtime_error("cannot open " + slave_name);
    termios mode{};
    tcgetattr(slave, &mode);
    cfmakeraw(&mode);
    tcsetattr(slave, TCSANOW, &mode);

    static int counter = 0;
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "terminal_runs";
    std::filesystem::create_directories(dir);
    const std::string out_path = (dir / (std::to_string(getpid()) + "_" + std::to_string(counter++) + ".out")).string();

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, slave, STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, slave);
    posix_spawn_file_actions_addclose(&actions, master);

    std::vector<std::string> argv_storage{BASURAL_EXE};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    const auto argv = c_strings(argv_storage);
    std::vector<std::string> env_storage = cli_environment();
    const auto envp = c_strings(env_storage);

    TerminalRun r;
    pid_t pid = 0;
    const bool spawned = posix_spawn(&pid, BASURAL_EXE, &actions, nullptr, argv.data(), envp.data()) == 0;
    posix_spawn_file_actions_destroy(&actions);
    close(slave);  // the child holds the only other end: reading gives EIO once it has exited
    if (spawned) {
        // read while the child runs: a full terminal buffer would block its writes
        const auto until = std::chrono::steady_clock::now() + limit;
        char buffer[4096];
        for (;;) {
            pollfd p{master, POLLIN, 0};
            if (poll(&p, 1, 100) > 0) {
                const ssize_t n = read(master, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                r.terminal.append(buffer, static_cast<std::size_t>(n));
            }
            if (std::chrono::steady_clock::now() > until) {
                r.timed_out = true;
                kill(pid, SIGKILL);
                break;
            }
        }
        int status = 0;
        waitpid(pid, &status, 0);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    close(master);
    r.out = slurp(out_path);
    std::filesystem::remove(out_path);
    return r;
}

/// The bar lines of a terminal's text: the states drawn after each "\r", in order.
inline std::vector<std::string> drawn_bars(const std::string& terminal)
{
    std::vector<std::string> out;
    std::size_t at = terminal.find('\r');
    while (at != std::string::npos) {
        const std::size_t next = terminal.find_first_of("\r\n", at + 1);
        out.push_back(terminal.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1));
        at = terminal.find('\r', at + 1);
    }
    return out;
}

}  // namespace basural::test

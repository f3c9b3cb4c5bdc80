#pragma once
// Runs the real basural binary (BASURAL_EXE) with arguments and captures exit code, stdout, stderr.

#include <spawn.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace basural::test {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A fresh scratch directory under the build tree for one test.
inline std::filesystem::path scratch_dir(const std::string& name)
{
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// Path of a fixture in tests/data.
/// Text printed for people with its lines wrapped (domain_inputs print_lines): each line break and
/// the blanks that follow it read as one blank, so a sentence can be searched whole.
inline std::string unwrapped(const std::string& text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') {
            out += text[i];
            continue;
        }
        while (i + 1 < text.size() && text[i + 1] == ' ')
            ++i;
        out += ' ';
    }
    return out;
}

inline std::string fixture(const std::string& name)
{
    return (std::filesystem::path(BASURAL_TEST_DATA_DIR) / name).string();
}

/// The environment of a child basural: this process's, with `env` ("NAME=value") added or replacing.
/// The language of human text comes from the environment (docs/methods/languages.md): tests run in
/// English unless `env` sets LANG, LC_MESSAGES or LC_ALL itself, whatever the developer's shell has.
inline std::vector<std::string> cli_environment(const std::vector<std::string>& env = {})
{
    std::vector<std::string> env_storage = env;
    for (const char* fixed : {"LC_ALL=", "LC_MESSAGES=", "LANG=C"}) {
        const std::string entry = fixed;
        const auto name = entry.substr(0, entry.find('=') + 1);
        bool given = false;
        for (const auto& extra : env)
            given = given || extra.rfind(name, 0) == 0;
        if (!given)
            env_storage.push_back(entry);
    }
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry = *e;
        const auto name = entry.substr(0, entry.find('=') + 1);
        bool replaced = false;
        for (const auto& extra : env_storage)
            replaced = replaced || extra.rfind(name, 0) == 0;
        if (!replaced)
            env_storage.push_back(entry);
    }
    return env_storage;
}

/// `strings` as the null-terminated array of C strings execve and posix_spawn take (pointing into
/// `strings`, which must outlive it).
inline std::vector<char*> c_strings(std::vector<std::string>& strings)
{
    std::vector<char*> out;
    for (auto& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

#ifdef BASURAL_EXE
/// Runs the binary with `args` (CLI tests only: unit tests have no BASURAL_EXE); `env` adds or
/// replaces environment variables ("NAME=value").
inline CliResult run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env)
{
    static int counter = 0;
    const auto dir = std::filesystem::path(BASURAL_TEST_TMP_DIR) / "cli_runs";
    std::filesystem::create_directories(dir);
    const auto stem = dir / (std::to_string(getpid()) + "_" + std::to_string(counter++));
    const std::string out_path = stem.string() + ".out";
    const std::string err_path = stem.string() + ".err";

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

    std::vector<std::string> argv_storage{BASURAL_EXE};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    const auto argv = c_strings(argv_storage);
    std::vector<std::string> env_storage = cli_environment(env);
    const auto envp = c_strings(env_storage);

    CliResult r;
    pid_t pid = 0;
    if (posix_spawn(&pid, BASURAL_EXE, &actions, nullptr, argv.data(), envp.data()) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    std::filesystem::remove(out_path);
    std::filesystem::remove(err_path);
    return r;
}

inline CliResult run_cli(const std::vector<std::string>& args) { return run_cli(args, {}); }
#endif  // BASURAL_EXE

}  // namespace basural::test

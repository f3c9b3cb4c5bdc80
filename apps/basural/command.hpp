#pragma once
/// \file command.hpp
/// The subcommand registry. Each cmd_<name>.cpp defines one Command and registers it with
/// `const basural::app::Registrar reg{"name", "one-line summary", [] { return std::make_unique<X>(); }};`
/// A command declares its options in setup(), then run() validates them, calls the library and prints.

#include "basural/base/locale.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace basural::app {

/// Where a command prints: results to `out`, diagnostics to `err`; and in which language people read it.
struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool err_is_terminal = false;  ///< progress bars only when true
    /// The language of summaries, tables and maps: `--lang`, else LC_ALL / LC_MESSAGES / LANG, else
    /// English (basural/base/locale.hpp). Error messages and log lines stay in English.
    Locale locale;
};

class Command {
public:
    virtual ~Command() = default;
    /// Declare options and positionals on the subcommand.
    virtual void setup(CLI::App& sub) = 0;
    /// Run after a successful parse; returns the exit code (0 ok, 1 the work failed).
    /// Throws basural::usage_error for bad option values (exit 2) and basural::error otherwise (exit 1).
    virtual int run(Streams& io) = 0;
};

struct CommandInfo {
    std::string name;
    std::string summary;
    std::function<std::unique_ptr<Command>()> make;
};

/// All registered commands, sorted by name.
std::vector<CommandInfo> registered_commands();

struct Registrar {
    Registrar(std::string name, std::string summary, std::function<std::unique_ptr<Command>()> make);
};

/// The whole program: parse `args` (without the program name), run the command, catch errors,
/// print them to `err` as "basural <command>: <message>" and return the exit code:
/// 0 ok, 1 the work failed, 2 the command line was wrong. `environment` is the locale people read
/// when `--lang` is not given (main() passes locale_from_environment()).
int run_basural(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                bool err_is_terminal = false, const Locale& environment = Locale{});

}  // namespace basural::app

#include "command.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"

#include <algorithm>
#include <map>
#include <ostream>

namespace basural::app {
namespace {

std::map<std::string, CommandInfo>& registry()
{
    static std::map<std::string, CommandInfo> commands;
    return commands;
}

}  // namespace

Registrar::Registrar(std::string name, std::string summary, std::function<std::unique_ptr<Command>()> make)
{
    auto key = name;
    registry().emplace(std::move(key), CommandInfo{std::move(name), std::move(summary), std::move(make)});
}

std::vector<CommandInfo> registered_commands()
{
    std::vector<CommandInfo> out;
    for (const auto& [name, info] : registry())
        out.push_back(info);
    return out;
}

int run_basural(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                bool err_is_terminal, const Locale& environment)
{
    CLI::App app{"basural: close open dumpsites in Latin America and the Caribbean.\n"
                 "Load dumpsite inventories, propose regional landfills, report coverage, draw maps.",
                 "basural"};
    app.set_version_flag("--version", std::string("basural ") + std::string(basural::version()));
    app.require_subcommand(1);
    app.footer("Exit codes: 0 ok, 1 the work failed (or, for validate, some records were rejected),\n"
               "2 the command line was wrong. See docs/cli/ for each command.");

    std::vector<std::pair<CLI::App*, std::unique_ptr<Command>>> commands;
    std::string lang;
    for (const auto& info : registered_commands()) {
        CLI::App* sub = app.add_subcommand(info.name, info.summary);
        auto cmd = info.make();
        cmd->setup(*sub);
        // Every command speaks the reader's language (docs/methods/languages.md).
        sub->add_option("--lang", lang,
                        "Language of summaries, tables and maps: es, pt or en, optionally with a region (es-MX, "
                        "pt-BR) for its number style and words (default: from LC_ALL, LC_MESSAGES or LANG; "
                        "else en). Machine outputs (CSV, JSON, files) are not affected");
        commands.emplace_back(sub, std::move(cmd));
    }

    // CLI11 wants argv order reversed in a vector for parse(std::vector&&).
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        return app.exit(e, out, err) == 0 ? 0 : 2;
    }

    Streams io{out, err, err_is_terminal, environment};
    for (auto& [sub, cmd] : commands) {
        if (!sub->parsed())
            continue;
        try {
            if (!lang.empty())
                io.locale = locale_for_option(lang, environment);
            return cmd->run(io);
        } catch (const basural::usage_error& e) {
            err << "basural " << sub->get_name() << ": " << e.what() << "\n";
            return 2;
        } catch (const basural::error& e) {
            err << "basural " << sub->get_name() << ": " << e.what() << "\n";
            return 1;
        } catch (const std::exception& e) {
            // basural::error keeps the message on one printable line
            err << "basural " << sub->get_name() << ": internal error: " << basural::error(e.what()).what() << "\n";
            return 1;
        }
    }
    return 2;
}

}  // namespace basural::app

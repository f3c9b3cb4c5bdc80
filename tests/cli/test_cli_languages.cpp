// The reader's language: --lang on every command, and LC_ALL / LC_MESSAGES / LANG as the default
// (docs/methods/languages.md). Summaries come from the message catalogue; errors stay in English.
#include "cli/run_cli.hpp"

#include "basural/base/locale.hpp"
#include "basural/base/terminal_table.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using basural::test::fixture;
using basural::test::run_cli;
using basural::test::scratch_dir;
using Catch::Contains;

namespace {

const std::string COUNTRIES = fixture("countries_fixture.geojson");
const std::string SITES = fixture("sites_map.csv");

basural::test::CliResult map_uruguay(const std::string& out, std::vector<std::string> extra,
                                     const std::vector<std::string>& env = {})
{
    std::vector<std::string> args{"map", SITES, "--country", "URY", "--countries", COUNTRIES, "-o", out};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args, env);
}

}  // namespace

TEST_CASE("every command takes --lang", "[cli][lang]")
{
    for (const char* command : {"cluster", "coverage", "import", "info", "locate", "map", "methane", "prioritize",
                                "progress", "regionalize", "validate"}) {
        INFO(command);
        const auto r = run_cli({command, "--help"});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Contains("--lang"));
    }
}

TEST_CASE("the --lang option writes the summary in Spanish or Portuguese", "[cli][lang]")
{
    const auto dir = scratch_dir("cli_lang_map");
    const auto out = (dir / "u.svg").string();
    const auto es = map_uruguay(out, {"--lang", "es"});
    INFO(es.err);
    REQUIRE(es.exit_code == 0);
    CHECK(es.out == "URY: 5 sitios, 0 instalaciones -> " + out + "\n");
    const auto pt = map_uruguay(out, {"--lang", "pt-BR"});
    CHECK(pt.out == "URY: 5 locais, 0 instalação -> " + out + "\n");  // CLDR pt: 0 takes the singular
    const auto en = map_uruguay(out, {"--lang", "en"});
    CHECK(en.out == "URY: 5 sites, 0 facilities -> " + out + "\n");
}

TEST_CASE("without --lang the language comes from LC_ALL, LC_MESSAGES or LANG", "[cli][lang]")
{
    const auto dir = scratch_dir("cli_lang_env");
    const auto out = (dir / "u.svg").string();
    CHECK_THAT(map_uruguay(out, {}, {"LANG=es_MX.UTF-8"}).out, Contains("5 sitios"));
    CHECK_THAT(map_uruguay(out, {}, {"LANG=es_MX.UTF-8", "LC_MESSAGES=pt_BR.UTF-8"}).out, Contains("5 locais"));
    CHECK_THAT(map_uruguay(out, {}, {"LANG=es_MX.UTF-8", "LC_ALL=C"}).out, Contains("5 sites"));
    CHECK_THAT(map_uruguay(out, {}, {"LANG=fr_FR.UTF-8"}).out, Contains("5 sites"));
    // --lang wins over the environment.
    CHECK_THAT(map_uruguay(out, {"--lang", "en"}, {"LANG=pt_BR.UTF-8"}).out, Contains("5 sites"));
}

TEST_CASE("an unknown --lang is a usage error (exit 2), in English", "[cli][lang]")
{
    const auto dir = scratch_dir("cli_lang_bad");
    const auto r = map_uruguay((dir / "u.svg").string(), {"--lang", "fr"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--lang: 'fr' is not a language basural writes: use es, pt or en"));
    CHECK(r.out.empty());
}

namespace {

/// Lines of a command's output that are wider than the terminal (records lines name files and are left out).
std::vector<std::string> wide_lines(const std::string& out)
{
    std::vector<std::string> wide;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (basural::display_width(line) > basural::TERMINAL_WIDTH && line.find("records read") == std::string::npos)
            wide.push_back(line);
    return wide;
}

}  // namespace

TEST_CASE("default tables read at 100 columns, in each language, with the reader's headings", "[cli][lang]")
{
    const auto dir = scratch_dir("cli_lang_tables");
    const std::vector<std::string> data{fixture("coverage_sites.csv"), "--no-country-check", "--places",
                                        fixture("coverage_places.csv"), "--country-waste",
                                        fixture("coverage_country_waste.csv")};
    const auto with = [&](std::vector<std::string> a, const std::vector<std::string>& extra) {
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };
    for (const char* lang : {"en", "es", "pt"}) {
        for (const auto& args : {with({"coverage"}, data), with({"methane"}, data),
                                 with({"prioritize", "-o", (dir / "r.csv").string()}, data),
                                 std::vector<std::string>{"info", fixture("sites_schema.csv"), "--countries", COUNTRIES}}) {
            auto a = args;
            a.insert(a.end(), {"--lang", lang});
            const auto r = run_cli(a);
            INFO(a[0] << " --lang " << lang << "\n" << r.out << r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(wide_lines(r.out).empty());
        }
    }
    const auto es = run_cli(with(with({"coverage"}, data), {"--lang", "es"}));
    CHECK_THAT(es.out, Contains("Cobertura por país, año de reporte 2024"));
    CHECK_THAT(es.out, Contains("t/día a botaderos"));
    CHECK_THAT(es.out, Contains("Se muestran 7 de 44 columnas; todas con --format csv, json o md"));
    const auto pt = run_cli(with(with({"methane"}, data), {"--lang", "pt"}));
    CHECK_THAT(pt.out, Contains("Metano por país, 2024"));
    CHECK_THAT(pt.out, Contains("CH4 t/ano"));
    // --format csv keeps every column and the machine's names and numbers, whatever the language.
    const auto csv = run_cli(with(with({"coverage"}, data), {"--lang", "es", "--format", "csv"}));
    CHECK(csv.out.rfind("country,sites,open_dump,", 0) == 0);
}

// The program as a whole: --help, --version, unknown commands and their exit codes.
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>

using basural::test::run_cli;

TEST_CASE("basural --help lists the commands and exits 0", "[cli]")
{
    const auto r = run_cli({"--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("basural") != std::string::npos);
    CHECK(r.out.find("Exit codes") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("basural --version prints the version", "[cli]")
{
    const auto r = run_cli({"--version"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("basural 0.", 0) == 0);
}

TEST_CASE("an unknown command is a usage error (exit 2)", "[cli]")
{
    const auto r = run_cli({"no-such-command"});
    CHECK(r.exit_code == 2);
    CHECK_FALSE(r.err.empty());
}

TEST_CASE("no command at all is a usage error (exit 2)", "[cli]")
{
    const auto r = run_cli({});
    CHECK(r.exit_code == 2);
}

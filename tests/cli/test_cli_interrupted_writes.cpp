// Interrupted writes (docs/reliability.md): a command killed with SIGKILL while it writes its output
// leaves the previous output intact and nothing partial under the final name; what it leaves is a
// hidden temporary named ".<stem>.tmp-<pid>-<n><ext>", which the next run for that output removes.
// The kill is timed with inotify: it lands as soon as the temporary appears in the directory.
#include "cli/child_process.hpp"
#include "cli/run_cli.hpp"

#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/inotify.h>

#include <algorithm>
#include <array>
#include <chrono>

using basural::test::ChildProcess;
using basural::test::fixture;
using basural::test::scratch_dir;
using basural::test::slurp;
namespace fs = std::filesystem;

namespace {

constexpr std::chrono::seconds TIME_LIMIT{120};

const std::string COUNTRIES = fixture("countries_fixture.geojson");

/// Watches a directory for new files.
class DirectoryWatch {
public:
    explicit DirectoryWatch(const fs::path& dir) : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC))
    {
        REQUIRE(m_fd >= 0);
        REQUIRE(inotify_add_watch(m_fd, dir.c_str(), IN_CREATE | IN_MOVED_TO) >= 0);
    }
    ~DirectoryWatch() { close(m_fd); }
    DirectoryWatch(const DirectoryWatch&) = delete;
    DirectoryWatch& operator=(const DirectoryWatch&) = delete;

    /// Waits up to `ms` for a file whose name contains `part`; true when one appeared.
    bool wait_for_name(const std::string& part, int ms)
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
        alignas(inotify_event) std::array<char, 8192> buf{};
        while (std::chrono::steady_clock::now() < until) {
            pollfd p{m_fd, POLLIN, 0};
            if (poll(&p, 1, 20) <= 0)
                continue;
            const auto n = read(m_fd, buf.data(), buf.size());
            for (ssize_t at = 0; at < n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(buf.data() + at);
                if (e->len > 0 && std::string(e->name).find(part) != std::string::npos)
                    return true;
                at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
            }
        }
        return false;
    }

private:
    int m_fd;
};

/// Runs to completion; the run must succeed.
void run_ok(const std::vector<std::string>& args)
{
    ChildProcess c(args);
    REQUIRE(c.wait_for(TIME_LIMIT));
    INFO(c.err());
    REQUIRE(c.exit_code() == 0);
}

/// Names in `dir` other than `keep`.
std::vector<std::string> others(const fs::path& dir, const std::vector<std::string>& keep)
{
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        if (std::find(keep.begin(), keep.end(), name) == keep.end())
            out.push_back(name);
    }
    return out;
}

/// `first` writes `output` in `dir`; `second` (writing different contents to the same file) is killed
/// as soon as its temporary appears. Then the previous output must be intact, the only other files
/// the killed run's hidden temporaries, and a later run of `second` must remove them.
void check_killed_mid_write(const fs::path& dir, const std::string& output, const std::vector<std::string>& first,
                            const std::vector<std::string>& second, const std::vector<std::string>& inputs_in_dir = {})
{
    run_ok(first);
    const auto final_path = dir / output;
    const std::string previous = slurp(final_path);
    REQUIRE(!previous.empty());

    bool killed_mid_write = false;
    for (int attempt = 0; attempt < 5 && !killed_mid_write; ++attempt) {
        DirectoryWatch watch(dir);
        ChildProcess child(second);
        REQUIRE(child.started());
        if (watch.wait_for_name(".tmp-", 60'000))
            child.kill_now();
        REQUIRE(child.wait_for(TIME_LIMIT));
        killed_mid_write = child.killed_by_signal();
    }
    REQUIRE(killed_mid_write);
    CHECK(slurp(final_path) == previous);  // byte for byte: nothing partial under the final name
    auto keep = inputs_in_dir;
    keep.push_back(output);
    const auto left = others(dir, keep);
    CHECK(!left.empty());  // the killed run could not clean up...
    std::string temp_prefix = fs::path(output).stem().string();  // ".<stem>.tmp-", built in place (GCC 12
    temp_prefix.insert(0, 1, '.');                                   // warns -Wrestrict on "." + string)
    temp_prefix += ".tmp-";
    for (const auto& name : left)
        CHECK(name.rfind(temp_prefix, 0) == 0);  // ...and what it left is clearly a temporary

    run_ok(second);  // the next run for the same output removes the dead run's temporaries
    CHECK(others(dir, keep).empty());
    CHECK(slurp(final_path) != previous);
}

}  // namespace

TEST_CASE("regionalize killed while writing its plan leaves the previous plan", "[cli][interrupted]")
{
    const auto dir = scratch_dir("interrupted_regionalize");
    const auto plan = (dir / "plan.gpkg").string();
    auto args = [&](const std::string& haul) {
        return std::vector<std::string>{"regionalize", fixture("coverage_sites.csv"), "--no-waste-estimate",
                                        "--no-country-check", "--countries", COUNTRIES, "--max-haul-km", haul,
                                        "-o", plan};
    };
    check_killed_mid_write(dir, "plan.gpkg", args("30"), args("100"));
}

TEST_CASE("import killed while writing leaves the previous inventory", "[cli][interrupted]")
{
    const auto dir = scratch_dir("interrupted_import");
    const auto out = (dir / "sites.gpkg").string();
    auto args = [&](const std::string& source) {
        return std::vector<std::string>{"import", fixture(source), "--countries", COUNTRIES, "-o", out};
    };
    check_killed_mid_write(dir, "sites.gpkg", args("sites_schema.csv"), args("coverage_sites.csv"));
}

TEST_CASE("map killed while drawing leaves the previous map", "[cli][interrupted]")
{
    const auto dir = scratch_dir("interrupted_map");
    const auto out = (dir / "arg.png").string();
    auto args = [&](const std::string& width) {
        return std::vector<std::string>{"map", fixture("coverage_sites.csv"), "--no-country-check", "--countries",
                                        COUNTRIES, "--country", "ARG", "--width", width, "--dpi", "96", "-o", out};
    };
    check_killed_mid_write(dir, "arg.png", args("600"), args("800"));
}

TEST_CASE("report killed while writing leaves the previous report", "[cli][interrupted]")
{
    // The PDF: Cairo writes it page by page into the temporary. (The HTML goes through the same
    // AtomicOutput in one write() and a rename microseconds after its temporary appears, too soon for
    // a kill timed by inotify to land between them: a test of it would pass or fail by chance.)
    for (const std::string out : {"report.pdf"}) {
        const auto dir = scratch_dir("interrupted_" + fs::path(out).extension().string().erase(0, 1));
        auto args = [&](const std::string& lang) {
            return std::vector<std::string>{"report",
                                            fixture("report_sites.csv"),
                                            "--country",
                                            "URY",
                                            "--lang",
                                            lang,
                                            "--countries",
                                            COUNTRIES,
                                            "--no-country-check",
                                            "--places",
                                            fixture("report_places.csv"),
                                            "--country-waste",
                                            fixture("coverage_country_waste.csv"),
                                            "-o",
                                            (dir / out).string()};
        };
        INFO(out);
        check_killed_mid_write(dir, out, args("en"), args("es"));
    }
}

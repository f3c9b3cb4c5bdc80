// basural report end to end: two countries (Uruguay with its states, Argentina in one unit) in each language
// and format, read back by independent readers: poppler (pdfinfo, pdftotext) for the PDF; headless Chromium
// for the HTML (script errors, blocked or made requests, charts and maps drawn, a screenshot of a known
// size); libxml2 for its SVG charts. Per-state totals against the country's; the map's counts against the
// plan's. Fixtures: tests/data/report_sites.csv, report_places.csv, admin1_fixture.geojson,
// countries_fixture.geojson (tests/data/README.md).
#include "cli/run_cli.hpp"
#include "map_readers.hpp"

#include "basural/planning/plan.hpp"
#include "basural/planning/regionalize.hpp"

#include <catch2/catch.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <sstream>

using basural::test::count_of;
using basural::test::fixture;
using basural::test::have_tool;
using basural::test::read_bytes;
using basural::test::run_cli;
using basural::test::run_tool;
using basural::test::scratch_dir;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> report_args(const std::string& iso3, const std::string& lang, const fs::path& out,
                                     std::vector<std::string> extra = {})
{
    std::vector<std::string> a{"report",       fixture("report_sites.csv"),
                               "--country",    iso3,
                               "--lang",       lang,
                               "--countries",  fixture("countries_fixture.geojson"),
                               "--no-country-check",
                               "--admin1-boundaries", fixture("admin1_fixture.geojson"),
                               "--places",     fixture("report_places.csv"),
                               "--country-waste", fixture("coverage_country_waste.csv"),
                               "-o",           out.string()};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

/// Headings of the report in each language (the catalogue's words, written out here by hand).
/// Argentina's Spanish says "basural" where the others say "botadero" (the catalogue's regional words).
struct Headings {
    std::string lang, summary, states, plan, priority, priority_arg, methane, assumptions, uruguay;
    const std::string& priority_of(const std::string& iso3) const { return iso3 == "ARG" ? priority_arg : priority; }
};
const std::vector<Headings> LANGUAGES{
    {"es", "Resumen", "Por estado", "El plan regional", "Botaderos a cerrar primero", "Basurales a cerrar primero", "Metano",
     "Supuestos y datos", "Uruguay"},
    {"pt", "Resumo", "Por estado", "O plano regional", "Lixões a encerrar primeiro", "Lixões a encerrar primeiro", "Metano",
     "Premissas e dados", "Uruguai"},
    {"en", "Summary", "By state", "The regional plan", "Dumps to close first", "Dumps to close first", "Methane",
     "Assumptions and data", "Uruguay"},
};

std::string pdf_text(const fs::path& pdf, const fs::path& dir)
{
    const auto txt = dir / (pdf.stem().string() + ".txt");
    REQUIRE(run_tool({"pdftotext", pdf.string(), txt.string()}, dir / "t.out", dir / "t.err") == 0);
    return read_bytes(txt);
}

int pdf_pages(const fs::path& pdf, const fs::path& dir)
{
    REQUIRE(run_tool({"pdfinfo", pdf.string()}, dir / "info.txt", dir / "info.err") == 0);
    const std::string info = read_bytes(dir / "info.txt");
    CHECK_THAT(info, Contains("(A4)"));
    std::smatch m;
    const std::regex pages(R"(Pages:\s+(\d+))");
    REQUIRE(std::regex_search(info, m, pages));
    return std::stoi(m[1]);
}

/// The attribute `name` of the <html> element Chromium serialised, as an integer (-1 when absent).
int html_attribute(const std::string& dom, const std::string& name)
{
    std::smatch m;
    const std::regex attr(name + R"(=\"(\d+)\")");
    return std::regex_search(dom, m, attr) ? std::stoi(m[1]) : -1;
}

/// Every inline <svg> of a page, parsed by libxml2: the texts of its <text> elements.
std::vector<std::vector<std::string>> svg_texts(const std::string& html)
{
    std::vector<std::vector<std::string>> out;
    for (std::size_t pos = html.find("<svg "); pos != std::string::npos; pos = html.find("<svg ", pos + 1)) {
        const std::size_t end = html.find("</svg>", pos);
        REQUIRE(end != std::string::npos);
        const std::string svg = html.substr(pos, end + 6 - pos);
        std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
            xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "chart.svg", "UTF-8", XML_PARSE_NONET), xmlFreeDoc);
        REQUIRE(doc);
        std::vector<std::string> texts;
        std::function<void(const xmlNode*)> walk = [&](const xmlNode* n) {
            for (; n; n = n->next) {
                if (n->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(n->name)) == "text") {
                    std::unique_ptr<xmlChar, void (*)(void*)> content(xmlNodeGetContent(n), xmlFree);
                    texts.emplace_back(reinterpret_cast<const char*>(content.get()));
                }
                walk(n->children);
            }
        };
        walk(xmlDocGetRootElement(doc.get()));
        out.push_back(std::move(texts));
    }
    return out;
}

/// The rows of the HTML table with id `id`: each a list of cell texts.
std::vector<std::vector<std::string>> html_table(const std::string& html, const std::string& id)
{
    const std::size_t start = html.find("<table id=\"table-" + id + "\">");
    REQUIRE(start != std::string::npos);
    const std::string table = html.substr(start, html.find("</table>", start) - start);
    std::vector<std::vector<std::string>> rows;
    const std::regex row(R"(<tr[^>]*>(.*?)</tr>)"), cell(R"(<td[^>]*>(.*?)</td>)");
    for (auto r = std::sregex_iterator(table.begin(), table.end(), row); r != std::sregex_iterator(); ++r) {
        const std::string inner = (*r)[1];
        std::vector<std::string> cells;
        for (auto c = std::sregex_iterator(inner.begin(), inner.end(), cell); c != std::sregex_iterator(); ++c)
            cells.push_back((*c)[1]);
        if (!cells.empty())
            rows.push_back(std::move(cells));
    }
    return rows;
}

/// A count as the report writes it in any language ("1.234", "1 234", "1,234"): its digits.
long digits_of(const std::string& s)
{
    std::string d;
    for (char c : s)
        if (c >= '0' && c <= '9')
            d += c;
    return d.empty() ? 0 : std::stol(d);
}

}  // namespace

TEST_CASE("report --help lists every option", "[cli][report]")
{
    const auto r = run_cli({"report", "--help"});
    CHECK(r.exit_code == 0);
    for (const char* opt : {"--country", "--admin1", "--plan", "--lang", "--output", "--max-haul-km", "--top",
                            "--state-maps", "--admin1-boundaries", "--places", "Exit codes"})
        CHECK_THAT(r.out, Contains(opt));
    CHECK_THAT(run_cli({"--help"}).out, Contains("report"));
}

TEST_CASE("report PDF: two countries in each language, A4 pages, headings in the language", "[cli][report]")
{
    if (!have_tool("pdfinfo") || !have_tool("pdftotext"))
        FAIL("pdfinfo and pdftotext (Debian package poppler-utils) are needed: run scripts/install-deps.sh");
    const auto dir = scratch_dir("cli_report_pdf");
    for (const auto& h : LANGUAGES)
        for (const std::string iso3 : {"URY", "ARG"}) {
            INFO(iso3 << " " << h.lang);
            const auto out = dir / (iso3 + "_" + h.lang + ".pdf");
            const auto r = run_cli(report_args(iso3, h.lang, out));
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            CHECK(r.err.empty());
            CHECK_THAT(r.out, Contains(out.string()));
            CHECK(pdf_pages(out, dir) >= 7);  // title and contents, then each main section on its own pages
            const std::string text = pdf_text(out, dir);
            for (const auto& heading : {h.summary, h.states, h.plan, h.priority_of(iso3), h.methane, h.assumptions})
                CHECK_THAT(text, Contains(heading));
            if (iso3 == "URY")
                CHECK_THAT(text, Contains(h.uruguay));
        }
}

TEST_CASE("report HTML: offline, no script error, charts and maps drawn in Chromium, in each language",
          "[cli][report][chromium]")
{
    const auto dir = scratch_dir("cli_report_html");
    for (const auto& h : LANGUAGES)
        for (const std::string iso3 : {"URY", "ARG"}) {
            INFO(iso3 << " " << h.lang);
            const auto out = dir / (iso3 + "_" + h.lang + ".html");
            const auto r = run_cli(report_args(iso3, h.lang, out));
            INFO(r.err);
            REQUIRE(r.exit_code == 0);
            const std::string html = read_bytes(out);
            CHECK_THAT(html, Contains("<html lang=\"" + h.lang + "\""));
            // The default plan's rules about unknown status, in the reader's words only.
            for (const auto rule : {basural::STATUS_RULE, basural::DEMAND_RULE, basural::CANDIDATE_RULE})
                CHECK((html.find(std::string(rule)) != std::string::npos) == (h.lang == "en"));
            for (const auto& heading : {h.summary, h.states, h.plan, h.priority_of(iso3), h.assumptions})
                CHECK_THAT(html, Contains(">" + heading + "</h2>"));
            // No request can leave the page: nothing but data: URIs and the page's own anchors.
            CHECK_FALSE(std::regex_search(html, std::regex(R"re((src|href)="(?!data:|#)[^"]*")re")));
            // The charts are SVG with their text as text.
            const auto charts = svg_texts(html);
            CHECK(charts.size() >= 3);
            for (const auto& texts : charts)
                CHECK(texts.size() >= 3);
            const auto work = dir / (iso3 + "_" + h.lang);
            fs::create_directories(work);
            const std::string dom = basural::test::chromium_dom(out, work);
            CHECK_THAT(dom, Contains("data-basural-ready=\"true\""));
            CHECK(html_attribute(dom, "data-basural-errors") == 0);
            CHECK(html_attribute(dom, "data-basural-blocked") == 0);
            CHECK(html_attribute(dom, "data-basural-requests") == 0);
            CHECK(html_attribute(dom, "data-basural-charts") == static_cast<int>(charts.size()));
            CHECK(html_attribute(dom, "data-basural-maps") >= 1);
            CHECK(html_attribute(dom, "data-basural-images-loaded") == html_attribute(dom, "data-basural-images"));
            const std::string chromium_log = read_bytes(work / "chromium.err");
            CHECK_THAT(chromium_log, !Contains("Uncaught") && !Contains("Refused to"));
        }
}

TEST_CASE("report HTML: a Chromium screenshot of a known size, not blank", "[cli][report][chromium]")
{
    const auto dir = scratch_dir("cli_report_screenshot");
    const auto out = dir / "uruguay.html";
    REQUIRE(run_cli(report_args("URY", "es", out)).exit_code == 0);
    if (!have_tool("chromium") || !have_tool("timeout"))
        FAIL("chromium (Debian package chromium) is needed for this test: run scripts/install-deps.sh");
    const auto shot = dir / "shot.png";
    const int rc = run_tool({"timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                             "--no-first-run", "--disable-background-networking", "--disable-component-update",
                             "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                             "--user-data-dir=" + (dir / "profile").string(), "--window-size=1280,900",
                             "--screenshot=" + shot.string(), "file://" + fs::absolute(out).string()},
                            dir / "shot.out", dir / "shot.err");
    INFO(read_bytes(dir / "shot.err"));
    REQUIRE(rc == 0);
    const auto png = basural::test::read_png(shot);
    CHECK(cairo_image_surface_get_width(png.get()) == 1280);
    CHECK(cairo_image_surface_get_height(png.get()) == 900);
    // The title is drawn: some pixels near the top-left are dark (text), the page is not blank.
    std::size_t dark = 0;
    for (int y = 20; y < 120; ++y)
        for (int x = 180; x < 700; x += 2) {
            const auto c = basural::test::pixel(png.get(), x, y);
            dark += (c.r < 100 && c.g < 100 && c.b < 100) ? 1 : 0;
        }
    CHECK(dark > 50);
}

TEST_CASE("report: per-state totals equal the country's and the map's counts equal the plan's", "[cli][report]")
{
    const auto dir = scratch_dir("cli_report_totals");
    const auto plan = dir / "plan.gpkg";
    const auto made = run_cli({"regionalize", fixture("report_sites.csv"), "--country", "URY", "--countries",
                               fixture("countries_fixture.geojson"), "--no-country-check", "--no-waste-estimate", "-o",
                               plan.string()});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    const auto out = dir / "uruguay.html";
    const auto r = run_cli(report_args("URY", "en", out, {"--plan", plan.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string html = read_bytes(out);

    // By state: every column of counts adds up to the total row.
    const auto rows = html_table(html, "states");
    REQUIRE(rows.size() == 6);  // URY-02, URY-10, URY-11, URY-18, State unknown, Uruguay total
    CHECK(rows[0][0] == "Canelones");
    CHECK(rows[4][0] == "State unknown");
    CHECK(rows[5][0] == "Uruguay, total");
    for (std::size_t column : {1, 2, 6}) {  // sites, active dumps, landfills in the plan
        long states = 0;
        for (std::size_t i = 0; i + 1 < rows.size(); ++i)
            states += digits_of(rows[i][column]);
        CHECK(states == digits_of(rows.back()[column]));
    }
    CHECK(digits_of(rows.back()[1]) == 6);
    CHECK(digits_of(rows.back()[2]) == 5);

    // The plan's own counts (read by the library) against the map's and the tables'.
    const auto p = basural::read_plan(plan.string());
    std::size_t proposed = 0, reused = 0;
    for (const auto& f : p.facilities)
        (f.existing ? reused : proposed) += 1;
    REQUIRE(proposed > 0);
    std::smatch m;
    REQUIRE(std::regex_search(html, m, std::regex(R"re(id="map-country" data-basural-sites="(\d+)" data-basural-proposed="(\d+)" data-basural-reused="(\d+)")re")));
    CHECK(std::stoul(m[1]) == 6);
    CHECK(std::stoul(m[2]) == proposed);
    CHECK(std::stoul(m[3]) == reused);
    CHECK(digits_of(rows.back()[6]) == static_cast<long>(proposed + reused));
    const auto facilities = html_table(html, "facilities");
    CHECK(facilities.size() == p.facilities.size());
    CHECK_THAT(html, Contains("Regional plan: " + plan.string()));
}

namespace {

/// The rows of a CSV the commands print (no quoted commas in the fixtures' names): header -> value.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text)
{
    std::vector<std::vector<std::string>> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::istringstream l(line);
        for (std::string cell; std::getline(l, cell, ',');)
            cells.push_back(cell);
        if (!line.empty() && line.back() == ',')
            cells.emplace_back();
        lines.push_back(std::move(cells));
    }
    std::vector<std::map<std::string, std::string>> rows;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < lines[0].size() && c < lines[i].size(); ++c)
            row[lines[0][c]] = lines[i][c];
        rows.push_back(std::move(row));
    }
    return rows;
}

/// The words of a command line the report writes (its paths hold no space), without "basural".
std::vector<std::string> command_words(const std::string& line)
{
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string w; in >> w;)
        words.push_back(w);
    REQUIRE(words.size() > 2);
    REQUIRE(words[0] == "basural");
    words.erase(words.begin());
    return words;
}

}  // namespace

TEST_CASE("report: the trace's coverage command prints the figures of the summary and of every state", "[cli][report]")
{
    const auto dir = scratch_dir("cli_report_trace");
    const auto plan = dir / "plan.gpkg";
    REQUIRE(run_cli({"regionalize", fixture("report_sites.csv"), "--country", "URY", "--countries",
                     fixture("countries_fixture.geojson"), "--no-country-check", "-o", plan.string()})
                .exit_code == 0);
    const auto out = dir / "uruguay.html";
    const auto r = run_cli(report_args("URY", "en", out, {"--plan", plan.string()}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string html = read_bytes(out);
    CHECK(html_table(html, "trace").size() == 17);

    // Commands (1) and (3) as the report writes them (the country's sites in the scratch folder), plus the
    // loading option the report was given.
    std::smatch m;
    const auto sites = dir / "URY_sites.csv";
    REQUIRE(std::regex_search(html, m, std::regex(R"(<li>\(1\) ([^<]*)</li>)")));
    CHECK(m[1] == "ogr2ogr -where &quot;country = 'URY'&quot; URY_sites.csv " + fixture("report_sites.csv"));
    REQUIRE(run_tool({"ogr2ogr", "-where", "country = 'URY'", sites.string(), fixture("report_sites.csv")}, dir / "o.out",
                     dir / "o.err") == 0);
    REQUIRE(std::regex_search(html, m, std::regex(R"(<li>\(3\) (basural coverage [^<]*)</li>)")));
    auto words = command_words(m[1]);
    REQUIRE(words[1] == "URY_sites.csv");
    words[1] = sites.string();
    CHECK(std::find(words.begin(), words.end(), plan.string()) != words.end());
    words.push_back("--no-country-check");
    const auto cov = run_cli(words);
    INFO(cov.err);
    REQUIRE(cov.exit_code == 0);
    const auto rows = csv_rows(cov.out);
    const auto row_of = [&](const std::string& admin1, const std::string& name) -> const std::map<std::string, std::string>& {
        for (const auto& row : rows)
            if (row.at("country") == "URY" && (row.at("admin1") == admin1 || (!name.empty() && row.at("admin1_name") == name)))
                return row;
        FAIL("no coverage row URY " << admin1 << " " << name);
        return rows.front();
    };
    // Every state's row of the report against the command's: sites, active dumps, t/day, facilities, CH4.
    const auto states = html_table(html, "states");
    REQUIRE(states.size() == 6);
    for (std::size_t i = 0; i < states.size(); ++i) {
        const auto& cells = states[i];
        INFO(cells[0]);
        const auto& c = i + 1 == states.size() ? row_of("all", "") : cells[0] == "State unknown" ? row_of("unknown", "")
                                                                                                : row_of("", cells[0]);
        CHECK(digits_of(cells[1]) == std::stol(c.at("sites")));
        CHECK(digits_of(cells[2]) == std::stol(c.at("inadequate_active_sites")));
        CHECK(cells[3] == c.at("inadequate_waste_t_per_day"));
        CHECK(digits_of(cells[6]) == std::stol(c.at("plan_facilities_proposed")) + std::stol(c.at("plan_facilities_existing")));
        CHECK(digits_of(cells[8]) == std::lround(std::stod(c.at("ch4_t_per_year"))));
    }
    // The summary's people within 2 km and CO2e against the country's row.
    const auto& country = row_of("all", "");
    REQUIRE(std::regex_search(html, m, std::regex(R"(<div class="value">([0-9,]+)</div><div class="label">People within 2 km)")));
    CHECK(digits_of(m[1]) == std::stol(country.at("population_within_2km")));
    REQUIRE(std::regex_search(html, m, std::regex(R"(([0-9,]+) t CO2e)")));
    CHECK(digits_of(m[1]) == std::lround(std::stod(country.at("co2e_t_per_year"))));
}

TEST_CASE("report --admin1: one state's figures, its map first", "[cli][report]")
{
    const auto dir = scratch_dir("cli_report_state");
    const auto out = dir / "montevideo.html";
    const auto r = run_cli(report_args("URY", "pt", out, {"--admin1", "montevideo"}));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string html = read_bytes(out);
    CHECK_THAT(html, Contains("<title>Montevideo, Uruguai: lixões e aterros sanitários regionais</title>"));
    CHECK_THAT(html, Contains("id=\"map-state\""));
    const auto rows = html_table(html, "states");
    REQUIRE(rows.size() == 2);  // the state, then the country
    CHECK(rows[0][0] == "Montevideo");
    CHECK(digits_of(rows[0][1]) == 2);
    CHECK(digits_of(rows[1][1]) == 6);
}

TEST_CASE("report refuses bad command lines (exit 2) and reports failed work (exit 1)", "[cli][report]")
{
    const auto dir = scratch_dir("cli_report_errors");
    CHECK(run_cli({"report", "-o", (dir / "x.pdf").string()}).exit_code == 2);  // no --country
    const auto unknown = run_cli(report_args("XXX", "en", dir / "x.pdf"));
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Contains("unknown country 'XXX'"));
    const auto docx = run_cli(report_args("URY", "en", dir / "x.docx"));
    CHECK(docx.exit_code == 2);
    CHECK_THAT(docx.err, Contains("must end in .html or .pdf"));
    const auto lang = run_cli(report_args("URY", "fr", dir / "x.pdf"));
    CHECK(lang.exit_code == 2);
    const auto state = run_cli(report_args("URY", "en", dir / "x.pdf", {"--admin1", "Rivera"}));
    CHECK(state.exit_code == 2);
    CHECK_THAT(state.err, Contains("no first-level unit 'Rivera'") && Contains("URY-10 Montevideo"));
    const auto empty = run_cli(report_args("MEX", "en", dir / "mexico.pdf"));
    CHECK(empty.exit_code == 1);
    CHECK_THAT(empty.err, Contains("has no site in MEX"));
    CHECK_FALSE(fs::exists(dir / "mexico.pdf"));
    CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

// Tables for people in a terminal (lib/src/base/terminal_table.cpp): key columns, headings and numbers
// in the reader's language, unknown as "?", never wider than the terminal.
#include "basural/base/error.hpp"
#include "basural/base/locale.hpp"
#include "basural/base/terminal_table.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

using namespace basural;

namespace {

Locale loc(std::string_view tag)
{
    const auto l = parse_locale(tag);
    REQUIRE(l);
    return *l;
}

std::vector<std::string> lines_of(const std::string& s)
{
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

ReportTable coverage_like()
{
    ReportTable t{"countries", "Coverage", {{"country", 0}, {"sites", 0}, {"inadequate_waste_t_per_day", 1},
                                           {"share_waste_near_landfill", 3}, {"reporting_year", 0}, {"LAC_pct", 1}},
                  {}};
    t.rows.push_back({std::string("BRA"), std::int64_t{4415}, 36647.54, 0.5581, std::int64_t{2024}, 17.06});
    t.rows.push_back({std::string("BHS"), std::int64_t{13}, ReportCell{}, ReportCell{}, std::int64_t{2024}, 0.05});
    return t;
}

}  // namespace

TEST_CASE("a terminal table has headings and numbers in the reader's language", "[terminal_table]")
{
    std::ostringstream es;
    write_terminal_table(es, coverage_like(), loc("es"));
    const auto lines = lines_of(es.str());
    REQUIRE(lines.size() >= 6);
    CHECK(lines[0] == "Coverage");  // the title, as the caller wrote it
    CHECK(lines[2].find("país") == 0);
    CHECK(lines[2].find("sitios") != std::string::npos);
    CHECK(lines[2].find("t/día a botaderos") != std::string::npos);
    CHECK(lines[2].find("% cerca de relleno") != std::string::npos);
    CHECK(lines[2].find("% de sitios de ALC") != std::string::npos);
    // 4415 ungrouped in Spanish, 36 647,5 with a narrow no-break space, 55,8 % as a share, 2024 a year.
    CHECK(lines[4].find(" 4415 ") != std::string::npos);
    CHECK(lines[4].find(" 36\u202f647,5 ") != std::string::npos);
    CHECK(lines[4].find(" 55,8\u00a0% ") != std::string::npos);
    CHECK(lines[4].find(" 2024 ") != std::string::npos);
    CHECK(lines[4].find(" 17,1") != std::string::npos);  // _pct is already a percentage: not x100
    // Unknown is "?" (never 0), and the note says so.
    CHECK(lines[5].find(" ? ") != std::string::npos);
    CHECK(es.str().find("? = desconocido (no cero)") != std::string::npos);
    // Columns line up by display width, accents and narrow spaces included.
    for (std::size_t i = 3; i < 6; ++i)
        CHECK(display_width(lines[i]) <= display_width(lines[2]) + 1);

    std::ostringstream pt;
    write_terminal_table(pt, coverage_like(), loc("pt"));
    CHECK(pt.str().find(" 4.415 ") != std::string::npos);
    CHECK(pt.str().find(" 55,8% ") != std::string::npos);
    std::ostringstream en;
    write_terminal_table(en, coverage_like(), loc("en"));
    CHECK(en.str().find(" 4,415 ") != std::string::npos);
    CHECK(en.str().find("t/day to dumps") != std::string::npos);
}

TEST_CASE("key columns are chosen by name; a name the table lacks is an error", "[terminal_table]")
{
    std::ostringstream out;
    TerminalTableOptions o;
    o.columns = {"country", "inadequate_waste_t_per_day", "reporting_year"};
    write_terminal_table(out, coverage_like(), loc("en"), o);
    const auto lines = lines_of(out.str());
    CHECK(lines[2].find("sites") == std::string::npos);
    CHECK(lines[2].find("reporting_year") == std::string::npos);  // the catalogue's heading instead
    CHECK(lines[2].find("year") != std::string::npos);
    CHECK(out.str().find("3 of 6 columns shown; all of them with --format csv, json or md") != std::string::npos);
    // A column the catalogue has no heading for keeps its machine name.
    ReportTable odd{"odd", "", {{"country", 0}, {"frobnication_index", 2}}, {{std::string("ARG"), 1.5}}};
    std::ostringstream odd_out;
    write_terminal_table(odd_out, odd, loc("es"));
    CHECK(odd_out.str().find("frobnication_index") != std::string::npos);
    CHECK(odd_out.str().find("1,50") != std::string::npos);
    o.columns = {"country", "no_such_column"};
    CHECK_THROWS_AS(write_terminal_table(out, coverage_like(), loc("en"), o), error);
}

TEST_CASE("a table wider than the terminal is split into blocks or transposed", "[terminal_table]")
{
    ReportTable wide{"wide", "", {{"country", 0}}, {}};
    for (int c = 0; c < 20; ++c)
        wide.columns.push_back({"column_number_" + std::to_string(c), 0});
    for (const char* iso3 : {"ARG", "BRA", "CHL"}) {
        std::vector<ReportCell> row{std::string(iso3)};
        for (int c = 0; c < 20; ++c)
            row.push_back(std::int64_t{c});
        wide.rows.push_back(row);
    }
    std::ostringstream out;
    write_terminal_table(out, wide, loc("en"));
    std::size_t blocks = 0;
    for (const auto& line : lines_of(out.str())) {
        CHECK(display_width(line) <= TERMINAL_WIDTH);
        blocks += line.rfind("country ", 0) == 0 ? 1 : 0;  // each block repeats the first column
    }
    CHECK(blocks >= 4);  // 20 columns of 16 characters: 5 or so to a block
    for (int c = 0; c < 20; ++c) {
        const std::string name = "column_number_" + std::to_string(c);
        CHECK((out.str().find(name + " ") != std::string::npos || out.str().find(name + "\n") != std::string::npos));
    }

    // One row: one line per column.
    wide.rows.resize(1);
    std::ostringstream one;
    write_terminal_table(one, wide, loc("en"));
    const auto lines = lines_of(one.str());
    REQUIRE(lines.size() == 21);
    CHECK(lines[0].rfind("country", 0) == 0);
    CHECK(lines[20].rfind("column_number_19", 0) == 0);
    CHECK(lines[20].substr(lines[20].size() - 2) == "19");
}

TEST_CASE("a long text wraps inside its column", "[terminal_table]")
{
    ReportTable t{"ranking", "", {{"rank", 0}, {"why", 0}}, {}};
    const std::string why = "waste 187.8 t/day (estimated) (+0.248); 193529 people within 2 km (+0.247); "
                            "methane 3669 t CH4/yr (+0.149)";
    t.rows.push_back({std::int64_t{1}, why});
    t.rows.push_back({std::int64_t{2}, std::string("short")});
    std::ostringstream out;
    TerminalTableOptions o;
    o.width = 60;
    write_terminal_table(out, t, loc("en"), o);
    std::string joined;
    for (const auto& line : lines_of(out.str())) {
        CHECK(display_width(line) <= 60);
        joined += line.substr(std::min<std::size_t>(line.size(), 6)) + " ";
    }
    for (const char* word : {"waste", "193529", "(+0.149)"})
        CHECK(joined.find(word) != std::string::npos);  // nothing cut off
}

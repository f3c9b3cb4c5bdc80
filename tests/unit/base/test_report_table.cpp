// Report rendering: the same table as text, CSV, Markdown and JSON.
#include "basural/base/error.hpp"
#include "basural/base/report_table.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace basural;

namespace {
ReportTable sample()
{
    ReportTable t{"countries", "Sites per country", {{"country", 0}, {"sites", 0}, {"waste_t_per_day", 1}}, {}};
    t.rows.push_back({std::string("BRA"), std::int64_t{4415}, 1234.56});
    t.rows.push_back({std::string("A,\"B\""), std::int64_t{0}, ReportCell{}});
    t.rows.push_back({std::string("CHL"), std::int64_t{1}, -0.01});
    return t;
}
}  // namespace

TEST_CASE("CSV quotes fields with commas and quotes and leaves unknown cells empty", "[report]")
{
    std::ostringstream out;
    write_report(out, {sample()}, ReportFormat::csv);
    CHECK(out.str() == "country,sites,waste_t_per_day\nBRA,4415,1234.6\n\"A,\"\"B\"\"\",0,\nCHL,1,0.0\n");
}

TEST_CASE("JSON has one array of row objects per table with null for unknown", "[report]")
{
    std::ostringstream out;
    write_report(out, {sample()}, ReportFormat::json);
    const std::string s = out.str();
    CHECK(s.find("\"countries\": [") != std::string::npos);
    CHECK(s.find("\"waste_t_per_day\": null") != std::string::npos);
    CHECK(s.find("\"sites\": 4415") != std::string::npos);
}

TEST_CASE("Markdown and text tables align and escape pipes", "[report]")
{
    std::ostringstream md, txt;
    write_report(md, {sample()}, ReportFormat::md);
    CHECK(md.str().find("| country | sites | waste_t_per_day |") != std::string::npos);
    CHECK(md.str().find("### Sites per country") != std::string::npos);
    write_report(txt, {sample()}, ReportFormat::table);
    CHECK(txt.str().find("BRA       4415           1234.6") != std::string::npos);
}

TEST_CASE("report formats parse and unknown ones are usage errors", "[report]")
{
    CHECK(parse_report_format("md") == ReportFormat::md);
    CHECK_THROWS_AS(parse_report_format("xml"), usage_error);
}

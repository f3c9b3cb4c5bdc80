// Numbers as each language writes them; the expected strings are written out by hand.
#include "basural/document/number_format.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace basural;

TEST_CASE("format_number groups digits and places the decimal mark by language", "[document][number_format]")
{
    const auto en = number_style_for("en");
    const auto pt = number_style_for("pt", "BRA");
    const auto es = number_style_for("es", "ARG");
    const auto es_mx = number_style_for("es", "MEX");
    CHECK(format_number(1234567.891, 1, en) == "1,234,567.9");
    CHECK(format_number(1234567.891, 1, pt) == "1.234.567,9");
    CHECK(format_number(1234567.891, 1, es) == "1\u202f234\u202f567,9");
    CHECK(format_number(1234567.891, 1, es_mx) == "1\u202f234\u202f567.9");
    CHECK(format_number(999, 0, en) == "999");
    CHECK(format_number(1000, 0, en) == "1,000");
    CHECK(format_number(0.5, 2, pt) == "0,50");
    CHECK(format_number(-1234.5, 0, en) == "-1,234");  // printf rounds the tie 1234.5 to even
    CHECK(format_number(-1235.5, 0, en) == "-1,236");
    CHECK(format_number(-0.004, 2, en) == "0.00");     // no "-0.00"
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN(), 1, en).empty());
    CHECK(format_number(std::numeric_limits<double>::infinity(), 1, en).empty());
    // another language falls back to English
    CHECK(format_number(1234.5, 1, number_style_for("fr")) == "1,234.5");
}

TEST_CASE("format_percent writes a fraction as a percentage", "[document][number_format]")
{
    CHECK(format_percent(0.4567, 1, number_style_for("en")) == "45.7%");
    CHECK(format_percent(0.4567, 1, number_style_for("pt")) == "45,7\u00a0%");
    CHECK(format_percent(0.4567, 0, number_style_for("es", "CHL")) == "46\u00a0%");
    CHECK(format_percent(1.0, 0, number_style_for("en")) == "100%");
}

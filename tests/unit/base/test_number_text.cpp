// Numbers as text: the values messages quote (written out by hand) and the exact text of data cells
// (read back with std::strtod, an independent parser).
#include "basural/base/number_text.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>

using namespace basural;

TEST_CASE("messages quote up to 15 significant digits, as the value was written", "[number_text]")
{
    CHECK(format_value(123.0) == "123");
    CHECK(format_value(-47.88) == "-47.88");
    CHECK(format_value(0.1 + 0.2) == "0.3");
    CHECK(format_value(-58.3914412345678) == "-58.3914412345678");  // 15 digits, as typed
    CHECK(format_value(1.0 / 3.0) == "0.333333333333333");
    CHECK(format_value(2.5e-7) == "2.5e-07");
    CHECK(format_value(1e21) == "1e+21");
    CHECK(format_value(-0.0) == "-0");
    CHECK(format_value(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(format_value(std::numeric_limits<double>::infinity()) == "inf");
    CHECK(format_value(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("data cells get the shortest text that reads back exactly", "[number_text]")
{
    CHECK(exact_number_text(40.0) == "40");
    CHECK(exact_number_text(12.5) == "12.5");
    CHECK(exact_number_text(0.1) == "0.1");
    CHECK(exact_number_text(0.1 + 0.2) == "0.30000000000000004");
    for (const double v : {1.0 / 3.0, -58.39144123456789, 6.02214076e23, 5e-324, 1.7976931348623157e308}) {
        const auto text = exact_number_text(v);
        CHECK(std::strtod(text.c_str(), nullptr) == v);
    }
}

// Error messages name the file, record, field and value.
#include "basural/base/error.hpp"

#include <catch2/catch.hpp>

TEST_CASE("input_error names file, record, field and value", "[error]")
{
    const basural::input_error e("sites.csv", 812, "latitude", "-123.4", "is outside [-90, 90]");
    CHECK(std::string(e.what()) == "sites.csv record 812: latitude '-123.4' is outside [-90, 90]");
    CHECK(e.record() == 812);
    CHECK(e.field() == "latitude");
    const basural::input_error whole("sites.csv", "file is empty");
    CHECK(std::string(whole.what()) == "sites.csv: file is empty");
    CHECK(whole.record() == -1);
}

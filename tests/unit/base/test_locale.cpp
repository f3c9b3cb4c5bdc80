// Languages and number conventions (lib/src/base/locale.cpp). References: CLDR 42 number symbols and
// plural rules (https://cldr.unicode.org), glibc 2.36 localedata LC_NUMERIC (es_MX, es_PE, pt_BR), the
// RAE/ASALE Ortografía de la lengua española (2010) on grouping digits.
#include "basural/base/error.hpp"
#include "basural/base/locale.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace basural;

namespace {

const std::string NNBSP = "\u202f";  // narrow no-break space
const std::string NBSP = "\u00a0";

Locale loc(std::string_view tag)
{
    const auto l = parse_locale(tag);
    REQUIRE(l);
    return *l;
}

}  // namespace

TEST_CASE("parse_locale reads locale names and language tags", "[locale]")
{
    CHECK(loc("es").language == Language::es);
    CHECK(loc("es").region.empty());
    CHECK(loc("es_MX.UTF-8").region == "MX");
    CHECK(loc("es-mx").region == "MX");
    CHECK(loc("PT_br").language == Language::pt);
    CHECK(loc("pt_BR.utf8@euro").region == "BR");
    CHECK(loc("en_GB").language == Language::en);
    CHECK(loc("es-419").region.empty());  // a UN M49 area, not a country
    for (const char* other : {"", "C", "POSIX", "C.UTF-8", "fr_FR.UTF-8", "de", "esp"})
        CHECK_FALSE(parse_locale(other));
}

TEST_CASE("the environment's locale: LC_ALL, then LC_MESSAGES, then LANG; C and unknown are English",
          "[locale]")
{
    CHECK(locale_from_environment(nullptr, nullptr, "es_MX.UTF-8").language == Language::es);
    CHECK(locale_from_environment(nullptr, nullptr, "es_MX.UTF-8").region == "MX");
    CHECK(locale_from_environment(nullptr, "pt_BR.UTF-8", "es_MX.UTF-8").language == Language::pt);
    CHECK(locale_from_environment("C", "pt_BR.UTF-8", "es_MX.UTF-8").language == Language::en);  // LC_ALL wins
    CHECK(locale_from_environment("", "", "pt_BR").language == Language::pt);  // empty is unset
    CHECK(locale_from_environment(nullptr, nullptr, "fr_FR.UTF-8").language == Language::en);
    CHECK(locale_from_environment(nullptr, nullptr, "POSIX").language == Language::en);
    CHECK(locale_from_environment(nullptr, nullptr, nullptr).language == Language::en);
    CHECK(locale_from_environment(nullptr, nullptr, nullptr).numbers.decimal_mark == ".");
}

TEST_CASE("the --lang option keeps the environment's region for its language and refuses other languages",
          "[locale]")
{
    const Locale mx = loc("es_MX.UTF-8");
    CHECK(locale_for_option("es", mx).region == "MX");
    CHECK(locale_for_option("es", mx).numbers.decimal_mark == ".");
    CHECK(locale_for_option("es-AR", mx).region == "AR");
    CHECK(locale_for_option("pt", mx).region.empty());
    CHECK(locale_for_option("EN", mx).language == Language::en);
    CHECK_THROWS_AS(locale_for_option("fr", mx), usage_error);
    CHECK_THROWS_WITH(locale_for_option("", mx), Catch::Contains("use es, pt or en"));
}

TEST_CASE("numbers are written in each language's style", "[locale]")
{
    const double v = 1234567.891;
    CHECK(format_number(v, 2, loc("en").numbers) == "1,234,567.89");
    CHECK(format_number(v, 2, loc("pt").numbers) == "1.234.567,89");     // CLDR pt, glibc pt_BR
    CHECK(format_number(v, 2, loc("pt_BR").numbers) == "1.234.567,89");
    CHECK(format_number(v, 2, loc("es").numbers) == "1" + NNBSP + "234" + NNBSP + "567,89");
    CHECK(format_number(v, 2, loc("es_PE").numbers) == "1" + NNBSP + "234" + NNBSP + "567,89");  // glibc es_PE: ','
    CHECK(format_number(v, 2, loc("es_MX").numbers) == "1" + NNBSP + "234" + NNBSP + "567.89");  // glibc es_MX: '.'
    CHECK(format_number(v, 2, loc("pt_PT").numbers) == "1" + NBSP + "234" + NBSP + "567,89");   // CLDR pt_PT
    // Spanish and pt-PT do not group four-digit numbers (minimumGroupingDigits 2).
    CHECK(format_number(2240.0, 0, loc("es").numbers) == "2240");
    CHECK(format_number(22400.0, 0, loc("es").numbers) == "22" + NNBSP + "400");
    CHECK(format_number(2240.0, 0, loc("pt_PT").numbers) == "2240");
    CHECK(format_number(2240.0, 0, loc("pt").numbers) == "2.240");
    CHECK(format_number(2240.0, 0, loc("en").numbers) == "2,240");
    // Rounding as printf, no "-0", unknown is not a number.
    CHECK(format_number(0.125, 1, loc("en").numbers) == "0.1");
    CHECK(format_number(-0.004, 2, loc("pt").numbers) == "0,00");
    CHECK(format_number(-1234.5, 1, loc("en").numbers) == "-1,234.5");
    CHECK(format_number(std::numeric_limits<double>::quiet_NaN(), 1, loc("en").numbers).empty());
    CHECK(format_number(std::numeric_limits<double>::infinity(), 1, loc("es").numbers).empty());
}

TEST_CASE("counts and percentages", "[locale]")
{
    CHECK(format_count(4415, loc("en").numbers) == "4,415");
    CHECK(format_count(4415, loc("pt").numbers) == "4.415");
    CHECK(format_count(4415, loc("es").numbers) == "4415");
    CHECK(format_count(25862, loc("es").numbers) == "25" + NNBSP + "862");
    CHECK(format_count(-12, loc("en").numbers) == "-12");
    CHECK(format_count(std::numeric_limits<std::int64_t>::min(), loc("en").numbers) ==
          "-9,223,372,036,854,775,808");
    CHECK(format_percent(0.4567, 1, loc("en").numbers) == "45.7%");
    CHECK(format_percent(0.4567, 1, loc("es").numbers) == "45,7" + NBSP + "%");  // CLDR es: "#,##0 %"
    CHECK(format_percent(0.4567, 1, loc("pt").numbers) == "45,7%");              // CLDR pt: "#,##0%"
}

TEST_CASE("plural forms follow CLDR's rules for whole numbers", "[locale]")
{
    CHECK(plural_form(loc("en"), 1) == PluralForm::one);
    CHECK(plural_form(loc("en"), 0) == PluralForm::other);
    CHECK(plural_form(loc("es"), 1) == PluralForm::one);
    CHECK(plural_form(loc("es"), 0) == PluralForm::other);
    CHECK(plural_form(loc("es"), 21) == PluralForm::other);
    CHECK(plural_form(loc("pt"), 0) == PluralForm::one);   // pt: one = i in 0..1
    CHECK(plural_form(loc("pt"), 1) == PluralForm::one);
    CHECK(plural_form(loc("pt"), 2) == PluralForm::other);
    CHECK(plural_form(loc("pt_PT"), 0) == PluralForm::other);  // pt_PT: one = i = 1 and v = 0
}

TEST_CASE("display width counts code points, not bytes", "[locale]")
{
    CHECK(display_width("Población") == 9);
    CHECK(display_width("t/día") == 5);
    CHECK(display_width("São Cristóvão") == 13);
    CHECK(display_width("e\u0301") == 1);  // e + combining acute
    CHECK(display_width("22" + NNBSP + "400") == 6);
    CHECK(display_width("") == 0);
}

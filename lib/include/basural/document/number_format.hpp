#pragma once
/// \file number_format.hpp
/// Numbers as readers of a report write them: digit grouping and decimal mark by language (and, for
/// Spanish, by country), so that "1,234.5" in English reads "1.234,5" in Portuguese.

#include <string>
#include <string_view>

namespace basural {

/// How a number is written.
struct NumberStyle {
    std::string decimal_mark = ".";
    std::string group_separator = ",";   ///< between groups of three digits; "" = no grouping
    std::string percent_space;           ///< between a number and "%": "" (en) or a no-break space (es, pt)
};

/// The style of a report language ("en", "es", "pt") for a country (ISO3, may be ""):
///  - en: 1,234.5
///  - pt: 1.234,5 (Brazilian usage)
///  - es: groups separated by a narrow no-break space (U+202F), as the RAE and ISO 80000 recommend so
///    that the grouping cannot be mistaken for a decimal mark; the decimal mark is a comma, except in
///    the countries that write a point (MEX, GTM, HND, SLV, NIC, PAN, DOM): 1 234,5 or 1 234.5.
/// Any other language: en.
NumberStyle number_style_for(std::string_view lang, std::string_view country_iso3 = {});

/// `value` with `decimals` digits after the mark (rounded to nearest, as printf does), grouped by
/// three; a value that rounds to zero prints unsigned ("0", not "-0"); not finite: "". Example: format_number(12345.678, 1, {",", "."}) ==
/// "12.345,7".
std::string format_number(double value, int decimals, const NumberStyle& style);

/// A fraction as a percentage: format_percent(0.4567, 1, style) == "45.7%" (en) / "45,7 %" (es, pt,
/// with style.percent_space, a no-break space, before the sign as both languages write it).
std::string format_percent(double fraction, int decimals, const NumberStyle& style);

}  // namespace basural

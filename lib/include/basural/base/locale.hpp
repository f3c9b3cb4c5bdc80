#pragma once
/// \file locale.hpp
/// The language and number conventions of human text: map labels, report text, command summaries,
/// terminal tables. Machine outputs (CSV, JSON, GeoPackage, the HTML map's data) never use them: they
/// stay in the C locale ("1234.5").
///
/// basural does not call setlocale() or use std::locale: the process's locale is global state that a
/// library must not change, and what it can express depends on which locales the machine happens to
/// have generated. The conventions below are tabulated here instead (docs/methods/languages.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace basural {

/// The languages basural writes.
enum class Language { en, es, pt };

/// "en", "es" or "pt".
std::string_view to_string(Language l) noexcept;

/// How a number is written for a reader.
struct NumberStyle {
    std::string decimal_mark = ".";
    std::string group_separator = ",";  ///< between groups of three digits; "" = no grouping
    /// Integer parts with fewer digits are not grouped: 2 writes "2240" but "22 400" (CLDR's
    /// minimumGroupingDigits; Spanish usage per the RAE/ASALE Ortografía 2010).
    int min_grouping_digits = 1;
    std::string percent_space;  ///< between a number and "%": "" (en, pt) or a no-break space (es)
};

/// A language and a region: what human text is written in.
struct Locale {
    Language language = Language::en;
    /// ISO 3166-1 alpha-2 region in capitals ("MX", "BR") or "" when none was given; it chooses the
    /// decimal mark within Spanish and regional words (a "tiradero" in Mexico, a "basural" in Argentina).
    std::string region;
    NumberStyle numbers;
};

/// The number conventions of a language in a region (alpha-2 "MX" or alpha-3 "MEX"; "" for none):
///  - en: 1,234.5
///  - pt: 1.234,5 (Brazil; pt-PT: 1234,5 and 12 345,5)
///  - es: groups of three separated by a narrow no-break space (U+202F) from five digits on (2240,
///    22 400), as the RAE/ASALE and ISO 80000-1 recommend, so a group cannot be read as a decimal;
///    the decimal mark is a comma, or a point in the countries that write one (glibc's locale data:
///    DO, GT, HN, MX, NI, PA, PR, SV); "12,5 %" with a no-break space before the sign.
NumberStyle number_style(Language language, std::string_view region = {});

/// A locale from a tag: "es", "pt", "en", with an optional region and encoding as locale names and
/// BCP 47 tags write them ("es_MX.UTF-8", "es-MX", "pt_BR", "en_GB@euro"); case does not matter.
/// std::nullopt when the language is not one of es, pt, en ("C", "POSIX", "fr_FR", "").
std::optional<Locale> parse_locale(std::string_view tag);

/// The locale of the environment, as gettext finds it: the first of LC_ALL, LC_MESSAGES and LANG that
/// is set and not empty decides; English when that is C, POSIX or a language basural does not write.
/// Pass nullptr for an unset variable.
Locale locale_from_environment(const char* lc_all, const char* lc_messages, const char* lang);
/// The same, reading the process environment.
Locale locale_from_environment();

/// The locale for `--lang VALUE` given the environment's locale: VALUE's language; its region when it
/// names one, else the environment's region when the environment has the same language. Throws
/// basural::usage_error when VALUE is not es, pt or en (with or without a region).
Locale locale_for_option(std::string_view value, const Locale& environment);

/// `value` with `decimals` digits after the mark (rounded half away from zero as printf rounds),
/// grouped as the style says; a value that rounds to zero is written unsigned ("0,0", not "-0,0");
/// "" for a value that is not finite (unknown is never written as a number).
std::string format_number(double value, int decimals, const NumberStyle& style);
/// A whole number, grouped: 4415 -> "4,415" (en), "4415" (es), "4.415" (pt).
std::string format_count(std::int64_t n, const NumberStyle& style);
/// A fraction as a percentage: 0.4567 with 1 decimal -> "45.7%" (en), "45,7 %" (es), "45,7%" (pt).
std::string format_percent(double fraction, int decimals, const NumberStyle& style);

/// The plural category of a count in a language (CLDR plural rules for integers): en and es use
/// "one" for 1; pt (Brazil) for 0 and 1, pt-PT for 1 only; everything else is "other".
enum class PluralForm { one, other };
PluralForm plural_form(const Locale& locale, std::int64_t n) noexcept;

/// Columns a UTF-8 text takes in a terminal: one per code point (combining marks and zero-width
/// characters take none). Enough for Latin text; East Asian wide characters are not expected.
std::size_t display_width(std::string_view utf8) noexcept;

}  // namespace basural

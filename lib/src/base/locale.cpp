// Languages and number conventions of human text (docs/methods/languages.md).
#include "basural/base/locale.hpp"

#include "base/text.hpp"
#include "basural/base/error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace basural {
namespace {

constexpr std::string_view NBSP = "\u00a0";
constexpr std::string_view NARROW_NBSP = "\u202f";

// Spanish-speaking regions that write a decimal point (glibc 2.36 localedata, LC_NUMERIC
// decimal_point of es_DO, es_GT, es_HN, es_MX, es_NI, es_PA, es_PR, es_SV, es_US), by alpha-2 and
// alpha-3; every other Spanish region writes a comma.
constexpr std::array<std::string_view, 18> SPANISH_DECIMAL_POINT{
    "DO", "GT", "HN", "MX", "NI", "PA", "PR", "SV", "US",
    "DOM", "GTM", "HND", "MEX", "NIC", "PAN", "PRI", "SLV", "USA"};

std::string upper(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

bool all_alpha(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

/// "1234567" grouped by three with `sep`, when it has at least 3 + min_grouping digits.
std::string group_digits(const std::string& whole, const NumberStyle& style)
{
    const std::size_t min_digits = 3 + static_cast<std::size_t>(std::max(1, style.min_grouping_digits));
    if (style.group_separator.empty() || whole.size() < min_digits)
        return whole;
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            out += style.group_separator;
        out += whole[i];
    }
    return out;
}

}  // namespace

std::string_view to_string(Language l) noexcept
{
    switch (l) {
    case Language::en: return "en";
    case Language::es: return "es";
    case Language::pt: return "pt";
    }
    return "en";
}

NumberStyle number_style(Language language, std::string_view region)
{
    const std::string r = upper(region);
    switch (language) {
    case Language::en:
        return {".", ",", 1, ""};
    case Language::pt:
        // CLDR pt (Brazil): 1.234,5 and 45%; pt-PT: no-break space groups from five digits.
        if (r == "PT" || r == "PRT")
            return {",", std::string(NBSP), 2, ""};
        return {",", ".", 1, ""};
    case Language::es: {
        const bool point =
            std::find(SPANISH_DECIMAL_POINT.begin(), SPANISH_DECIMAL_POINT.end(), r) != SPANISH_DECIMAL_POINT.end();
        return {point ? "." : ",", std::string(NARROW_NBSP), 2, std::string(NBSP)};
    }
    }
    return {};
}

std::optional<Locale> parse_locale(std::string_view tag)
{
    // Strip the encoding and modifier: "es_MX.UTF-8@euro" -> "es_MX".
    tag = tag.substr(0, std::min(tag.find('.'), tag.find('@')));
    const std::size_t sep = tag.find_first_of("_-");
    const std::string lang = detail::lower(tag.substr(0, sep));
    std::string region;
    if (sep != std::string_view::npos) {
        // An ISO 3166-1 alpha-2 region ("pt-BR", "es_MX"); a UN M49 area ("es-419") is no region.
        const std::string_view rest = tag.substr(sep + 1);
        const std::string_view first = rest.substr(0, rest.find_first_of("_-"));
        if (first.size() == 2 && all_alpha(first))
            region = upper(first);
    }
    Locale l;
    if (lang == "en")
        l.language = Language::en;
    else if (lang == "es")
        l.language = Language::es;
    else if (lang == "pt")
        l.language = Language::pt;
    else
        return std::nullopt;
    l.region = region;
    l.numbers = number_style(l.language, region);
    return l;
}

Locale locale_from_environment(const char* lc_all, const char* lc_messages, const char* lang)
{
    for (const char* v : {lc_all, lc_messages, lang}) {
        if (v == nullptr || *v == '\0')
            continue;
        // The first one set decides, as in POSIX: LANG=es_MX with LC_ALL=C is English.
        if (auto l = parse_locale(v))
            return *l;
        break;
    }
    Locale en;
    en.numbers = number_style(Language::en);
    return en;
}

Locale locale_from_environment()
{
    return locale_from_environment(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

Locale locale_for_option(std::string_view value, const Locale& environment)
{
    auto l = parse_locale(value);
    if (!l)
        throw usage_error("--lang: '" + std::string(value) +
                          "' is not a language basural writes: use es, pt or en (a region may follow: es-MX, pt-BR)");
    if (l->region.empty() && l->language == environment.language && !environment.region.empty()) {
        l->region = environment.region;
        l->numbers = number_style(l->language, l->region);
    }
    return *l;
}

std::string format_number(double value, int decimals, const NumberStyle& style)
{
    if (!std::isfinite(value))
        return "";
    decimals = std::clamp(decimals, 0, 12);
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    const std::string digits = buf;
    const auto point = digits.find('.');
    const bool zero = digits.find_first_not_of("0.") == std::string::npos;
    // Appended, not prepended: GCC 12 warns (-Wrestrict, falsely) on inserting at the front.
    std::string out = value < 0.0 && !zero ? "-" : "";
    out += group_digits(digits.substr(0, point), style);
    if (point != std::string::npos) {
        out += style.decimal_mark;
        out.append(digits, point + 1);
    }
    return out;
}

std::string format_count(std::int64_t n, const NumberStyle& style)
{
    const unsigned long long magnitude =
        n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    const std::string digits = std::to_string(magnitude);
    std::string out = n < 0 ? "-" : "";
    out += group_digits(digits, style);
    return out;
}

std::string format_percent(double fraction, int decimals, const NumberStyle& style)
{
    if (!std::isfinite(fraction))
        return "";
    return format_number(fraction * 100.0, decimals, style) + style.percent_space + "%";
}

PluralForm plural_form(const Locale& locale, std::int64_t n) noexcept
{
    switch (locale.language) {
    case Language::en:
    case Language::es:
        return n == 1 ? PluralForm::one : PluralForm::other;
    case Language::pt:
        // CLDR: pt "one: i = 0..1"; pt_PT "one: i = 1 and v = 0".
        if (locale.region == "PT" || locale.region == "PRT")
            return n == 1 ? PluralForm::one : PluralForm::other;
        return (n == 0 || n == 1) ? PluralForm::one : PluralForm::other;
    }
    return PluralForm::other;
}

std::size_t display_width(std::string_view s) noexcept
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (c >= 0x80 && c < 0xC0)
            len = 1;  // a stray continuation byte: one column, as terminals show U+FFFD
        char32_t cp = 0;
        if (len == 1)
            cp = c;
        else if (i + len <= s.size()) {
            cp = c & (0x7F >> len);
            for (std::size_t k = 1; k < len; ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        const bool zero_width = (cp >= 0x0300 && cp <= 0x036F)     // combining diacritical marks
                                || (cp >= 0x200B && cp <= 0x200F)  // zero-width space, joiners, marks
                                || cp == 0xFEFF;
        width += zero_width ? 0 : 1;
        i += len;
    }
    return width;
}

}  // namespace basural

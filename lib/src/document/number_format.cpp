#include "basural/document/number_format.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace basural {

NumberStyle number_style_for(std::string_view lang, std::string_view country_iso3)
{
    static constexpr std::string_view NARROW_NBSP = "\u202f";
    static constexpr std::string_view NBSP = "\u00a0";
    if (lang == "pt")
        return {",", ".", std::string(NBSP)};
    if (lang == "es") {
        static constexpr std::array<std::string_view, 7> DECIMAL_POINT{"MEX", "GTM", "HND", "SLV", "NIC", "PAN", "DOM"};
        bool point = false;
        for (auto c : DECIMAL_POINT)
            point = point || c == country_iso3;
        return {point ? "." : ",", std::string(NARROW_NBSP), std::string(NBSP)};
    }
    return {".", ",", ""};
}

std::string format_number(double value, int decimals, const NumberStyle& style)
{
    if (!std::isfinite(value))
        return "";
    decimals = decimals < 0 ? 0 : (decimals > 12 ? 12 : decimals);
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    const std::string digits = buf;
    const auto point = digits.find('.');
    const std::string whole = digits.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : digits.substr(point + 1);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            out += style.group_separator;
        out += whole[i];
    }
    if (!fraction.empty())
        out += style.decimal_mark + fraction;
    const bool zero = digits.find_first_not_of("0.") == std::string::npos;
    if (value < 0.0 && !zero)
        out.insert(0, "-");
    return out;
}

std::string format_percent(double fraction, int decimals, const NumberStyle& style)
{
    if (!std::isfinite(fraction))
        return "";
    return format_number(fraction * 100.0, decimals, style) + style.percent_space + "%";
}

}  // namespace basural

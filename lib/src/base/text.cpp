#include "base/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace basural::detail {
namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (Unicode Table 3-7), 0 if ill-formed.
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto c = b(i);
    if (c < 0x80)
        return 1;
    const auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
        return k < s.size() && b(k) >= lo && b(k) <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(i + 1) ? 2 : 0;
    if (c == 0xE0)
        return cont(i + 1, 0xA0, 0xBF) && cont(i + 2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
        return cont(i + 1) && cont(i + 2) ? 3 : 0;
    if (c == 0xED)
        return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
    if (c == 0xF0)
        return cont(i + 1, 0x90, 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3)
        return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (c == 0xF4)
        return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    return 0;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept
{
    for (std::size_t i = 0; i < s.size();) {
        const auto n = sequence_length(s, i);
        if (n == 0)
            return i;
        i += n;
    }
    return std::nullopt;
}

std::string escape_invalid_utf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto n = sequence_length(s, i);
        if (n == 0) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
            out += buf;
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string printable_line(std::string_view s, std::size_t max_bytes)
{
    std::string out;
    out.reserve(std::min(s.size(), max_bytes) + 16);
    std::size_t i = 0;
    while (i < s.size() && out.size() < max_bytes) {
        const auto n = sequence_length(s, i);
        const auto c = static_cast<unsigned char>(s[i]);
        char buf[8];
        if (n == 0 || (n == 1 && (c < 0x20 || c == 0x7F))) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
            out += buf;
            i += 1;
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(s[i + 1])));
            out += buf;
            i += 2;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    if (i < s.size())
        out += "... (" + std::to_string(s.size()) + " bytes)";
    return out;
}

std::string join_capped(const std::vector<std::string>& items, std::size_t max_shown)
{
    std::string out;
    for (std::size_t k = 0; k < items.size() && k < max_shown; ++k)
        out += (k ? ", " : "") + items[k];
    if (items.size() > max_shown)
        out += " and " + std::to_string(items.size() - max_shown) + " more";
    return out;
}

std::string_view trim_blanks(std::string_view s) noexcept
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep)
{
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (k > 0)
            out += sep;
        out += items[k];
    }
    return out;
}

std::string csv_field(std::string_view s)
{
    if (s.find_first_of(",\"\n\r") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::optional<double> parse_number(std::string_view s) noexcept
{
    s = trim_blanks(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty() || s.size() > 64)
        return std::nullopt;
    char buf[65];
    std::size_t n = 0;
    int commas = 0;
    bool dot = false;
    for (char c : s) {
        if (c == ',') {
            ++commas;
            c = '.';
        } else if (c == '.') {
            dot = true;
        } else if (!((c >= '0' && c <= '9') || c == '-' || c == 'e' || c == 'E')) {
            return std::nullopt;  // letters (nan, inf, units), blanks inside, thousands separators...
        }
        buf[n++] = c;
    }
    if (commas > 1 || (commas == 1 && dot))
        return std::nullopt;
    double v = 0.0;
    const auto [end, ec] = std::from_chars(buf, buf + n, v, std::chars_format::general);
    if (ec != std::errc{} || end != buf + n || !std::isfinite(v))
        return std::nullopt;
    return v;
}

}  // namespace basural::detail

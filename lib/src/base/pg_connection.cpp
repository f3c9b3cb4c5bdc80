#include "basural/base/pg_connection.hpp"

#include "base/text.hpp"
#include "basural/base/error.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace basural {
namespace {

bool is_space(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool starts_with_ci(std::string_view s, std::string_view prefix)
{
    return s.size() >= prefix.size() && detail::lower(s.substr(0, prefix.size())) == prefix;
}

bool mentions_password(std::string_view s)
{
    return detail::lower(s).find("password") != std::string::npos;
}

/// One `keyword = value` of a libpq keyword/value string: where it starts and ends in the text.
struct Param {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string keyword;
};

/// Splits a libpq keyword/value string as libpq's conninfo_parse does; std::nullopt when malformed
/// (a keyword without '=', an unterminated quote).
std::optional<std::vector<Param>> parse_keyword_value(std::string_view s)
{
    std::vector<Param> params;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (true) {
        while (i < n && is_space(s[i]))
            ++i;
        if (i == n)
            break;
        Param p;
        p.begin = i;
        while (i < n && s[i] != '=' && !is_space(s[i]))
            ++i;
        p.keyword = std::string(s.substr(p.begin, i - p.begin));
        while (i < n && is_space(s[i]))
            ++i;
        if (i == n || s[i] != '=' || p.keyword.empty())
            return std::nullopt;
        ++i;
        while (i < n && is_space(s[i]))
            ++i;
        if (i < n && s[i] == '\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (s[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (s[i] == '\'') {
                    ++i;
                    closed = true;
                    break;
                }
                ++i;
            }
            if (!closed)
                return std::nullopt;
        } else {
            while (i < n && !is_space(s[i])) {
                if (s[i] == '\\' && i + 1 < n)
                    ++i;
                ++i;
            }
        }
        p.end = std::min(i, n);
        params.push_back(std::move(p));
    }
    return params;
}

std::optional<std::string> redact_keyword_value(std::string_view s)
{
    const auto params = parse_keyword_value(s);
    if (!params)
        return std::nullopt;
    std::string out;
    for (const auto& p : *params) {
        if (mentions_password(p.keyword))
            continue;
        if (!out.empty())
            out += ' ';
        out += s.substr(p.begin, p.end - p.begin);
    }
    return out;
}

std::string redact_uri(std::string_view s)
{
    const auto scheme_end = s.find("://");
    std::string out(s.substr(0, scheme_end + 3));
    std::string_view rest = s.substr(scheme_end + 3);
    const auto query_pos = rest.find('?');
    std::string_view before_query = rest.substr(0, query_pos);
    // User info ends at the last '@' before the query: a raw '@' or '/' in a password stays inside it.
    if (const auto at = before_query.rfind('@'); at != std::string_view::npos)
        before_query.remove_prefix(at + 1);
    out += before_query;
    if (query_pos == std::string_view::npos)
        return out;
    std::string_view query = rest.substr(query_pos + 1);
    std::string kept;
    while (true) {
        const auto amp = query.find('&');
        const std::string_view item = query.substr(0, amp);
        if (!item.empty() && !mentions_password(item.substr(0, item.find('=')))) {
            if (!kept.empty())
                kept += '&';
            kept += item;
        }
        if (amp == std::string_view::npos)
            break;
        query.remove_prefix(amp + 1);
    }
    if (!kept.empty())
        out += "?" + kept;
    return out;
}

bool is_uri(std::string_view s)
{
    return starts_with_ci(s, "postgresql://") || starts_with_ci(s, "postgres://");
}

}  // namespace

std::string redact_connection_string(std::string_view conn)
{
    if (starts_with_ci(conn, "pg:")) {
        const std::string prefix(conn.substr(0, 3));
        const std::string_view body = conn.substr(3);
        if (is_uri(body))
            return prefix + redact_uri(body);
        if (auto r = redact_keyword_value(body))
            return prefix + *r;
        return mentions_password(body) ? "PG:<connection string redacted>" : std::string(conn);
    }
    if (is_uri(conn))
        return redact_uri(conn);
    if (mentions_password(conn) && conn.find('=') != std::string_view::npos) {
        if (auto r = redact_keyword_value(conn))
            return *r;
        return "PG:<connection string redacted>";
    }
    return std::string(conn);
}

std::string quote_identifier(std::string_view name)
{
    if (name.empty())
        throw usage_error("an empty table or column name cannot be used in PostgreSQL");
    if (name.find('\0') != std::string_view::npos)
        throw usage_error("table or column name contains a NUL byte, which PostgreSQL does not allow");
    if (name.size() > PG_MAX_IDENTIFIER_BYTES)
        throw usage_error("table or column name '" + std::string(name) + "' is " + std::to_string(name.size()) +
                          " bytes long; PostgreSQL keeps only " + std::to_string(PG_MAX_IDENTIFIER_BYTES) +
                          " and would silently truncate it: use a shorter name");
    std::string out = "\"";
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace basural

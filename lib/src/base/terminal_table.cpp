// Tables for people in a terminal (basural/base/terminal_table.hpp).
#include "basural/base/terminal_table.hpp"

#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <utility>

namespace basural {
namespace {

constexpr std::string_view UNKNOWN_CELL = "?";
constexpr std::size_t GAP = 2;  // spaces between columns

/// A fraction in [0, 1], shown as a percentage; columns already in percent end in _pct.
bool is_share(const std::string& name)
{
    const bool pct = name.size() >= 4 && name.compare(name.size() - 4, 4, "_pct") == 0;
    return !pct && (name.rfind("share_", 0) == 0 || name.find("_share_") != std::string::npos);
}

/// A calendar year: written without grouping (2024, not 2.024).
bool is_year(const std::string& name)
{
    return name == "year" || (name.size() > 5 && name.compare(name.size() - 5, 5, "_year") == 0);
}

std::string cell_text(const ReportCell& cell, const ReportColumn& column, const Locale& locale)
{
    if (const auto* s = std::get_if<std::string>(&cell))
        return *s;
    if (const auto* i = std::get_if<std::int64_t>(&cell))
        return is_year(column.name) ? std::to_string(*i) : format_count(*i, locale.numbers);
    if (const auto* d = std::get_if<double>(&cell); d != nullptr && std::isfinite(*d))
        return is_share(column.name) ? format_percent(*d, 1, locale.numbers)
                                     : format_number(*d, column.decimals, locale.numbers);
    return std::string(UNKNOWN_CELL);
}

/// The table's cells as text, with headings, restricted to the chosen columns.
struct TextTable {
    std::vector<std::string> headings;
    std::vector<bool> numeric;
    std::vector<std::vector<std::string>> rows;
    bool any_unknown = false;
};

TextTable text_table(const ReportTable& table, const Locale& locale, const std::vector<std::string>& wanted)
{
    std::vector<std::size_t> index;
    if (wanted.empty()) {
        for (std::size_t c = 0; c < table.columns.size(); ++c)
            index.push_back(c);
    } else {
        for (const auto& name : wanted) {
            const auto it = std::find_if(table.columns.begin(), table.columns.end(),
                                         [&](const ReportColumn& c) { return c.name == name; });
            if (it == table.columns.end())
                throw error("terminal table '" + table.name + "' has no column '" + name + "'");
            index.push_back(static_cast<std::size_t>(it - table.columns.begin()));
        }
    }
    TextTable t;
    for (std::size_t c : index) {
        t.headings.push_back(column_heading(locale, table.columns[c].name));
        t.numeric.push_back(std::any_of(table.rows.begin(), table.rows.end(), [c](const auto& row) {
            return c < row.size() && (std::holds_alternative<std::int64_t>(row[c]) || std::holds_alternative<double>(row[c]));
        }));
    }
    for (const auto& row : table.rows) {
        auto& cells = t.rows.emplace_back();
        for (std::size_t c : index) {
            const ReportCell cell = c < row.size() ? row[c] : ReportCell{};
            cells.push_back(cell_text(cell, table.columns[c], locale));
            t.any_unknown = t.any_unknown || cells.back() == UNKNOWN_CELL;
        }
    }
    return t;
}

std::vector<std::size_t> column_widths(const TextTable& t)
{
    std::vector<std::size_t> w;
    for (std::size_t c = 0; c < t.headings.size(); ++c) {
        std::size_t m = display_width(t.headings[c]);
        for (const auto& row : t.rows)
            m = std::max(m, display_width(row[c]));
        w.push_back(m);
    }
    return w;
}

/// The first `n` code points of `s` and the rest.
std::pair<std::string, std::string> split_at(const std::string& s, std::size_t n)
{
    std::size_t i = 0, taken = 0;
    while (i < s.size() && taken < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++taken;
    }
    i = std::min(i, s.size());
    return {s.substr(0, i), s.substr(i)};
}

/// `s` in lines of at most `width` columns, broken at spaces (a word longer than that is cut).
std::vector<std::string> wrapped(const std::string& s, std::size_t width)
{
    std::vector<std::string> lines;
    std::string rest = s;
    while (display_width(rest) > width) {
        auto [head, tail] = split_at(rest, width + 1);
        const auto space = head.rfind(' ');
        if (space != std::string::npos && space > 0) {
            lines.push_back(head.substr(0, space));
            rest = head.substr(space + 1) + tail;
        } else {
            auto [cut, more] = split_at(rest, width);
            lines.push_back(cut);
            rest = more;
        }
    }
    lines.push_back(rest);
    return lines;
}

std::string padded(const std::string& s, std::size_t width, bool right)
{
    const std::string fill(width - std::min(width, display_width(s)), ' ');
    return right ? fill + s : s + fill;
}

void write_block(std::ostream& out, const TextTable& t, const std::vector<std::size_t>& widths,
                 const std::vector<std::size_t>& columns)
{
    const auto line = [&](const auto& cell_of) {
        std::string s;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            const std::size_t c = columns[k];
            if (k)
                s.append(GAP, ' ');
            s += padded(cell_of(c), widths[c], t.numeric[c]);
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        out << s << "\n";
    };
    line([&](std::size_t c) { return t.headings[c]; });
    line([&](std::size_t c) { return std::string(widths[c], '-'); });
    for (const auto& row : t.rows) {
        // A text too wide for its column goes on as many lines as it needs.
        std::vector<std::vector<std::string>> cells(row.size());
        std::size_t height = 1;
        for (std::size_t c : columns) {
            cells[c] = display_width(row[c]) > widths[c] ? wrapped(row[c], widths[c]) : std::vector{row[c]};
            height = std::max(height, cells[c].size());
        }
        for (std::size_t l = 0; l < height; ++l)
            line([&](std::size_t c) { return l < cells[c].size() ? cells[c][l] : std::string(); });
    }
}

/// One row as two columns, heading and value: a country's figures read down the page.
void write_transposed(std::ostream& out, const TextTable& t)
{
    std::size_t w = 0;
    for (const auto& h : t.headings)
        w = std::max(w, display_width(h));
    for (std::size_t c = 0; c < t.headings.size(); ++c)
        out << padded(t.headings[c], w, false) << std::string(GAP, ' ') << t.rows[0][c] << "\n";
}

/// Blocks of columns, each within `width` and each starting with column 0.
std::vector<std::vector<std::size_t>> blocks(const std::vector<std::size_t>& widths, std::size_t width)
{
    std::vector<std::vector<std::size_t>> out{{0}};
    std::size_t used = widths[0];
    for (std::size_t c = 1; c < widths.size(); ++c) {
        if (out.back().size() > 1 && used + GAP + widths[c] > width) {
            out.push_back({0});
            used = widths[0];
        }
        out.back().push_back(c);
        used += GAP + widths[c];
    }
    return out;
}

}  // namespace

std::string column_heading(const Locale& locale, const std::string& column)
{
    const std::string key = "column." + column;
    return has_message(key) ? tr(locale, key) : column;
}

void write_terminal_table(std::ostream& out, const ReportTable& table, const Locale& locale,
                          const TerminalTableOptions& options)
{
    const TextTable t = text_table(table, locale, options.columns);
    if (!table.title.empty())
        out << table.title << "\n\n";
    if (t.headings.empty())
        return;
    auto widths = column_widths(t);
    // A text column wider than what is left beside the first column wraps (the reasons of a ranking).
    const std::size_t room = options.width > widths[0] + GAP + 10 ? options.width - widths[0] - GAP : 10;
    for (std::size_t c = 1; c < widths.size(); ++c)
        if (!t.numeric[c])
            widths[c] = std::min(widths[c], room);
    std::size_t total = 0;
    for (std::size_t w : widths)
        total += w + GAP;
    if (total - GAP <= options.width) {
        write_block(out, t, widths, [&] {
            std::vector<std::size_t> all(widths.size());
            for (std::size_t c = 0; c < all.size(); ++c)
                all[c] = c;
            return all;
        }());
    } else if (t.rows.size() == 1) {
        write_transposed(out, t);
    } else {
        const auto parts = blocks(widths, options.width);
        for (std::size_t b = 0; b < parts.size(); ++b) {
            if (b)
                out << "\n";
            write_block(out, t, widths, parts[b]);
        }
    }
    const auto shown = static_cast<std::int64_t>(t.headings.size());
    const auto all = static_cast<std::int64_t>(table.columns.size());
    if (shown < all || t.any_unknown)
        out << "\n";
    if (shown < all)
        out << tr(locale, "table.compact_note",
                  {{"shown", format_count(shown, locale.numbers)}, {"all", format_count(all, locale.numbers)}})
            << "\n";
    if (t.any_unknown)
        out << tr(locale, "table.unknown_note") << "\n";
}

}  // namespace basural

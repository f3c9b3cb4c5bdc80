#pragma once
/// \file terminal_table.hpp
/// Tables for people reading a terminal (`--format table`, the default): a few key columns with short
/// headings in the reader's language, numbers in the reader's style, aligned by display width, no
/// wider than 100 columns. The machine renderings (`--format csv|json|md`, files written with -o)
/// keep every column and the C locale (report_table.hpp).

#include "basural/base/locale.hpp"
#include "basural/base/report_table.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace basural {

/// The widest a terminal table is written: a table wider than this is transposed (one row) or split
/// into blocks of columns that each repeat the first column.
inline constexpr std::size_t TERMINAL_WIDTH = 100;

struct TerminalTableOptions {
    /// The columns shown, in this order (the table's machine names); empty: all of them. A name the
    /// table does not have is a programming error (basural::error).
    std::vector<std::string> columns;
    std::size_t width = TERMINAL_WIDTH;
};

/// Writes `table` for a terminal:
/// - headings: the catalogue's "column.<name>" in the locale's language ("t/día inadecuadas"), or the
///   machine name when the catalogue has none;
/// - cells: whole numbers grouped (but years: columns named year or *_year), reals with the column's decimals, shares (columns named share_* or
///   *_share_*, but not *_pct, which are percentages already) as percentages with one decimal, in the locale's number style; unknown (empty) cells
///   as "?";
/// - the title (as given: the caller writes it in the reader's language), then the table, then, when
///   columns were left out, a line saying how many and how to see all of them, and, when a cell is
///   unknown, what "?" means.
void write_terminal_table(std::ostream& out, const ReportTable& table, const Locale& locale,
                          const TerminalTableOptions& options = {});

/// The heading of a column for people: the catalogue's "column.<name>", or the name.
std::string column_heading(const Locale& locale, const std::string& column);

}  // namespace basural

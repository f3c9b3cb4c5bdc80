#pragma once
/// \file report.hpp
/// Tabular reports printed by info, coverage, progress...: one model, four renderings
/// (`--format table|csv|json|md`).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace basural {

enum class ReportFormat { table, csv, json, md };

/// Parses "table", "csv", "json" or "md"; throws basural::usage_error otherwise.
ReportFormat parse_report_format(std::string_view s);

/// A cell: empty (unknown / not applicable), text, an integer or a real number.
using ReportCell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct ReportColumn {
    std::string name;      ///< machine name, used as CSV header and JSON key (snake_case, unit in name)
    int decimals = 2;      ///< digits after the point for real numbers in table/csv/md
};

struct ReportTable {
    std::string name;                          ///< machine name ("countries"), JSON key
    std::string title;                         ///< human title for table/md
    std::vector<ReportColumn> columns;
    std::vector<std::vector<ReportCell>> rows; ///< each row has columns.size() cells
};

/// A column of a table whose rows are values of type Row: the column (name, decimals) and how a row's
/// cell is read. A table built from descriptors (make_report_table) adds a column in one place, and
/// every row has exactly one cell per column.
template <class Row>
struct ColumnDescriptor {
    ReportColumn column;
    std::function<ReportCell(const Row&)> value;
};

/// The table of `rows` under `columns`: one row per element, one cell per descriptor, in order.
template <class Row>
ReportTable make_report_table(std::string name, std::string title, const std::vector<ColumnDescriptor<Row>>& columns,
                              const std::vector<Row>& rows)
{
    ReportTable t{std::move(name), std::move(title), {}, {}};
    t.columns.reserve(columns.size());
    for (const auto& c : columns)
        t.columns.push_back(c.column);
    t.rows.reserve(rows.size());
    for (const auto& r : rows) {
        auto& cells = t.rows.emplace_back();
        cells.reserve(columns.size());
        for (const auto& c : columns)
            cells.push_back(c.value(r));
    }
    return t;
}

/// Cells of counts and of values that may be unknown (std::nullopt -> an empty cell).
inline ReportCell count_cell(std::size_t v) { return static_cast<std::int64_t>(v); }
inline ReportCell optional_cell(const std::optional<double>& v) { return v ? ReportCell{*v} : ReportCell{}; }
inline ReportCell optional_cell(const std::optional<std::int64_t>& v) { return v ? ReportCell{*v} : ReportCell{}; }
inline ReportCell optional_cell(const std::optional<std::size_t>& v)
{
    return v ? ReportCell{static_cast<std::int64_t>(*v)} : ReportCell{};
}

/// Writes the tables. table: aligned plain text; csv: one CSV block per table (tables separated by a
/// blank line; a single table is plain CSV); md: GitHub-flavoured Markdown; json: one object
/// {"<name>": [ {column: value, ...}, ... ], ...} with null for empty cells.
void write_report(std::ostream& out, const std::vector<ReportTable>& tables, ReportFormat format);

}  // namespace basural

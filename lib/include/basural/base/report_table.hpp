#pragma once
/// \file report.hpp
/// Tabular reports printed by info, coverage, progress...: one model, four renderings
/// (`--format table|csv|json|md`).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
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

/// Writes the tables. table: aligned plain text; csv: one CSV block per table (tables separated by a
/// blank line; a single table is plain CSV); md: GitHub-flavoured Markdown; json: one object
/// {"<name>": [ {column: value, ...}, ... ], ...} with null for empty cells.
void write_report(std::ostream& out, const std::vector<ReportTable>& tables, ReportFormat format);

}  // namespace basural

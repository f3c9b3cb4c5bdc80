#pragma once
/// \file report_output.hpp
/// Printing a command's tables: for people (`--format table`, the default) a few key columns with
/// short headings and numbers in the reader's language, at most 100 columns wide
/// (basural/base/terminal_table.hpp); for machines (`--format csv|json|md`) every column, C locale.

#include "command.hpp"

#include "basural/base/messages.hpp"
#include "basural/base/report_table.hpp"

#include <string>
#include <vector>

namespace basural::app {

/// How one table reads in a terminal: its title (a message key; "" keeps the table's own title) and
/// the columns shown (empty: all).
struct TableView {
    std::string title_key;
    std::vector<std::string> columns;
    MessageArgs title_args = {};  ///< values of the title's placeholders
};

/// Prints `tables` in `format`: table -> each through its view (views[i] for tables[i]; missing views
/// show every column); csv, json, md -> write_report with every column.
void print_tables(Streams& io, const std::vector<ReportTable>& tables, ReportFormat format,
                  const std::vector<TableView>& views = {});

}  // namespace basural::app

#include "report_output.hpp"

#include "basural/base/messages.hpp"
#include "basural/base/terminal_table.hpp"

#include <ostream>

namespace basural::app {

void print_tables(Streams& io, const std::vector<ReportTable>& tables, ReportFormat format,
                  const std::vector<TableView>& views)
{
    if (format != ReportFormat::table) {
        write_report(io.out, tables, format);
        return;
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i)
            io.out << "\n";
        ReportTable t = tables[i];
        TerminalTableOptions options;
        if (i < views.size()) {
            if (!views[i].title_key.empty())
                t.title = tr(io.locale, views[i].title_key, views[i].title_args);
            options.columns = views[i].columns;
        }
        write_terminal_table(io.out, t, io.locale, options);
    }
}

}  // namespace basural::app

#pragma once
/// \file cost_table.hpp
/// Reading a cost table (origin_id, destination_id, cost: what a routing engine's table service
/// returns) record by record, without keeping its text: a 5,000 x 5,000 matrix is 25 million records,
/// and holding them as strings or GDAL features cost gigabytes.
///
/// Any table GDAL reads goes through GDAL, feature by feature. A plain CSV takes a documented fast path
/// (docs/reliability.md "Large matrices"): GDAL's CSV driver spends about 0.45 microseconds per record
/// (11 s of CPU for 25 million), more than the solve. The fast path reads the same records as GDAL's
/// CSV driver with the options of read_table() (tests/unit/geo/test_cost_table.cpp compares both on
/// every case below) and hands anything else to GDAL:
/// - the header is comma-separated (no ';' or tab in it, which GDAL would take as the separator),
///   holds no '"' and no blank column name (GDAL names those itself); a UTF-8 byte order mark is
///   skipped; column names are matched after trimming blanks (as GDAL's are);
/// - no .csvt file beside it (GDAL would take the column types from it);
/// - a record is a line (ending in LF or CRLF); empty lines (nothing, or a lone CR) are skipped and not
///   counted, as GDAL does; a line of blanks is a record (with empty fields);
/// - fields are split at commas; missing trailing fields are empty, extra ones ignored;
/// - a '"' or a NUL byte anywhere, or a line longer than 1 MiB, sends the whole file to GDAL instead.
/// The fast path reads the file twice: once to know it is plain (before any record is delivered),
/// then for the records, with a second thread reading the next batch of lines (1 MiB) and cutting
/// their fields while the calling thread checks and delivers the previous batch's records, in file
/// order: the records, their numbers and the first error are those a single thread gives, and
/// `on_record` and `progress` are called on the calling thread only.

#include "basural/base/progress.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace basural {

/// One record of a cost table: the ids as written (blanks around them removed, never empty) and the
/// cost (a finite number >= 0). The views are valid during the callback only.
struct CostTableRecord {
    std::int64_t record = 0;  ///< 1-based data row, the header not counted (as in every message)
    std::string_view origin;
    std::string_view destination;
    double cost = 0.0;
};

/// The column names of a cost table, matched case-insensitively.
struct CostTableColumns {
    std::string origin = "origin_id";
    std::string destination = "destination_id";
    std::string cost = "cost";
};

/// Calls `on_record` for every record in file order. Throws basural::input_error naming the file (and
/// the record, field and value) when the file cannot be read, a column is missing, an id is empty, or a
/// cost is empty, not a number or negative; errors thrown by `on_record` pass through. `progress`
/// receives ("read", fraction of the file read).
void read_cost_table(const std::string& path, const std::function<void(const CostTableRecord&)>& on_record,
                     const CostTableColumns& columns = {}, const ProgressFn& progress = {});

/// Which reader read_cost_table() uses for `path`: "csv" (the fast path) or "gdal". For tests and
/// benchmarks; the records are the same either way.
std::string cost_table_reader(const std::string& path);

/// Reads the table through GDAL even when the fast path could (tests compare both).
void read_cost_table_with_gdal(const std::string& path, const std::function<void(const CostTableRecord&)>& on_record,
                               const CostTableColumns& columns = {}, const ProgressFn& progress = {});

}  // namespace basural

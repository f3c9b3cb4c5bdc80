#pragma once
/// \file number_text.hpp
/// Numbers as text, in two jobs only: quoting a value (error messages, rejects files, echoed
/// parameters, change details), and writing a number that must read back exactly (data cells).
/// Every message of the library and the commands quotes numbers through format_value, so a value
/// reads the same whichever file reports it.

#include <string>

namespace basural {

/// A number as messages quote it: at most 15 significant digits without trailing zeros ("123",
/// "-47.88", "0.3" for 0.1 + 0.2), so any decimal text of up to 15 digits is quoted as written and
/// the binary noise of sums does not show; "NaN", "inf" and "-inf" for the non-finite values.
std::string format_value(double v);

/// The shortest text that reads back as exactly the same double ("40", "12.5", "0.1",
/// "0.30000000000000004"): numbers stored as text in data (a table cell read from a real field).
std::string exact_number_text(double v);

}  // namespace basural

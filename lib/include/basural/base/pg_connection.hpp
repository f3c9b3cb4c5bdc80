#pragma once
/// \file pg_connection.hpp
/// Safe handling of PostgreSQL connection strings and SQL identifiers.
///
/// A connection string may carry a password; one that is printed in a log or an error message must
/// go through redact_connection_string() first. A table or column name that comes from the user is
/// never pasted into SQL as is: it goes through quote_identifier().

#include <cstddef>
#include <string>
#include <string_view>

namespace basural {

/// The connection string without its secrets, for logs and error messages.
///
/// Understands GDAL's `PG:` prefix (kept), libpq keyword/value strings (`host=h password=s`, values
/// possibly single-quoted with backslash escapes, spaces around `=` allowed) and URIs
/// (`postgresql://` or `postgres://`, with or without `PG:`). It removes every parameter whose
/// keyword contains "password" (`password`, `sslpassword`) and, in a URI, the whole user-info part
/// (`user:secret@`) and `password` query parameters. Every other parameter is kept as written
/// (keyword/value parameters are rejoined with single spaces).
/// A keyword/value string that cannot be parsed but mentions "password" is replaced whole by
/// "PG:<connection string redacted>", so a malformed string never leaks.
/// Strings that are neither (a file path) come back unchanged.
std::string redact_connection_string(std::string_view conn);

/// `name` as a PostgreSQL quoted identifier: wrapped in double quotes, with each double quote
/// doubled (`my "t"` -> `"my ""t"""`). The result is one identifier, case preserved; `a.b` names a
/// table called "a.b", not table b in schema a. Throws basural::usage_error when `name` is empty,
/// contains a NUL byte, or is longer than 63 bytes (PostgreSQL would silently truncate it, and two
/// long names could then collide).
std::string quote_identifier(std::string_view name);

/// The longest identifier PostgreSQL keeps whole, in bytes (NAMEDATALEN - 1).
inline constexpr std::size_t PG_MAX_IDENTIFIER_BYTES = 63;

}  // namespace basural

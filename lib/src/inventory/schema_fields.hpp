#pragma once
// Private helpers shared by reading.cpp and writing.cpp: the kind of each schema field, where it
// lives in a Site, and how sources are named in messages.

#include "basural/inventory/site.hpp"
#include "base/text.hpp"  // lower, shared with the rest of the library

#include <optional>
#include <string>
#include <string_view>

namespace basural::detail {

/// How a schema field's value is read and written.
enum class FieldKind { text, real, integer, vocabulary, list };

/// The kind of a schema field (site_schema_columns(); lon and lat are read apart). The list fields
/// (derived_fields, reporting_municipalities) are text cells with their own syntax (site.hpp).
FieldKind kind_of(std::string_view field);

/// The Site member of a text, real or integer field, or nullptr for a field of another kind.
std::string Site::*text_member(std::string_view field);
std::optional<double> Site::*real_member(std::string_view field);
std::optional<int> Site::*integer_member(std::string_view field);

/// True for the yes/no fields (open_burning, receives_other_municipalities).
bool is_yes_no_field(std::string_view field) noexcept;

/// True for a "PG:..." connection string (any case).
bool is_pg_source(const std::string& path);

/// The source as messages show it: PG: connection strings lose their password (and any other
/// secret redact_connection_string knows of: quoted values, URI user-info).
std::string display_name(const std::string& path);

}  // namespace basural::detail

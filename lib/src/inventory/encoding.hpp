#pragma once
// Private: the text encodings a CSV or Shapefile source may be read in, and recoding to UTF-8.

#include <string>

namespace basural::detail {

/// The CPLRecode name of an --encoding value (UTF-8, LATIN1, ISO-8859-15, CP1252 and their usual
/// spellings), or "" for UTF-8 (no recoding). Throws usage_error for any other.
std::string canonical_encoding(const std::string& encoding);

/// `text` recoded from `encoding` (a CPLRecode name) to UTF-8.
std::string recode_to_utf8(const std::string& text, const std::string& encoding);

}  // namespace basural::detail

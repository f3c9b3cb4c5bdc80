#pragma once
// Private text helpers of the library, each written once: UTF-8 checks, blanks trimmed, ASCII case,
// lists joined, CSV fields, strict number parsing, and text made safe for one line of a message.
// (Numbers as text: basural/base/number_text.hpp.)

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural::detail {

/// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF count as ill-formed), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;

/// `s` with every byte of an ill-formed sequence written as \xHH, so messages stay valid UTF-8.
std::string escape_invalid_utf8(std::string_view s);

/// `s` made safe for one line of a terminal: bytes of ill-formed UTF-8 sequences and control
/// characters (C0, DEL) as \xHH, C1 controls (U+0080..U+009F, which terminals may obey) as \u0080...;
/// everything else, accents included, as it is. Longer than `max_bytes`, it is cut at a character
/// boundary and ends with "... (N bytes)".
std::string printable_line(std::string_view s, std::size_t max_bytes = std::string::npos);

/// The first `max_shown` items joined with ", ", then "and N more" for the rest: a header of a
/// million columns is named by its first few and a count.
std::string join_capped(const std::vector<std::string>& items, std::size_t max_shown = 10);

/// `s` without leading and trailing blanks (space, tab, CR, LF).
std::string_view trim_blanks(std::string_view s) noexcept;

/// `s` with ASCII letters in lower case (other bytes, UTF-8 included, unchanged).
std::string lower(std::string_view s);

/// The items separated by `sep` ("a,b,c"); "" for none.
std::string join(const std::vector<std::string>& items, std::string_view sep = ",");

/// One CSV field (RFC 4180): as it is, or in double quotes with inner quotes doubled when it holds a
/// comma, a quote or a line break. Every CSV the library writes quotes its fields through this.
std::string csv_field(std::string_view s);

/// A plain decimal number ("12", "-3.5", "1e3", "+7"; a single ',' as decimal separator when
/// there is no '.', as in "12,5"). Thousands separators, units, "NaN" and infinities are refused.
std::optional<double> parse_number(std::string_view s) noexcept;

}  // namespace basural::detail

#pragma once
// Private text helpers for reading sources: UTF-8 checks and strict number parsing.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace basural::detail {

/// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF count as ill-formed), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;

/// `s` with every byte of an ill-formed sequence written as \xHH, so messages stay valid UTF-8.
std::string escape_invalid_utf8(std::string_view s);

/// `s` without leading and trailing blanks (space, tab, CR, LF).
std::string_view trim_blanks(std::string_view s) noexcept;

/// A plain decimal number ("12", "-3.5", "1e3", "+7"; a single ',' as decimal separator when
/// there is no '.', as in "12,5"). Thousands separators, units, "NaN" and infinities are refused.
std::optional<double> parse_number(std::string_view s) noexcept;

}  // namespace basural::detail

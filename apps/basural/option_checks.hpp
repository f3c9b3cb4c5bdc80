#pragma once
/// \file option_checks.hpp
/// CLI11 checks shared by the commands' options.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

namespace basural::app {

/// A count given on the command line: digits only (no sign, no fraction), between `min` and `max`.
/// A count read into an unsigned type would otherwise turn "-1" into 18446744073709551615.
/// The message names the value as typed: "--p: '-1' is not a whole number >= 1".
inline CLI::Validator whole_number(std::uint64_t min, std::uint64_t max = std::numeric_limits<std::uint32_t>::max())
{
    const std::string description = "INT in [" + std::to_string(min) + ", " + std::to_string(max) + "]";
    return CLI::Validator(
        [min, max](std::string& value) -> std::string {
            const auto bad = [&] {
                return "'" + value + "' is not a whole number" +
                       (min > 0 ? " >= " + std::to_string(min) : std::string(" >= 0")) +
                       (max < std::numeric_limits<std::uint32_t>::max() ? " and <= " + std::to_string(max) : "");
            };
            if (value.empty() || value.size() > 12 || value.find_first_not_of("0123456789") != std::string::npos)
                return bad();
            const auto v = std::stoull(value);
            return v < min || v > max ? bad() : std::string();
        },
        description);
}

}  // namespace basural::app

#pragma once
/// \file progress.hpp
/// Progress reporting from long library work without printing: the caller passes a callback
/// (the CLI draws a bar on a terminal; tests and libraries pass nothing).

#include <functional>
#include <string_view>

namespace basural {

/// Called with a short stage name and the fraction done in [0, 1]. May be empty.
using ProgressFn = std::function<void(std::string_view stage, double fraction)>;

}  // namespace basural

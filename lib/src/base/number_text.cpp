#include "basural/base/number_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace basural {

std::string format_value(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.15g", v);
    return buf.data();
}

std::string exact_number_text(double v)
{
    std::array<char, 64> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), r.ptr);
}

}  // namespace basural

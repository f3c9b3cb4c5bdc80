#include "detail/base64.hpp"

#include "basural/base/error.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <limits>
#include <memory>

namespace basural::detail {

std::string base64_encode(std::string_view bytes)
{
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max() / 2))
        throw error("base64: " + std::to_string(bytes.size()) + " bytes is more than can be encoded at once");
    std::unique_ptr<char, decltype(&VSIFree)> encoded(
        CPLBase64Encode(static_cast<int>(bytes.size()), reinterpret_cast<const GByte*>(bytes.data())), &VSIFree);
    if (!encoded)
        throw backend_error("base64: GDAL could not encode " + std::to_string(bytes.size()) + " bytes");
    return std::string(encoded.get());
}

}  // namespace basural::detail

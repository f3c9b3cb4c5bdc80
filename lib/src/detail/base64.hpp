#pragma once
// Base64 (RFC 4648) through GDAL's CPLBase64Encode: binary data (PNG images) inlined in HTML as data: URIs.

#include <string>
#include <string_view>

namespace basural::detail {

/// `bytes` in base64 with padding, no line breaks.
std::string base64_encode(std::string_view bytes);

}  // namespace basural::detail

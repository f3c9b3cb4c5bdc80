#include "inventory/encoding.hpp"

#include "basural/base/error.hpp"
#include "inventory/schema_fields.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>

namespace basural::detail {

std::string canonical_encoding(const std::string& enc)
{
    auto e = lower(enc);
    e.erase(std::remove(e.begin(), e.end(), '_'), e.end());
    if (e.empty() || e == "utf-8" || e == "utf8")
        return {};
    if (e == "latin1" || e == "latin-1" || e == "iso-8859-1" || e == "iso8859-1" || e == "l1")
        return CPL_ENC_ISO8859_1;
    if (e == "latin9" || e == "latin-9" || e == "iso-8859-15" || e == "iso8859-15")
        return "ISO-8859-15";
    if (e == "cp1252" || e == "windows-1252" || e == "win1252")
        return "CP1252";
    throw usage_error("unsupported --encoding '" + enc + "' (use UTF-8, LATIN1, ISO-8859-15 or CP1252)");
}

std::string recode_to_utf8(const std::string& text, const std::string& encoding)
{
    char* out = CPLRecode(text.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    std::string s = out != nullptr ? out : text;
    CPLFree(out);
    return s;
}

}  // namespace basural::detail

#include "basural/base/error.hpp"

#include "base/text.hpp"

#include <utility>

namespace basural {
namespace {

std::string format_input_error(const std::string& file, std::int64_t record, const std::string& field,
                               const std::string& value, const std::string& reason)
{
    // "sites.csv record 812: latitude '-123.4' is outside [-90, 90]"
    std::string msg = file;
    if (record >= 0)
        msg += " record " + std::to_string(record);
    msg += ": ";
    if (!field.empty())
        msg += field + " '" + detail::printable_line(value, input_error::MAX_QUOTED_VALUE_BYTES) + "' ";
    msg += reason;
    return msg;
}

}  // namespace

error::error(const std::string& what) : std::runtime_error(detail::printable_line(what, MAX_MESSAGE_BYTES)) {}

error::error(const char* what) : error(std::string(what)) {}

input_error::input_error(std::string file, std::int64_t record, std::string field, std::string value,
                         std::string reason)
    : error(format_input_error(file, record, field, value, reason)),
      m_file(std::move(file)), m_record(record), m_field(std::move(field)), m_value(std::move(value)),
      m_reason(std::move(reason))
{
}

input_error::input_error(std::string file, std::string reason)
    : error(file + ": " + reason), m_file(std::move(file)), m_reason(std::move(reason))
{
}

}  // namespace basural

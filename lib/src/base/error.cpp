#include "basural/base/error.hpp"

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
        msg += field + " '" + value + "' ";
    msg += reason;
    return msg;
}

}  // namespace

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

#pragma once
/// \file error.hpp
/// The exceptions basural's library throws. The library never prints or exits:
/// apps/basural/main.cpp is the one place that catches, prints and picks the exit code.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace basural {

/// Root of every exception the library throws. Its message is one printable line whatever the
/// input held: control characters and bytes that are not UTF-8 are written as \xHH, and a message
/// longer than MAX_MESSAGE_BYTES is cut (it ends with "... (N bytes)").
class error : public std::runtime_error {
public:
    static constexpr std::size_t MAX_MESSAGE_BYTES = 4096;
    explicit error(const std::string& what);
    explicit error(const char* what);
};

/// The caller asked for something that cannot be done as asked (bad option, bad combination).
/// The CLI maps it to exit code 2.
class usage_error : public error {
public:
    using error::error;
};

/// Bad input data: names the file, the record (1-based, or -1 when not about one record),
/// the field and the offending value, with a reason and, where possible, how to mend it.
/// The message quotes at most MAX_QUOTED_VALUE_BYTES of the value; value() keeps all of it.
class input_error : public error {
public:
    static constexpr std::size_t MAX_QUOTED_VALUE_BYTES = 200;
    input_error(std::string file, std::int64_t record, std::string field, std::string value,
                std::string reason);
    /// Whole-file problems (cannot open, empty, no layer): no record or field.
    input_error(std::string file, std::string reason);

    const std::string& file() const noexcept { return m_file; }
    std::int64_t record() const noexcept { return m_record; }
    const std::string& field() const noexcept { return m_field; }
    const std::string& value() const noexcept { return m_value; }
    const std::string& reason() const noexcept { return m_reason; }

private:
    std::string m_file;
    std::int64_t m_record = -1;
    std::string m_field;
    std::string m_value;
    std::string m_reason;
};

/// A GDAL, GEOS or PROJ call failed; the message carries the library's own message.
class backend_error : public error {
public:
    using error::error;
};

}  // namespace basural

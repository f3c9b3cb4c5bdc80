#include "detail/attribute_table.hpp"

#include "base/text.hpp"
#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"

#include <charconv>
#include <cmath>

namespace basural::detail {

AttributeTable::AttributeTable(std::string path, const TableColumns& columns)
    : m_path(std::move(path)), m_dataset(open_vector(m_path))
{
    if (m_dataset->GetLayerCount() < 1)
        throw input_error(m_path, columns.no_layer);
    m_layer = m_dataset->GetLayer(0);
    OGRFeatureDefn* defn = m_layer->GetLayerDefn();
    std::vector<std::string> missing;
    for (const auto& column : columns.required) {
        const int idx = defn->GetFieldIndex(column.c_str());
        if (idx < 0)
            missing.push_back(column);
        else
            m_index.emplace(column, idx);
    }
    if (!missing.empty() && !columns.needed_because.empty())
        throw input_error(m_path, "has no '" + missing.front() + "' property; " + columns.needed_because);
    if (!missing.empty())
        throw input_error(m_path, "missing column(s) " + join(missing, ", ") + "; expected the columns " +
                                      join(columns.required, ","));
    for (const auto& column : columns.optional)
        m_index.emplace(column, defn->GetFieldIndex(column.c_str()));
    m_layer->ResetReading();
}

bool AttributeTable::next()
{
    m_feature.reset(m_layer->GetNextFeature());
    if (!m_feature)
        return false;
    ++m_record;
    return true;
}

std::string AttributeTable::text(const std::string& column) const
{
    const int idx = m_index.at(column);
    if (idx < 0 || !m_feature->IsFieldSetAndNotNull(idx))
        return {};
    return std::string(trim_blanks(m_feature->GetFieldAsString(idx)));
}

std::optional<double> AttributeTable::number(const std::string& column) const
{
    const std::string s = text(column);
    if (s.empty())
        return std::nullopt;
    double v = 0.0;
    const char* begin = s.data();
    const char* end = s.data() + s.size();
    if (*begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc{} || ptr != end || !std::isfinite(v))
        fail(column, s, "is not a number");
    return v;
}

std::optional<double> AttributeTable::number_in(const std::string& column, double lo, double hi) const
{
    const auto v = number(column);
    if (v && (*v < lo || *v > hi))
        fail(column, text(column), "is outside [" + format_value(lo) + ", " + format_value(hi) + "]");
    return v;
}

std::optional<std::int64_t> AttributeTable::count(const std::string& column) const
{
    const auto v = number(column);
    if (!v)
        return std::nullopt;
    if (*v < 0.0 || *v != std::floor(*v) || *v > 9.0e15)
        fail(column, text(column), "is not a whole number of zero or more");
    return static_cast<std::int64_t>(*v);
}

std::string AttributeTable::iso3(const std::string& column) const
{
    std::string s = text(column);
    bool ok = s.size() == 3;
    for (char ch : s)
        ok = ok && ch >= 'A' && ch <= 'Z';
    if (!ok)
        fail(column, s, "is not an ISO 3166-1 alpha-3 code (three capital letters)");
    return s;
}

void AttributeTable::fail(const std::string& column, const std::string& value, const std::string& reason) const
{
    throw input_error(m_path, m_record, column, value, reason);
}

}  // namespace basural::detail

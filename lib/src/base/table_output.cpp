#include "basural/base/table_output.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "detail/vector_output.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace basural {
namespace {

bool ends_with_csv(const std::string& s)
{
    if (s.size() < 4)
        return false;
    std::string ext = s.substr(s.size() - 4);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".csv";
}

OGRFieldType field_type(const ReportTable& t, std::size_t col)
{
    for (const auto& row : t.rows) {
        const auto& c = row[col];
        if (std::holds_alternative<std::int64_t>(c))
            return OFTInteger64;
        if (std::holds_alternative<double>(c))
            return OFTReal;
        if (std::holds_alternative<std::string>(c))
            return OFTString;
    }
    return OFTString;
}

std::size_t column_index(const ReportTable& t, const std::string& name)
{
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].name == name)
            return i;
    throw usage_error("table '" + t.name + "' has no column '" + name + "' to place its rows");
}

double number_of(const ReportCell& c)
{
    if (const auto* d = std::get_if<double>(&c))
        return *d;
    if (const auto* i = std::get_if<std::int64_t>(&c))
        return static_cast<double>(*i);
    return 0.0;
}

}  // namespace

void write_table_output(const ReportTable& table, const std::string& destination)
{
    if (ends_with_csv(destination)) {
        std::ostringstream text;
        write_report(text, {table}, ReportFormat::csv);
        write_file_atomically(destination, text.str());
        return;
    }
    const std::size_t lon = column_index(table, "lon");
    const std::size_t lat = column_index(table, "lat");
    detail::VectorOutput out(destination);
    std::vector<detail::OutputField> fields;
    for (std::size_t i = 0; i < table.columns.size(); ++i)
        fields.push_back({table.columns[i].name, field_type(table, i)});
    auto& layer = out.create_layer(table.name, wkbPoint, fields);
    for (const auto& row : table.rows) {
        OGRFeature f(layer.GetLayerDefn());
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const auto& c = row[i];
            const int idx = static_cast<int>(i);
            if (const auto* s = std::get_if<std::string>(&c))
                f.SetField(idx, s->c_str());
            else if (const auto* n = std::get_if<std::int64_t>(&c))
                f.SetField(idx, static_cast<GIntBig>(*n));
            else if (const auto* d = std::get_if<double>(&c))
                f.SetField(idx, *d);
            else
                f.SetFieldNull(idx);
        }
        OGRPoint pt(number_of(row[lon]), number_of(row[lat]));
        f.SetGeometry(&pt);
        out.write(layer, f);
    }
    out.commit();
}

}  // namespace basural

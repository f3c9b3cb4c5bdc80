#include "basural/base/report_table.hpp"

#include "basural/base/error.hpp"
#include "base/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace basural {
namespace {

std::string format_cell(const ReportCell& cell, int decimals)
{
    struct Visitor {
        int decimals;
        std::string operator()(std::monostate) const { return ""; }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(std::int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const
        {
            if (!std::isfinite(v))
                return "";
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
            std::string s = buf;
            // "-0.00" reads as a sign error in a report: print zero unsigned.
            if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos)
                s.erase(0, 1);
            return s;
        }
    };
    return std::visit(Visitor{decimals}, cell);
}

bool is_numeric(const ReportCell& c)
{
    return std::holds_alternative<std::int64_t>(c) || std::holds_alternative<double>(c);
}

std::string md_escape(const std::string& s)
{
    std::string out;
    for (char ch : s) {
        if (ch == '|')
            out += '\\';
        out += ch;
    }
    return out;
}

void write_text_table(std::ostream& out, const ReportTable& t, bool markdown)
{
    const std::size_t ncols = t.columns.size();
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(ncols, 0);
    for (std::size_t c = 0; c < ncols; ++c)
        width[c] = t.columns[c].name.size();
    for (const auto& row : t.rows) {
        std::vector<std::string> r;
        for (std::size_t c = 0; c < ncols; ++c) {
            auto s = c < row.size() ? format_cell(row[c], t.columns[c].decimals) : std::string{};
            if (markdown)
                s = md_escape(s);
            width[c] = std::max(width[c], s.size());
            r.push_back(std::move(s));
        }
        cells.push_back(std::move(r));
    }
    auto numeric_col = [&](std::size_t c) {
        return std::any_of(t.rows.begin(), t.rows.end(),
                           [&](const auto& row) { return c < row.size() && is_numeric(row[c]); });
    };
    auto pad = [&](const std::string& s, std::size_t c) {
        const std::string fill(width[c] - std::min(width[c], s.size()), ' ');
        return numeric_col(c) ? fill + s : s + fill;
    };
    if (!t.title.empty())
        out << (markdown ? "### " : "") << t.title << "\n\n";
    const std::string sep = markdown ? " | " : "  ";
    const std::string lead = markdown ? "| " : "";
    const std::string tail = markdown ? " |" : "";
    out << lead;
    for (std::size_t c = 0; c < ncols; ++c)
        out << (c ? sep : "") << pad(t.columns[c].name, c);
    out << tail << "\n" << lead;
    for (std::size_t c = 0; c < ncols; ++c) {
        std::string rule(width[c], '-');
        if (markdown && numeric_col(c))
            rule.back() = ':';
        out << (c ? sep : "") << rule;
    }
    out << tail << "\n";
    for (const auto& r : cells) {
        out << lead;
        for (std::size_t c = 0; c < ncols; ++c)
            out << (c ? sep : "") << pad(r[c], c);
        out << tail << "\n";
    }
}

void write_csv(std::ostream& out, const ReportTable& t)
{
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        out << (c ? "," : "") << detail::csv_field(t.columns[c].name);
    out << "\n";
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            out << (c ? "," : "") << detail::csv_field(c < row.size() ? format_cell(row[c], t.columns[c].decimals) : "");
        out << "\n";
    }
}

nlohmann::ordered_json to_json(const ReportTable& t)
{
    auto rows = nlohmann::ordered_json::array();
    for (const auto& row : t.rows) {
        nlohmann::ordered_json obj = nlohmann::ordered_json::object();
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const ReportCell cell = c < row.size() ? row[c] : ReportCell{};
            if (const auto* s = std::get_if<std::string>(&cell))
                obj[t.columns[c].name] = *s;
            else if (const auto* i = std::get_if<std::int64_t>(&cell))
                obj[t.columns[c].name] = *i;
            else if (const auto* d = std::get_if<double>(&cell); d != nullptr && std::isfinite(*d))
                obj[t.columns[c].name] = *d;
            else
                obj[t.columns[c].name] = nullptr;
        }
        rows.push_back(std::move(obj));
    }
    return rows;
}

}  // namespace

ReportFormat parse_report_format(std::string_view s)
{
    if (s == "table") return ReportFormat::table;
    if (s == "csv") return ReportFormat::csv;
    if (s == "json") return ReportFormat::json;
    if (s == "md") return ReportFormat::md;
    throw usage_error("unknown format '" + std::string(s) + "' (use table, csv, json or md)");
}

void write_report(std::ostream& out, const std::vector<ReportTable>& tables, ReportFormat format)
{
    if (format == ReportFormat::json) {
        nlohmann::ordered_json doc = nlohmann::ordered_json::object();
        for (const auto& t : tables)
            doc[t.name] = to_json(t);
        out << doc.dump(2) << "\n";
        return;
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
        if (i)
            out << "\n";
        switch (format) {
        case ReportFormat::csv: write_csv(out, tables[i]); break;
        case ReportFormat::md: write_text_table(out, tables[i], true); break;
        default: write_text_table(out, tables[i], false); break;
        }
    }
}

}  // namespace basural

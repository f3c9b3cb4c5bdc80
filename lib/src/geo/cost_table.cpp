// Reading a cost table record by record: GDAL for any format, a fast path for plain CSV (see
// cost_table.hpp for what the fast path accepts and why).
#include "basural/geo/cost_table.hpp"

#include "basural/base/error.hpp"
#include "basural/base/input_file.hpp"
#include "basural/base/limits.hpp"
#include "basural/geo/table.hpp"
#include "base/text.hpp"
#include "detail/gdal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <optional>
#include <vector>

namespace basural {
namespace {

constexpr std::size_t MAX_FAST_LINE_BYTES = std::size_t{1} << 20;
constexpr std::size_t CHUNK_BYTES = std::size_t{4} << 20;

bool is_blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view s)
{
    while (!s.empty() && is_blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank(s.back()))
        s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool is_csv(const std::string& path)
{
    auto ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".csv";
}

/// Shortest text that reads back as the same double (as read_table() shows a real field).
std::string shortest(double v)
{
    std::array<char, 64> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    return std::string(buf.data(), r.ptr);
}

/// The positions of the three columns among `names`; throws like Table::require_column.
struct ColumnIndex {
    std::size_t origin = 0, destination = 0, cost = 0;
    std::string origin_name, destination_name, cost_name;
};

ColumnIndex find_columns(const std::string& path, const std::vector<std::string>& names, const CostTableColumns& c)
{
    auto find = [&](const std::string& wanted, std::string& found_name) {
        for (std::size_t k = 0; k < names.size(); ++k)
            if (iequals(names[k], wanted)) {
                found_name = names[k];
                return k;
            }
        throw input_error(path, "no column '" + wanted + "' (columns: " +
                                    (names.empty() ? std::string("none") : detail::join_capped(names)) + ")");
    };
    ColumnIndex ix;
    ix.origin = find(c.origin, ix.origin_name);
    ix.destination = find(c.destination, ix.destination_name);
    ix.cost = find(c.cost, ix.cost_name);
    return ix;
}

/// Checks one record's texts (already trimmed) and hands it on.
void deliver(const std::string& path, std::int64_t record, std::string_view origin, std::string_view destination,
             std::string_view cost_text, const ColumnIndex& ix,
             const std::function<void(const CostTableRecord&)>& on_record)
{
    if (origin.empty())
        throw input_error(path, record, ix.origin_name, "", "is empty");
    if (destination.empty())
        throw input_error(path, record, ix.destination_name, "", "is empty");
    if (cost_text.empty())
        throw input_error(path, record, ix.cost_name, "", "is empty; a number is needed");
    const auto cost = parse_number(cost_text);
    if (!cost)
        throw input_error(path, record, ix.cost_name, std::string(cost_text),
                          "is not a number (write it like 1234.5, with a point and no units)");
    if (*cost < 0.0)
        throw input_error(path, record, ix.cost_name, std::string(cost_text), "must be >= 0");
    if (*cost > MAX_PAIR_COST)
        throw input_error(path, record, ix.cost_name, std::string(cost_text),
                          "is beyond 1e12, the largest cost basural takes (check the unit)");
    on_record(CostTableRecord{record, origin, destination, *cost});
}

/// The fast path: std::nullopt when the file is not plain enough (then GDAL reads it all).
class PlainCsv {
public:
    PlainCsv(const std::string& path, const CostTableColumns& columns) : m_path(path), m_columns(columns) {}

    /// Reads the whole file; false (and nothing delivered) if it must go to GDAL. Records are checked
    /// only once the whole file is known to be plain, so a fallback never delivers a record twice.
    bool read(const std::function<void(const CostTableRecord&)>& on_record, const ProgressFn& progress)
    {
        if (!scan())
            return false;
        deliver_all(on_record, progress);
        return true;
    }

    /// Whether the file is plain CSV (a scan of its bytes: quotes, NULs, lone CRs, long lines).
    bool scan()
    {
        bool header_seen = false, plain = true;
        for_each_line([&](std::string_view line) {
            if (!plain_line(line))
                return plain = false;
            if (!header_seen) {
                header_seen = true;
                if (line.find_first_of(";\t") != std::string_view::npos)
                    return plain = false;  // GDAL would take ';' or a tab as the separator
                if (has_blank_name(line))
                    return plain = false;  // GDAL names it field_<n>: its messages list that name
            }
            return true;
        });
        return plain && header_seen;
    }

private:
    /// Whether a header field is empty or blank.
    static bool has_blank_name(std::string_view header)
    {
        if (!header.empty() && header.back() == '\r')
            header.remove_suffix(1);
        for (std::size_t from = 0;;) {
            const auto comma = header.find(',', from);
            if (trim(header.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from)).empty())
                return true;
            if (comma == std::string_view::npos)
                return false;
            from = comma + 1;
        }
    }

    static bool plain_line(std::string_view line)
    {
        if (line.size() > MAX_FAST_LINE_BYTES)
            return false;
        for (std::size_t k = 0; k < line.size(); ++k) {
            const char c = line[k];
            if (c == '"' || c == '\0' || (c == '\r' && k + 1 != line.size()))
                return false;
        }
        return true;
    }

    /// Calls f(line) for each line (without its LF; a CRLF's CR kept), in order, until f returns false.
    template <class F>
    void for_each_line(F&& f, const ProgressFn& progress = {})
    {
        const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            throw input_error(m_path, "cannot be opened for reading");
        struct stat st {};
        const double size = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<double>(st.st_size) : 1.0;
        std::string buf;
        std::size_t start = 0, done = 0;
        bool go = true, first = true;
        std::vector<char> chunk(CHUNK_BYTES);
        for (;;) {
            const ssize_t got = ::read(fd, chunk.data(), chunk.size());
            if (got < 0) {
                ::close(fd);
                throw input_error(m_path, "could not be read to the end");
            }
            buf.erase(0, start);
            start = 0;
            buf.append(chunk.data(), static_cast<std::size_t>(got));
            if (first && buf.size() >= 3) {
                if (buf.compare(0, 3, "\xEF\xBB\xBF") == 0)
                    buf.erase(0, 3);
                first = false;
            }
            for (std::size_t nl; go && (nl = buf.find('\n', start)) != std::string::npos; start = nl + 1)
                go = f(std::string_view(buf).substr(start, nl - start));
            done += static_cast<std::size_t>(got);
            if (progress)
                progress("read", std::min(1.0, static_cast<double>(done) / size));
            if (!go || got == 0)
                break;
            if (buf.size() - start > MAX_FAST_LINE_BYTES) {  // a line too long for the fast path
                go = f(std::string_view(buf).substr(start));
                break;
            }
        }
        ::close(fd);
        if (go && start < buf.size())
            f(std::string_view(buf).substr(start));  // the last line, without a final LF
    }

    void deliver_all(const std::function<void(const CostTableRecord&)>& on_record, const ProgressFn& progress)
    {
        std::optional<ColumnIndex> ix;
        std::int64_t record = 0;
        std::vector<std::string_view> fields;
        for_each_line(
            [&](std::string_view line) {
                if (!line.empty() && line.back() == '\r')
                    line.remove_suffix(1);
                if (!ix) {
                    std::vector<std::string> names;
                    split(line, fields);
                    for (const auto f : fields)
                        names.emplace_back(trim(f));
                    ix = find_columns(m_path, names, m_columns);
                    m_needed = std::max({ix->origin, ix->destination, ix->cost}) + 1;
                    return true;
                }
                if (line.empty())
                    return true;  // GDAL skips empty lines and does not count them
                split(line, fields);
                auto field = [&](std::size_t k) { return k < fields.size() ? trim(fields[k]) : std::string_view(); };
                deliver(m_path, ++record, field(ix->origin), field(ix->destination), field(ix->cost), *ix, on_record);
                return true;
            },
            progress);
        if (!ix)
            throw input_error(m_path, "file is empty");
    }

    /// Splits at commas, keeping at most the fields needed (all of them for the header).
    void split(std::string_view line, std::vector<std::string_view>& out) const
    {
        out.clear();
        const std::size_t limit = m_needed == 0 ? std::string_view::npos : m_needed;
        std::size_t from = 0;
        while (out.size() < limit) {
            const auto comma = line.find(',', from);
            out.push_back(line.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from));
            if (comma == std::string_view::npos)
                break;
            from = comma + 1;
        }
    }

    const std::string& m_path;
    const CostTableColumns& m_columns;
    std::size_t m_needed = 0;
};

}  // namespace

void read_cost_table_with_gdal(const std::string& path, const std::function<void(const CostTableRecord&)>& on_record,
                               const CostTableColumns& columns, const ProgressFn& progress)
{
    std::vector<std::string> open_options;
    std::vector<std::string> drivers;
    if (is_csv(path)) {  // as read_table() opens a CSV
        open_options = {"KEEP_GEOM_COLUMNS=YES", "HEADERS=YES", "AUTODETECT_TYPE=NO"};
        drivers = {"CSV"};
    }
    auto ds = detail::open_vector(path, open_options, drivers);
    if (ds->GetLayerCount() == 0)
        throw input_error(path, "has no layer (no table) to read");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> names;
    for (int f = 0; f < defn->GetFieldCount(); ++f)
        names.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
    const ColumnIndex ix = find_columns(path, names, columns);
    const GIntBig total = layer->GetFeatureCount(FALSE);
    auto text = [&](OGRFeature& feature, std::size_t k) -> std::string {
        const int f = static_cast<int>(k);
        if (!feature.IsFieldSetAndNotNull(f))
            return {};
        if (defn->GetFieldDefn(f)->GetType() == OFTReal)
            return shortest(feature.GetFieldAsDouble(f));
        return std::string(trim(feature.GetFieldAsString(f)));
    };
    detail::last_gdal_error();
    std::int64_t record = 0;
    layer->ResetReading();
    while (OGRFeatureUniquePtr feature{layer->GetNextFeature()}) {
        ++record;
        const std::string o = text(*feature, ix.origin), d = text(*feature, ix.destination), c = text(*feature, ix.cost);
        deliver(path, record, o, d, c, ix, on_record);
        if (progress && total > 0 && record % 65536 == 0)
            progress("read", std::min(1.0, static_cast<double>(record) / static_cast<double>(total)));
    }
    if (const auto msg = detail::last_gdal_error(); !msg.empty())
        throw input_error(path, "reading stopped after record " + std::to_string(record) + ": " + msg);
    if (progress)
        progress("read", 1.0);
}

/// Whether the fast path may read `path`: a regular, non-empty file named .csv without a .csvt beside
/// it (GDAL would take the column types from it).
bool fast_path_candidate(const std::string& path)
{
    std::error_code ec;
    if (!is_csv(path) || !std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) == 0 || ec)
        return false;
    auto sidecar = std::filesystem::path(path);
    sidecar.replace_extension(".csvt");
    auto upper = std::filesystem::path(path);
    upper.replace_extension(".CSVT");
    return !std::filesystem::exists(sidecar, ec) && !std::filesystem::exists(upper, ec);
}

std::string cost_table_reader(const std::string& path)
{
    check_input_path(path, InputKind::file_or_directory);
    if (!fast_path_candidate(path))
        return "gdal";
    const CostTableColumns columns;
    return PlainCsv(path, columns).scan() ? "csv" : "gdal";
}

void read_cost_table(const std::string& path, const std::function<void(const CostTableRecord&)>& on_record,
                     const CostTableColumns& columns, const ProgressFn& progress)
{
    check_input_path(path, InputKind::file_or_directory);
    if (fast_path_candidate(path) && PlainCsv(path, columns).read(on_record, progress))
        return;
    read_cost_table_with_gdal(path, on_record, columns, progress);
}

}  // namespace basural

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
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace basural {
namespace {

constexpr std::size_t MAX_FAST_LINE_BYTES = std::size_t{1} << 20;
constexpr std::size_t CHUNK_BYTES = std::size_t{4} << 20;
constexpr std::size_t BATCH_BYTES = std::size_t{1} << 20;  // of lines, read and cut ahead (deliver_all())

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

/// Checks one record's texts (already trimmed; `cost` is parse_number(cost_text) unless it is empty)
/// and hands it on.
void check_and_deliver(const std::string& path, std::int64_t record, std::string_view origin,
                       std::string_view destination, std::string_view cost_text, std::optional<double> cost,
                       const ColumnIndex& ix, const std::function<void(const CostTableRecord&)>& on_record)
{
    if (origin.empty())
        throw input_error(path, record, ix.origin_name, "", "is empty");
    if (destination.empty())
        throw input_error(path, record, ix.destination_name, "", "is empty");
    if (cost_text.empty())
        throw input_error(path, record, ix.cost_name, "", "is empty; a number is needed");
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

/// Checks one record's texts (already trimmed) and hands it on.
void deliver(const std::string& path, std::int64_t record, std::string_view origin, std::string_view destination,
             std::string_view cost_text, const ColumnIndex& ix,
             const std::function<void(const CostTableRecord&)>& on_record)
{
    const auto cost = cost_text.empty() ? std::nullopt : parse_number(cost_text);
    check_and_deliver(path, record, origin, destination, cost_text, cost, ix, on_record);
}

/// One record of a batch, cut and parsed ahead of its checks.
struct ParsedRecord {
    std::string_view origin, destination, cost_text;
    std::optional<double> cost;  // parse_number(cost_text) unless cost_text is empty
};

/// Whole lines of a plain CSV (each ending in LF, the file's last one given one) and their records.
struct CsvBatch {
    std::string text;
    std::vector<ParsedRecord> records;
    double read_fraction = 0.0;  // of the file read once this batch was
};

/// Reads a file in batches of whole lines (about BATCH_BYTES each), a UTF-8 byte order mark skipped.
class CsvBatchReader {
public:
    explicit CsvBatchReader(const std::string& path) : m_path(path)
    {
        m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0)
            throw input_error(path, "cannot be opened for reading");
        struct stat st {};
        m_size = ::fstat(m_fd, &st) == 0 && st.st_size > 0 ? static_cast<double>(st.st_size) : 1.0;
    }
    CsvBatchReader(const CsvBatchReader&) = delete;
    CsvBatchReader& operator=(const CsvBatchReader&) = delete;
    ~CsvBatchReader() { ::close(m_fd); }

    /// The first line (without its LF); false if the file holds nothing.
    bool header(std::string& line)
    {
        std::size_t nl = 0;
        while ((nl = m_carry.find('\n')) == std::string::npos && read_more(m_carry)) {
        }
        if (m_carry.empty())
            return false;
        line = m_carry.substr(0, nl);
        m_carry.erase(0, nl == std::string::npos ? m_carry.size() : nl + 1);
        return true;
    }

    /// The next whole lines into b.text; false at the end of the file.
    bool next(CsvBatch& b)
    {
        b.text.swap(m_carry);
        m_carry.clear();
        for (;;) {
            const bool more = b.text.size() < BATCH_BYTES && read_more(b.text);
            const auto nl = b.text.rfind('\n');
            if (!more && nl == std::string::npos) {
                if (b.text.size() > MAX_FAST_LINE_BYTES)
                    throw input_error(m_path, "changed while it was read (a line longer than the first reading found)");
                if (b.text.empty())
                    return false;
                b.text.push_back('\n');  // the last line, without a final LF
                break;
            }
            if (nl != std::string::npos && (!more || b.text.size() >= BATCH_BYTES)) {
                m_carry.assign(b.text, nl + 1);
                b.text.resize(nl + 1);
                break;
            }
        }
        b.read_fraction = std::min(1.0, static_cast<double>(m_done) / m_size);
        return true;
    }

private:
    /// Appends up to BATCH_BYTES of the file to `buf`; false at the end of the file.
    bool read_more(std::string& buf)
    {
        const std::size_t old = buf.size();
        buf.resize(old + BATCH_BYTES);
        const ssize_t got = ::read(m_fd, buf.data() + old, BATCH_BYTES);
        if (got < 0)
            throw input_error(m_path, "could not be read to the end");
        buf.resize(old + static_cast<std::size_t>(got));
        if (m_first && buf.size() >= 3) {
            if (buf.compare(0, 3, "\xEF\xBB\xBF") == 0)
                buf.erase(0, 3);
            m_first = false;
        }
        m_done += static_cast<std::size_t>(got);
        return got > 0;
    }

    const std::string& m_path;
    int m_fd = -1;
    double m_size = 1.0;
    std::size_t m_done = 0;
    bool m_first = true;
    std::string m_carry;
};

/// Batches read and prepared (`prepare`) on a second thread, handed to this one in file order; at
/// most three in flight. An error of the second thread is thrown by next() in its place; leaving
/// early (an exception here) stops and joins it.
class BatchPipeline {
public:
    BatchPipeline(CsvBatchReader& reader, std::function<void(CsvBatch&)> prepare)
        : m_reader(reader), m_prepare(std::move(prepare))
    {
        for (auto& b : m_batches)
            m_free.push_back(&b);
        m_thread = std::thread([this] { produce(); });
    }
    BatchPipeline(const BatchPipeline&) = delete;
    BatchPipeline& operator=(const BatchPipeline&) = delete;
    ~BatchPipeline()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    /// The next batch in file order, nullptr after the last.
    CsvBatch* next()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty() || m_finished; });
        if (!m_ready.empty()) {
            CsvBatch* b = m_ready.front();
            m_ready.pop_front();
            return b;
        }
        if (m_error)
            std::rethrow_exception(m_error);
        return nullptr;
    }

    /// Gives a batch from next() back to be filled again.
    void done(CsvBatch* b)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_free.push_back(b);
        }
        m_changed.notify_all();
    }

private:
    void produce()
    {
        try {
            for (;;) {
                CsvBatch* b = nullptr;
                {
                    std::unique_lock<std::mutex> lock(m_mutex);
                    m_changed.wait(lock, [this] { return !m_free.empty() || m_stop; });
                    if (m_stop)
                        break;
                    b = m_free.back();
                    m_free.pop_back();
                }
                if (!m_reader.next(*b))
                    break;
                m_prepare(*b);
                {
                    const std::lock_guard<std::mutex> lock(m_mutex);
                    m_ready.push_back(b);
                }
                m_changed.notify_all();
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_error = std::current_exception();
        }
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_finished = true;
        }
        m_changed.notify_all();
    }

    CsvBatchReader& m_reader;
    std::function<void(CsvBatch&)> m_prepare;
    std::array<CsvBatch, 3> m_batches;
    std::vector<CsvBatch*> m_free;
    std::deque<CsvBatch*> m_ready;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_stop = false, m_finished = false;
    std::exception_ptr m_error;
    std::thread m_thread;
};

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

    /// The records, in file order: a second thread reads and splits the lines of the next batch while
    /// this one checks and delivers those of the last (checks, numbers and errors as one thread would
    /// give them: a batch's fields are only cut and parsed ahead).
    void deliver_all(const std::function<void(const CostTableRecord&)>& on_record, const ProgressFn& progress)
    {
        CsvBatchReader reader(m_path);
        std::string header;
        if (!reader.header(header))
            throw input_error(m_path, "file is empty");
        if (!header.empty() && header.back() == '\r')
            header.pop_back();
        std::vector<std::string_view> fields;
        split(header, fields);
        std::vector<std::string> names;
        for (const auto f : fields)
            names.emplace_back(trim(f));
        const ColumnIndex ix = find_columns(m_path, names, m_columns);
        m_needed = std::max({ix.origin, ix.destination, ix.cost}) + 1;
        BatchPipeline pipeline(reader, [this, &ix](CsvBatch& b) { parse_batch(b, ix); });
        std::int64_t record = 0;
        while (CsvBatch* b = pipeline.next()) {
            for (const auto& r : b->records)
                check_and_deliver(m_path, ++record, r.origin, r.destination, r.cost_text, r.cost, ix, on_record);
            if (progress)
                progress("read", b->read_fraction);
            pipeline.done(b);
        }
        if (progress)
            progress("read", 1.0);
    }

    /// Cuts a batch's lines into fields and parses the costs (the checks are deliver_all()'s).
    void parse_batch(CsvBatch& b, const ColumnIndex& ix) const
    {
        b.records.clear();
        std::vector<std::string_view> fields;
        const std::string_view text = b.text;
        for (std::size_t start = 0, nl; start < text.size(); start = nl + 1) {
            nl = text.find('\n', start);
            if (nl == std::string_view::npos)
                nl = text.size();
            auto line = text.substr(start, nl - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            if (line.empty())
                continue;  // GDAL skips empty lines and does not count them
            split(line, fields);
            auto field = [&](std::size_t k) { return k < fields.size() ? trim(fields[k]) : std::string_view(); };
            ParsedRecord r{field(ix.origin), field(ix.destination), field(ix.cost), std::nullopt};
            if (!r.cost_text.empty())
                r.cost = parse_number(r.cost_text);
            b.records.push_back(r);
        }
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

#include "detail/gdal.hpp"

#include "basural/base/error.hpp"
#include "basural/base/input_file.hpp"
#include "basural/base/pg_connection.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <mutex>

namespace basural::detail {
namespace {

thread_local std::string t_last_error;

void CPL_STDCALL collect_error(CPLErr level, CPLErrorNum /*code*/, const char* msg)
{
    if (level >= CE_Failure && msg != nullptr)
        t_last_error = msg;
}

}  // namespace

void ensure_gdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(collect_error);
    });
}

std::string last_gdal_error()
{
    std::string msg;
    msg.swap(t_last_error);
    return msg;
}

CslList::CslList(const std::vector<std::string>& items) : m_items(items)
{
    for (auto& s : m_items)
        m_ptrs.push_back(s.data());
    m_ptrs.push_back(nullptr);
}

GDALDatasetUniquePtr open_vector(const std::string& path, const std::vector<std::string>& open_options,
                                 const std::vector<std::string>& drivers)
{
    ensure_gdal();
    last_gdal_error();
    // A local path is checked before GDAL opens it: a FIFO or a device would block GDAL's read of
    // the header for ever. PG: connections and GDAL's virtual file systems (/vsimem/, /vsizip/...)
    // are GDAL's to check.
    const bool local = path.rfind("PG:", 0) != 0 && path.rfind("/vsi", 0) != 0;
    std::error_code ec;
    if (local) {
        check_input_path(path, InputKind::file_or_directory);
        if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
            throw input_error(path, "file is empty");
    }
    CslList opts(open_options);
    CslList allowed(drivers);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              drivers.empty() ? nullptr : allowed.get(),
                                              open_options.empty() ? nullptr : opts.get(), nullptr));
    if (!ds) {
        auto msg = last_gdal_error();
        // A PG: connection string may carry a password: never put it in a message.
        throw input_error(redact_connection_string(path), msg.empty() ? "not a vector dataset GDAL can read"
                                            : "cannot be read as a vector dataset: " + msg);
    }
    return ds;
}

std::string vector_driver_for(const std::string& path)
{
    auto ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".gpkg") return "GPKG";
    if (ext == ".shp") return "ESRI Shapefile";
    if (ext == ".geojson" || ext == ".json") return "GeoJSON";
    if (ext == ".csv") return "CSV";
    if (ext == ".fgb") return "FlatGeobuf";
    if (ext == ".kml") return "KML";
    if (ext == ".xlsx") return "XLSX";
    if (ext == ".sqlite") return "SQLite";
    throw usage_error("cannot tell the output format of '" + path +
                      "' from its extension (use .gpkg, .shp, .geojson, .csv, .fgb, .kml, .xlsx or .sqlite)");
}

ScopedConfigOption::ScopedConfigOption(const char* key, const char* value) : m_key(key)
{
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr); old != nullptr)
        m_old = old;
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfigOption::~ScopedConfigOption()
{
    CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->c_str() : nullptr);
}

}  // namespace basural::detail

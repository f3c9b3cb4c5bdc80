#include "detail/crs.hpp"

#include "detail/gdal.hpp"

#include "basural/base/error.hpp"

#include <algorithm>
#include <cmath>

namespace basural::detail {

OGRSpatialReference wgs84_lonlat()
{
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

OGRSpatialReference crs_from_user(const std::string& text)
{
    ensure_gdal();
    last_gdal_error();
    OGRSpatialReference srs;
    if (text.empty() || srs.SetFromUserInput(text.c_str()) != OGRERR_NONE) {
        const auto msg = last_gdal_error();
        throw usage_error("unknown CRS '" + text + "'" + (msg.empty() ? std::string{} : " (" + msg + ")") +
                          "; give it as EPSG:<code>, e.g. --crs EPSG:31983");
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

bool is_wgs84_geographic(const OGRSpatialReference& srs)
{
    if (!srs.IsGeographic())
        return false;
    const auto wgs84 = wgs84_lonlat();
    const char* const options[] = {"CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    return srs.IsSame(&wgs84, options) == TRUE;
}

TransformPtr transform_to_wgs84(const OGRSpatialReference& source)
{
    if (is_wgs84_geographic(source))
        return nullptr;
    ensure_gdal();
    last_gdal_error();
    OGRSpatialReference src(source);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const auto dst = wgs84_lonlat();
    TransformPtr ct(OGRCreateCoordinateTransformation(&src, &dst));
    if (!ct)
        throw backend_error("PROJ: no transformation from " + describe_crs(source) + " to WGS84: " +
                            last_gdal_error());
    return ct;
}

std::string describe_crs(const OGRSpatialReference& srs)
{
    std::string out;
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (auth != nullptr && code != nullptr)
        out = std::string(auth) + ":" + code;
    if (const char* name = srs.GetName(); name != nullptr) {
        if (!out.empty())
            out += ' ';
        out.append(name);
    }
    return out.empty() ? "an unnamed CRS" : out;
}

ProjTransform::ProjTransform(const std::string& definition) : m_ctx(proj_context_create())
{
    if (!m_ctx)
        throw backend_error("PROJ: cannot create a context");
    proj_log_level(m_ctx.get(), PJ_LOG_NONE);  // the library never prints
    m_pj.reset(proj_create(m_ctx.get(), definition.c_str()));
    if (!m_pj) {
        const int code = proj_context_errno(m_ctx.get());
        throw backend_error("PROJ: cannot create '" + definition + "': " +
                            proj_context_errno_string(m_ctx.get(), code));
    }
}

std::size_t ProjTransform::forward(std::vector<double>& x, std::vector<double>& y) const
{
    const std::size_t n = std::min(x.size(), y.size());
    if (n == 0)
        return 0;
    proj_errno_reset(m_pj.get());
    proj_trans_generic(m_pj.get(), PJ_FWD, x.data(), sizeof(double), n, y.data(), sizeof(double), n, nullptr, 0,
                       0, nullptr, 0, 0);
    std::size_t failed = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i])) {  // PROJ marks failures with HUGE_VAL
            x[i] = y[i] = HUGE_VAL;
            ++failed;
        }
    }
    proj_errno_reset(m_pj.get());
    return n - failed;
}

}  // namespace basural::detail

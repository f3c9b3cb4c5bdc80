// Point checks and number text shared by the clustering methods.
#include "cluster_common.hpp"

#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"

#include <cmath>
#include <string>

namespace basural::clustering {

void check_points(const char* what, const std::vector<LonLat>& points)
{
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || p.lat_deg < -90.0 || p.lat_deg > 90.0)
            throw usage_error(std::string(what) + ": point " + std::to_string(i) + " (longitude " +
                              format_value(p.lon_deg) + ", latitude " + format_value(p.lat_deg) +
                              ") is not a WGS84 position: longitude must be finite and latitude in [-90, 90]");
    }
}

}  // namespace basural::clustering

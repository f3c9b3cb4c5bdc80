#include "detail/proj.hpp"

#include "basural/error.hpp"

#include <algorithm>
#include <cmath>

namespace basural::detail {

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

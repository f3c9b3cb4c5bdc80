#pragma once
// Private PROJ helpers: RAII handles for PJ_CONTEXT and PJ, and a batch transform.
// Not installed: public headers never include PROJ. One context per user (and so per thread):
// a PJ is used only with the context it was created in.

#include <proj.h>

#include <memory>
#include <string>
#include <vector>

namespace basural::detail {

struct ProjContextDeleter {
    void operator()(PJ_CONTEXT* ctx) const noexcept { proj_context_destroy(ctx); }
};
struct ProjDeleter {
    void operator()(PJ* pj) const noexcept { proj_destroy(pj); }
};
using ProjContextPtr = std::unique_ptr<PJ_CONTEXT, ProjContextDeleter>;
using ProjPtr = std::unique_ptr<PJ, ProjDeleter>;

/// A coordinate operation with its own context. Members are destroyed in reverse order, so the
/// PJ goes before the context it belongs to.
class ProjTransform {
public:
    /// `definition` is anything proj_create accepts (a PROJ string or pipeline, a WKT, "EPSG:..").
    /// PROJ's own logging is silenced: failures become basural::backend_error with its message.
    explicit ProjTransform(const std::string& definition);

    /// Transforms x[i], y[i] in place in the forward direction. Points PROJ cannot transform become
    /// HUGE_VAL (test with std::isfinite); returns how many did.
    std::size_t forward(std::vector<double>& x, std::vector<double>& y) const;

private:
    ProjContextPtr m_ctx;
    ProjPtr m_pj;
};

}  // namespace basural::detail

#pragma once
// Private Pango helpers: RAII handles for the objects the PDF report lays its text out with.
// Not installed: public headers never include Pango.

#include <pango/pangocairo.h>

#include <memory>

namespace basural::detail {

struct GObjectDeleter {
    void operator()(gpointer p) const noexcept { g_object_unref(p); }
};
struct PangoFontDescriptionDeleter {
    void operator()(PangoFontDescription* d) const noexcept { pango_font_description_free(d); }
};
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;
using PangoFontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoFontDescriptionDeleter>;

}  // namespace basural::detail

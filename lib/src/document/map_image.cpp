#include "document/map_image.hpp"

#include "basural/base/error.hpp"
#include "detail/cairo.hpp"
#include "maps/map_draw.hpp"

#include <cmath>

namespace basural::detail {
namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string map_png(const MapScene& scene, const MapStyle& style, double scale)
{
    const MapLayout layout(scene, style);
    const long width = std::lround(style.width_px * scale), height = std::lround(style.height_px * scale);
    if (width < 1 || height < 1 || width > 16384 || height > 16384)
        throw usage_error("report map: " + std::to_string(width) + " x " + std::to_string(height) +
                          " pixels is outside 1..16384");
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw error(std::string("report map: cannot create an image: ") +
                    cairo_status_to_string(cairo_surface_status(surface.get())));
    {
        CairoPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), scale, scale);
        draw_map(cr.get(), scene, layout);
        if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
            throw error(std::string("report map: cannot draw: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
    cairo_surface_flush(surface.get());
    std::string png;
    const cairo_status_t status = cairo_surface_write_to_png_stream(surface.get(), append_bytes, &png);
    if (status != CAIRO_STATUS_SUCCESS)
        throw error(std::string("report map: cannot encode the PNG: ") + cairo_status_to_string(status));
    return png;
}

}  // namespace basural::detail

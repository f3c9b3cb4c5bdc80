// Writing a map to a file: PNG and PDF painted by Cairo, SVG written from the drawing, HTML by
// map_html.cpp (render_map in basural/maps/map.hpp).
#include "basural/maps/map.hpp"

#include "basural/base/atomic_output.hpp"
#include "basural/base/error.hpp"
#include "basural/base/limits.hpp"
#include "detail/cairo.hpp"
#include "maps/map_draw.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

namespace basural {
namespace {

using detail::CairoPtr;
using detail::CairoSurfacePtr;

void check_cairo(cairo_status_t status, const std::string& what, const std::string& path)
{
    if (status != CAIRO_STATUS_SUCCESS)
        throw error("map: cannot write " + what + " '" + path + "': " + cairo_status_to_string(status));
}

std::string lower_extension(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

void write_png(const detail::MapDrawing& drawing, const MapStyle& style, const std::string& temp,
               const std::string& path)
{
    const double scale = style.dpi / 96.0;
    const long width = std::lround(drawing.width_px * scale), height = std::lround(drawing.height_px * scale);
    if (width > 32767 || height > 32767)
        throw usage_error("map: " + std::to_string(width) + " x " + std::to_string(height) +
                          " pixels is larger than a PNG can be drawn (32767): lower --dpi or the page size");
    if (static_cast<std::size_t>(width) * static_cast<std::size_t>(height) > MAX_PNG_PIXELS)
        throw usage_error("map: " + std::to_string(width) + " x " + std::to_string(height) + " pixels is more than " +
                          std::to_string(MAX_PNG_PIXELS / 1'000'000) +
                          " million, the largest PNG basural draws: lower --dpi or the page size");
    CairoSurfacePtr surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    check_cairo(cairo_surface_status(surface.get()), "PNG", path);
    {
        CairoPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), scale, scale);
        detail::paint_drawing(cr.get(), drawing);
        check_cairo(cairo_status(cr.get()), "PNG", path);
    }
    cairo_surface_flush(surface.get());
    check_cairo(cairo_surface_write_to_png(surface.get(), temp.c_str()), "PNG", path);
}

void write_pdf(const detail::MapDrawing& drawing, const std::string& temp, const std::string& path)
{
    // Vector pages: 1 layout pixel = 0.75 pt.
    const double pt_per_px = 72.0 / 96.0;
    CairoSurfacePtr surface(
        cairo_pdf_surface_create(temp.c_str(), drawing.width_px * pt_per_px, drawing.height_px * pt_per_px));
    check_cairo(cairo_surface_status(surface.get()), "PDF", path);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, drawing.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "basural " BASURAL_VERSION_STRING);
    // Cairo 1.16 stamps the current time as CreationDate unless told otherwise; an empty date leaves
    // it out, so the same map gives the same bytes.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "");
    {
        CairoPtr cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), pt_per_px, pt_per_px);
        detail::paint_drawing(cr.get(), drawing);
        check_cairo(cairo_status(cr.get()), "PDF", path);
    }
    cairo_surface_finish(surface.get());
    check_cairo(cairo_surface_status(surface.get()), "PDF", path);
}

}  // namespace

std::string map_svg(const MapScene& scene, const MapStyle& style)
{
    const MapLayout layout(scene, style);
    return detail::map_drawing_svg(detail::map_drawing(scene, layout));
}

void render_map(const MapScene& scene, const MapStyle& style, const std::string& path)
{
    const std::string ext = lower_extension(path);
    if (ext == ".html" || ext == ".htm") {
        write_map_html(scene, path, style);
        return;
    }
    if (ext != ".png" && ext != ".svg" && ext != ".pdf")
        throw usage_error("map: cannot tell the format of '" + path + "' from its extension: use .png, .svg, .pdf or .html");
    const MapLayout layout(scene, style);
    const detail::MapDrawing drawing = detail::map_drawing(scene, layout);
    if (ext == ".svg") {
        write_file_atomically(path, detail::map_drawing_svg(drawing));
        return;
    }
    AtomicOutput out(path);
    const std::string temp = out.temp_path().string();
    if (ext == ".png")
        write_png(drawing, style, temp, path);
    else
        write_pdf(drawing, temp, path);
    out.commit();
}

}  // namespace basural

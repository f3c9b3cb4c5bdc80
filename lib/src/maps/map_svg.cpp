// A map's drawing as SVG (maps/map_drawing.hpp): shapes as <path> and <circle>, text as <text> so it
// can be read, searched and edited (Cairo's SVG surface would write each glyph as a shape).
#include "maps/map_drawing.hpp"

#include <charconv>
#include <type_traits>

namespace basural::detail {
namespace {

/// A number with at most `decimals` digits after the point, trailing zeros dropped; C locale.
std::string num(double v, int decimals = 2)
{
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    std::string s(buf, r.ptr);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.')
            s.pop_back();
    }
    if (s == "-0")
        s = "0";
    return s;
}

std::string xml_escape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string path_data(const std::vector<std::vector<PagePoint>>& parts, bool closed)
{
    std::string d;
    for (const auto& part : parts) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            d += i == 0 ? (d.empty() ? "M" : " M") : " L";
            d += num(part[i].x_px) + " " + num(part[i].y_px);
        }
        if (closed && !part.empty())
            d += " Z";
    }
    return d;
}

std::string paint_attributes(const std::optional<Fill>& fill, const std::optional<Stroke>& stroke)
{
    std::string a;
    if (fill) {
        a += " fill=\"" + fill->colour.hex() + "\"";
        if (fill->alpha < 1.0)
            a += " fill-opacity=\"" + num(fill->alpha, 3) + "\"";
    } else {
        a += " fill=\"none\"";
    }
    if (stroke) {
        a += " stroke=\"" + stroke->colour.hex() + "\" stroke-width=\"" + num(stroke->width_px) + "\"";
        if (stroke->alpha < 1.0)
            a += " stroke-opacity=\"" + num(stroke->alpha, 3) + "\"";
        if (!stroke->dash.empty()) {
            a += " stroke-dasharray=\"";
            for (std::size_t i = 0; i < stroke->dash.size(); ++i) {
                if (i)
                    a += ' ';
                a += num(stroke->dash[i]);
            }
            a += "\"";
        }
    }
    return a;
}

std::string text_element(const DrawText& t)
{
    std::string e = "<text x=\"" + num(t.at.x_px) + "\" y=\"" + num(t.at.y_px) +
                    "\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"" + num(t.size_px) + "\"";
    if (t.bold)
        e += " font-weight=\"bold\"";
    if (t.italic)
        e += " font-style=\"italic\"";
    if (t.anchor == TextAnchor::middle)
        e += " text-anchor=\"middle\"";
    else if (t.anchor == TextAnchor::end)
        e += " text-anchor=\"end\"";
    e += " fill=\"" + t.colour.hex() + "\"";
    if (t.halo)
        e += " stroke=\"" + t.halo->hex() + "\" stroke-opacity=\"0.9\" stroke-width=\"3\" stroke-linejoin=\"round\""
             " paint-order=\"stroke\"";
    // The width the layout measured with DejaVu Sans: a viewer with another font keeps the layout.
    if (t.width_px > 0.0)
        e += " textLength=\"" + num(t.width_px) + "\" lengthAdjust=\"spacingAndGlyphs\"";
    return e + ">" + xml_escape(t.text) + "</text>\n";
}

}  // namespace

std::string map_drawing_svg(const MapDrawing& drawing)
{
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(drawing.width_px * 0.75, 3) +
           "pt\" height=\"" + num(drawing.height_px * 0.75, 3) + "pt\" viewBox=\"0 0 " + num(drawing.width_px) + " " +
           num(drawing.height_px) + "\">\n";
    svg += "<title>" + xml_escape(drawing.title) + "</title>\n";
    std::size_t clips = 0;
    for (const DrawOp& op : drawing.ops) {
        std::visit(
            [&](const auto& item) {
                using T = std::decay_t<decltype(item)>;
                if constexpr (std::is_same_v<T, DrawPath>) {
                    svg += "<path d=\"" + path_data(item.parts, item.closed) + "\"" +
                           (item.fill ? " fill-rule=\"evenodd\"" : "") + paint_attributes(item.fill, item.stroke) +
                           " stroke-linejoin=\"round\"/>\n";
                } else if constexpr (std::is_same_v<T, DrawCircle>) {
                    svg += "<circle cx=\"" + num(item.centre.x_px) + "\" cy=\"" + num(item.centre.y_px) + "\" r=\"" +
                           num(item.radius_px) + "\"" + paint_attributes(item.fill, item.stroke) + "/>\n";
                } else if constexpr (std::is_same_v<T, DrawText>) {
                    svg += text_element(item);
                } else if constexpr (std::is_same_v<T, BeginGroup>) {
                    // Nested groups, one per clip, so a rectangle and rings both apply.
                    std::string open = "<g id=\"" + xml_escape(item.id) + "\">\n";
                    std::string inner;
                    if (item.clip) {
                        const std::string id = "clip" + std::to_string(++clips);
                        const PageRect& r = *item.clip;
                        svg += "<clipPath id=\"" + id + "\"><rect x=\"" + num(r.x_px) + "\" y=\"" + num(r.y_px) +
                               "\" width=\"" + num(r.width_px) + "\" height=\"" + num(r.height_px) + "\"/></clipPath>\n";
                        open = "<g id=\"" + xml_escape(item.id) + "\" clip-path=\"url(#" + id + ")\">\n";
                    }
                    if (!item.clip_rings.empty()) {
                        const std::string id = "clip" + std::to_string(++clips);
                        svg += "<clipPath id=\"" + id + "\"><path clip-rule=\"evenodd\" d=\"" +
                               path_data(item.clip_rings, true) + "\"/></clipPath>\n";
                        inner = "<g clip-path=\"url(#" + id + ")\">\n";
                    }
                    svg += open + (inner.empty() ? "<g>\n" : inner);
                } else {
                    svg += "</g>\n</g>\n";
                }
            },
            op);
    }
    return svg + "</svg>\n";
}

}  // namespace basural::detail

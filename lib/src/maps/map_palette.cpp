// Site colours, legend entries and symbol sizes (docs/methods/maps.md, "Symbols" and "Palettes").
#include "basural/maps/map_palette.hpp"

#include "basural/base/messages.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>

namespace basural {

std::string_view to_string(ColourBy v) noexcept
{
    switch (v) {
    case ColourBy::type: return "type";
    case ColourBy::status: return "status";
    case ColourBy::priority: return "priority";
    case ColourBy::cluster: return "cluster";
    }
    return "type";
}

std::optional<ColourBy> parse_colour_by(std::string_view s) noexcept
{
    for (ColourBy v : {ColourBy::type, ColourBy::status, ColourBy::priority, ColourBy::cluster})
        if (to_string(v) == s)
            return v;
    return std::nullopt;
}

MapStyle default_map_style()
{
    return MapStyle{};
}

std::string Rgb::hex() const
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

namespace {

constexpr Rgb rgb(unsigned v)
{
    return Rgb{static_cast<std::uint8_t>((v >> 16) & 0xffU), static_cast<std::uint8_t>((v >> 8) & 0xffU),
               static_cast<std::uint8_t>(v & 0xffU)};
}

// Palettes (docs/methods/maps.md). Site types and statuses in the schema's order.
struct NamedColour {
    std::string_view key;
    Rgb colour;
};
constexpr std::array<NamedColour, 4> TYPE_PALETTE{{
    {"open_dump", rgb(0xd7301f)},
    {"controlled_dump", rgb(0xfc8d59)},
    {"sanitary_landfill", rgb(0x2b8cbe)},
    {"other", rgb(0x969696)},
}};
// ColorBrewer RdYlGn 6 for the way from active dump to remediated site; unknown grey.
constexpr std::array<NamedColour, 6> STATUS_PALETTE{{
    {"active", rgb(0xd73027)},
    {"inactive", rgb(0xfc8d59)},
    {"closing", rgb(0xfee08b)},
    {"closed", rgb(0x91cf60)},
    {"remediated", rgb(0x1a9850)},
    {"unknown", rgb(0x969696)},
}};
// Tableau 10 without its grey (grey means "unknown" on these maps): 9 distinct hues.
constexpr std::array<Rgb, 9> QUALITATIVE_PALETTE{{rgb(0x1f77b4), rgb(0xff7f0e), rgb(0x2ca02c), rgb(0xd62728),
                                                  rgb(0x9467bd), rgb(0x8c564b), rgb(0xe377c2), rgb(0xbcbd22),
                                                  rgb(0x17becf)}};
// Keys outside a fixed palette: the Tableau 10 hues that the type and status palettes do not use
// (purple, brown, pink, olive, cyan), so a caller's own category never looks like a schema one.
constexpr std::array<Rgb, 5> EXTRA_PALETTE{{rgb(0x9467bd), rgb(0x8c564b), rgb(0xe377c2), rgb(0xbcbd22),
                                           rgb(0x17becf)}};
// ColorBrewer YlOrRd 5, stops at 0, 0.25, 0.5, 0.75, 1.
constexpr std::array<Rgb, 5> PRIORITY_RAMP{{rgb(0xffffb2), rgb(0xfecc5c), rgb(0xfd8d3c), rgb(0xf03b20),
                                           rgb(0xbd0026)}};
constexpr Rgb NO_VALUE_COLOUR = rgb(0xbdbdbd);

Rgb ramp_colour(double t)
{
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(PRIORITY_RAMP.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(t), PRIORITY_RAMP.size() - 2);
    const double f = t - static_cast<double>(i);
    const auto mix = [f](std::uint8_t a, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround(a + f * (b - a)));
    };
    const Rgb& a = PRIORITY_RAMP[i];
    const Rgb& b = PRIORITY_RAMP[i + 1];
    return Rgb{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

/// A category's legend label: the catalogue's word for a schema value ("site_type.open_dump" ->
/// "Botadero a cielo abierto"), else the key made readable ("transfer_station" -> "Transfer station").
std::string category_label(const Locale& locale, std::string_view vocabulary, std::string_view key)
{
    const std::string message_key = std::string(vocabulary) + "." + std::string(key);
    if (has_message(message_key))
        return tr(locale, message_key);
    std::string s(key);
    std::replace(s.begin(), s.end(), '_', ' ');
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::optional<long long> as_integer(const std::string& s)
{
    if (s.empty() || s.size() > 18)
        return std::nullopt;
    std::size_t i = (s[0] == '-') ? 1 : 0;
    if (i == s.size())
        return std::nullopt;
    for (std::size_t j = i; j < s.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(s[j])))
            return std::nullopt;
    return std::stoll(s);
}

/// Natural order: integers numerically (before other labels), the rest by bytes.
bool natural_less(const std::string& a, const std::string& b)
{
    const auto ia = as_integer(a), ib = as_integer(b);
    if (ia && ib)
        return *ia < *ib || (*ia == *ib && a < b);
    if (ia != ib && (ia || ib))
        return ia.has_value();
    return a < b;
}

std::map<std::string, std::size_t> category_counts(const MapScene& scene)
{
    std::map<std::string, std::size_t> counts;
    for (const auto& p : scene.points)
        ++counts[p.category];
    return counts;
}

/// Each point's legend entry and colour, once the legend holds one entry per category.
void assign_points(const MapScene& scene, const std::map<std::string, std::size_t>& entry_of, PointColours& out)
{
    for (const auto& p : scene.points) {
        out.legend_index.push_back(entry_of.at(p.category));
        out.colours.push_back(out.legend[out.legend_index.back()].colour);
    }
}

template <std::size_t N>
PointColours colour_by_fixed_palette(const MapScene& scene, const std::array<NamedColour, N>& palette,
                                     std::string_view vocabulary)
{
    PointColours out;
    const auto counts = category_counts(scene);
    // Keys outside the palette (a caller's own vocabulary) get EXTRA_PALETTE in natural order;
    // "" is "Unknown" in grey.
    std::vector<std::string> extra;
    for (const auto& [key, n] : counts) {
        // (an init-capture: clang 14 cannot capture a structured binding)
        const bool known = std::any_of(palette.begin(), palette.end(), [&k = key](const auto& e) { return e.key == k; });
        if (!known && !key.empty())
            extra.push_back(key);
    }
    std::sort(extra.begin(), extra.end(), natural_less);
    std::map<std::string, std::size_t> entry_of;
    for (const auto& e : palette) {
        const auto it = counts.find(std::string(e.key));
        if (it != counts.end()) {
            entry_of[it->first] = out.legend.size();
            out.legend.push_back({category_label(scene.locale, vocabulary, e.key), e.colour, it->second});
        }
    }
    for (std::size_t i = 0; i < extra.size(); ++i) {
        entry_of[extra[i]] = out.legend.size();
        out.legend.push_back({category_label(scene.locale, vocabulary, extra[i]),
                              EXTRA_PALETTE[i % EXTRA_PALETTE.size()], counts.at(extra[i])});
    }
    if (const auto it = counts.find(""); it != counts.end()) {
        entry_of[""] = out.legend.size();
        out.legend.push_back({tr(scene.locale, "map.legend.unknown"), NO_VALUE_COLOUR, it->second});
    }
    assign_points(scene, entry_of, out);
    return out;
}

PointColours colour_by_cluster(const MapScene& scene)
{
    PointColours out;
    const auto counts = category_counts(scene);
    std::vector<std::string> labels;
    for (const auto& [key, n] : counts)
        if (!key.empty())
            labels.push_back(key);
    std::sort(labels.begin(), labels.end(), natural_less);
    std::map<std::string, std::size_t> entry_of;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        entry_of[labels[i]] = out.legend.size();
        out.legend.push_back({tr(scene.locale, "map.legend.cluster_label", {{"label", labels[i]}}),
                              QUALITATIVE_PALETTE[i % QUALITATIVE_PALETTE.size()], counts.at(labels[i])});
    }
    if (const auto it = counts.find(""); it != counts.end()) {
        entry_of[""] = out.legend.size();
        out.legend.push_back({tr(scene.locale, "map.legend.unassigned"), NO_VALUE_COLOUR, it->second});
    }
    assign_points(scene, entry_of, out);
    return out;
}

PointColours colour_by_priority(const MapScene& scene)
{
    PointColours out;
    const double last_stop = static_cast<double>(PRIORITY_RAMP.size() - 1);
    for (std::size_t i = 0; i < PRIORITY_RAMP.size(); ++i) {
        const std::string value = format_number(static_cast<double>(i) / last_stop, 2, scene.locale.numbers);
        std::string label = value;
        if (i == 0)
            label = tr(scene.locale, "map.legend.lowest", {{"value", value}});
        else if (i + 1 == PRIORITY_RAMP.size())
            label = tr(scene.locale, "map.legend.highest", {{"value", value}});
        out.legend.push_back({label, PRIORITY_RAMP[i], 0});
    }
    std::size_t unscored = 0;
    for (const auto& p : scene.points) {
        if (p.priority && std::isfinite(*p.priority)) {
            out.colours.push_back(ramp_colour(*p.priority));
            out.legend_index.push_back(
                static_cast<std::size_t>(std::lround(std::clamp(*p.priority, 0.0, 1.0) * last_stop)));
        } else {
            out.colours.push_back(NO_VALUE_COLOUR);
            out.legend_index.push_back(PRIORITY_RAMP.size());
            ++unscored;
        }
    }
    if (unscored > 0)
        out.legend.push_back({tr(scene.locale, "map.legend.not_scored"), NO_VALUE_COLOUR, unscored});
    return out;
}

}  // namespace

PointColours colour_points(const MapScene& scene, ColourBy by)
{
    PointColours out;
    switch (by) {
    case ColourBy::type:
        out = colour_by_fixed_palette(scene, TYPE_PALETTE, "site_type");
        out.heading = tr(scene.locale, "map.legend.site_type");
        break;
    case ColourBy::status:
        out = colour_by_fixed_palette(scene, STATUS_PALETTE, "status");
        out.heading = tr(scene.locale, "map.legend.status");
        break;
    case ColourBy::priority:
        out = colour_by_priority(scene);
        out.heading = tr(scene.locale, "map.legend.priority");
        break;
    case ColourBy::cluster:
        out = colour_by_cluster(scene);
        out.heading = tr(scene.locale, "map.legend.cluster");
        break;
    }
    return out;
}

double symbol_radius_px(std::optional<double> value, double max_value) noexcept
{
    if (!value || !(*value > 0.0) || !(max_value > 0.0) || !std::isfinite(*value))
        return SYMBOL_MIN_RADIUS_PX;
    const double r = SYMBOL_MAX_RADIUS_PX * std::sqrt(std::min(*value, max_value) / max_value);
    return std::max(r, SYMBOL_MIN_RADIUS_PX);
}

double max_size_value(const MapScene& scene) noexcept
{
    double m = 0.0;
    for (const auto& p : scene.points)
        if (p.size_value && std::isfinite(*p.size_value))
            m = std::max(m, *p.size_value);
    return m;
}

}  // namespace basural

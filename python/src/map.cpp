// map: one country's map as `basural map --country` draws it (PNG, SVG, PDF or offline HTML).
#include "handles.hpp"
#include "progress.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/locale.hpp"
#include "basural/inventory/places.hpp"
#include "basural/maps/map.hpp"
#include "basural/maps/map_data.hpp"
#include "basural/maps/map_scene.hpp"

#include <pybind11/stl.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>

namespace basural::python {
namespace {

struct MapArguments {
    std::string country;
    std::string admin1;                            ///< zoom to a state (--admin1)
    std::string title;                             ///< --title
    std::string lang;                              ///< --lang; "" = the environment's (LC_ALL, LANG...)
    std::string admin1_path;                       ///< --admin1-boundaries ("" shipped, "none")
    std::string places_path;                       ///< --places ("" shipped, "none")
    std::string colour_by = "type";
    std::string ranking_path;                      ///< a ranking file (site_id, score)
    std::optional<std::map<std::string, double>> scores;  ///< or the scores themselves
    int width_px = default_map_style().width_px;
    int height_px = default_map_style().height_px;
    double dpi = default_map_style().dpi;
};

/// An optional input as the command finds it: "none" for none, the path given, else the shipped
/// dataset when it is there.
std::string optional_input(const std::string& option, std::string_view shipped)
{
    if (option == "none")
        return {};
    if (!option.empty())
        return option;
    for (const auto& dir : dataset_search_path())
        if (const auto p = dir / shipped; std::filesystem::exists(p))
            return p.string();
    return {};
}

/// What the map draws besides the inventory: non-LAC context, states, towns.
struct MapInputs {
    std::vector<MapCountry> context;
    std::vector<MapRegion> admin1;
    std::vector<Place> places;
};

MapInputs map_inputs(const MapArguments& a)
{
    if (a.admin1_path == "none" && !a.admin1.empty())
        throw usage_error("admin1 needs the states' boundaries: drop admin1_boundaries='none'");
    MapInputs in;
    if (const auto path = optional_input({}, SHIPPED_WORLD_CONTEXT); !path.empty())
        in.context = read_map_context(path);
    if (const auto path = optional_input(a.admin1_path, SHIPPED_ADMIN1); !path.empty())
        in.admin1 = read_admin1_regions(path);
    if (const auto path = optional_input(a.places_path, SHIPPED_PLACES); !path.empty())
        in.places = load_places(path);
    return in;
}

/// Draws the map to `path` (format by extension) and returns what it shows: sites and facilities.
std::pair<std::size_t, std::size_t> draw(const InventoryHandle& inventory, const PlanHandle* plan,
                                         const MapArguments& a, const std::string& path)
{
    std::string iso3 = a.country;
    std::transform(iso3.begin(), iso3.end(), iso3.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (find_lac_country(iso3) == nullptr)
        throw usage_error("unknown country '" + a.country +
                          "': give the ISO 3166-1 alpha-3 code of one of the 33 LAC countries, e.g. BRA");
    const auto colour_by = parse_colour_by(a.colour_by);
    if (!colour_by)
        throw usage_error("color_by must be type, status, priority or cluster, not '" + a.colour_by + "'");
    std::optional<std::map<std::string, double>> scores = a.scores;
    if (!a.ranking_path.empty())
        scores = read_ranking(a.ranking_path);
    if (*colour_by == ColourBy::priority && !scores)
        throw usage_error("color_by 'priority' needs a ranking (site_id, score), as prioritize makes it");
    MapStyle style = default_map_style();
    style.width_px = a.width_px;
    style.height_px = a.height_px;
    style.dpi = a.dpi;
    style.colour_by = *colour_by;
    check_map_style(style);
    const Locale environment = locale_from_environment();
    const MapInputs in = map_inputs(a);
    CountryMapOptions options;
    options.colour_by = *colour_by;
    options.locale = a.lang.empty() ? environment : locale_for_option(a.lang, environment);
    options.title = a.title;
    options.plan = plan ? &plan->plan : nullptr;
    options.priority_scores = scores ? &*scores : nullptr;
    options.context = &in.context;
    options.admin1 = in.admin1.empty() ? nullptr : &in.admin1;
    options.zoom_admin1 = a.admin1;
    options.places = &in.places;
    const std::lock_guard<std::mutex> lock(*inventory.lock);
    if (!inventory.countries->has(iso3))
        throw input_error(inventory.countries->path(), "has no boundary for '" + iso3 + "': it cannot be mapped");
    const auto scene = build_country_scene(inventory.inventory.sites, *inventory.countries, iso3, options);
    render_map(scene, style, path);
    const auto facilities = std::count_if(scene.facilities.begin(), scene.facilities.end(),
                                          [](const MapFacility& f) { return f.kind != FacilityKind::existing_unused; });
    return {scene.points.size(), static_cast<std::size_t>(facilities)};
}

}  // namespace

void bind_map(py::module_& m)
{
    py::class_<MapArguments>(m, "MapArguments", "The options of map (those of basural map --country)")
        .def(py::init<>())
        .def_readwrite("country", &MapArguments::country)
        .def_readwrite("admin1", &MapArguments::admin1)
        .def_readwrite("title", &MapArguments::title)
        .def_readwrite("lang", &MapArguments::lang)
        .def_readwrite("admin1_path", &MapArguments::admin1_path)
        .def_readwrite("places_path", &MapArguments::places_path)
        .def_readwrite("colour_by", &MapArguments::colour_by)
        .def_readwrite("ranking_path", &MapArguments::ranking_path)
        .def_readwrite("scores", &MapArguments::scores)
        .def_readwrite("width_px", &MapArguments::width_px)
        .def_readwrite("height_px", &MapArguments::height_px)
        .def_readwrite("dpi", &MapArguments::dpi);
    m.def(
        "draw_map",
        [](const InventoryHandle& inventory, const PlanHandle* plan, const MapArguments& a, const std::string& path) {
            return without_gil([&] { return draw(inventory, plan, a, path); });
        },
        py::arg("inventory"), py::arg("plan"), py::arg("arguments"), py::arg("path"));
}

}  // namespace basural::python

// basural map: country maps of disposal sites as PNG, SVG, PDF or offline HTML (docs/cli/map.md).
#include "command.hpp"
#include "domain_inputs.hpp"
#include "inventory_options.hpp"
#include "plan_input.hpp"
#include "progress_bar.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"
#include "basural/inventory/places.hpp"
#include "basural/maps/map.hpp"
#include "basural/maps/map_scene.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <ostream>

namespace basural::app {
namespace {

namespace fs = std::filesystem;

bool is_map_extension(const std::string& ext)
{
    return ext == ".png" || ext == ".svg" || ext == ".pdf" || ext == ".html";
}

class MapCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        sub.add_option("inventory", m_inventory,
                       "Inventory to map: any vector source GDAL reads (default: the shipped datasets/lac_sites.csv)");
        auto* country = sub.add_option("--country", m_country, "Country to map, ISO 3166-1 alpha-3 (e.g. BRA)");
        auto* all = sub.add_flag("--all", m_all,
                                 "One map per country with sites, written to the directory -o DIR as ISO3.<format>")
                        ->excludes(country);
        sub.add_option("--admin1", m_admin1,
                       "Zoom to one state, province or department of --country: its name (accents and case do not "
                       "matter) or code, e.g. --admin1 Oaxaca or --admin1 20; only its sites are drawn (a state "
                       "belongs to one country: not with --all)")
            ->needs(country);
        sub.add_option("--title", m_title, "Title of the map (default: \"<Country>: disposal sites\", in --lang)");
        m_plan.add_to(sub, "Regional plan (GeoPackage written by basural regionalize): proposed facilities, "
                           "existing landfills it uses and those it does not, catchments, each site's facility and "
                           "haul in the HTML popups, and the clusters for --color-by cluster");
        sub.add_option("--ranking", m_ranking,
                       "Priority ranking CSV with columns site_id and score in [0, 1] (as basural prioritize writes "
                       "it); needed for --color-by priority");
        sub.add_option("--color-by", m_colour_by,
                       "What site colours show: type, status, priority (needs --ranking) or cluster (the plan's "
                       "facilities with --plan, else DBSCAN 30 km / 3 sites) (default type)")
            ->check(CLI::IsMember({"type", "status", "priority", "cluster"}));
        sub.add_option("--admin1-boundaries", m_admin1_path,
                       "States and provinces to draw and zoom to: GeoJSON with iso3, name, admin1_code (default: the "
                       "shipped datasets/lac_admin1.geojson when present; none: draw none)");
        sub.add_option("--places", m_places_path,
                       "Towns whose names are written on the map, the largest that fit (default: the shipped "
                       "datasets/lac_places.csv; none: no town names)");
        sub.add_option("--width", m_style.width_px, "Page width in layout pixels of 1/96 inch (default 1123: A4 landscape)");
        sub.add_option("--height", m_style.height_px, "Page height in layout pixels (default 794: A4 landscape)");
        sub.add_option("--dpi", m_style.dpi, "PNG resolution in dots per inch (default 150; 300 for print)");
        sub.add_option("--format", m_format,
                       "With --all: format of every map, png, svg, pdf or html (default png); a single map's format "
                       "follows the extension of -o")
            ->check(CLI::IsMember({"png", "svg", "pdf", "html"}))
            ->needs(all);
        sub.add_option("-o,--output", m_output,
                       "Output file (.png, .svg, .pdf or .html), or with --all the output directory")
            ->required();
        m_load.add_to(sub);
        sub.footer("Exit codes: 0 the maps were written, 1 the work failed (unreadable inventory, plan, ranking or "
                   "boundaries, a country missing from the boundaries, an output that cannot be written), 2 the "
                   "command line was wrong (including an --admin1 that names no state of the country).");
    }

    int run(Streams& io) override
    {
        check_options();
        const std::string boundaries_path = given_or_shipped(m_load.countries_path, SHIPPED_COUNTRIES);
        const CountryBoundaries countries(boundaries_path);
        if (!m_all && !countries.has(m_country))
            throw input_error(boundaries_path, "has no boundary for '" + m_country + "': it cannot be mapped");

        const auto plan = m_plan.read();
        std::optional<std::map<std::string, double>> ranking;
        if (!m_ranking.empty())
            ranking = read_ranking(m_ranking);
        std::vector<MapCountry> context;
        if (const auto path = given_shipped_or_none({}, SHIPPED_WORLD_CONTEXT); !path.empty())
            context = read_map_context(path);  // optional: without it, only LAC neighbours are drawn
        std::vector<MapRegion> admin1;
        if (const auto path = given_shipped_or_none(m_admin1_path, SHIPPED_ADMIN1); !path.empty())
            admin1 = read_admin1_regions(path);
        std::vector<Place> places;
        if (const auto path = given_shipped_or_none(m_places_path, SHIPPED_PLACES); !path.empty())
            places = load_places(path);

        auto load = m_load.load_options(io);
        load.countries = &countries;
        const std::string path = given_or_shipped(m_inventory, SHIPPED_INVENTORY);
        const auto inventory = load_inventory(path, load);
        if (plan)  // a plan of another inventory would be drawn over the wrong sites
            check_plan_sites(*plan, inventory.sites, m_plan.path);
        print_warnings(io, "map", inventory.sites);

        CountryMapOptions options;
        options.colour_by = *parse_colour_by(m_colour_by);
        options.locale = io.locale;
        options.title = m_title;
        options.plan = plan ? &*plan : nullptr;
        options.priority_scores = ranking ? &*ranking : nullptr;
        options.context = &context;
        options.admin1 = admin1.empty() ? nullptr : &admin1;
        options.zoom_admin1 = m_admin1;
        options.places = &places;

        if (!inventory.rejects.empty())
            io.out << tr(io.locale, "cmd.map.rejected",
                         {{"rejected", format_count(static_cast<std::int64_t>(inventory.rejects.size()), io.locale.numbers)},
                          {"read", format_count(inventory.records_read, io.locale.numbers)}})
                   << "\n";
        if (!m_all) {
            draw(io, inventory.sites, countries, m_country, options, m_output);
            return 0;
        }
        const auto codes = countries_with_sites(inventory.sites, countries);
        if (codes.empty())
            throw input_error(path, "has no site in any country of " + boundaries_path + ": no map to draw");
        fs::create_directories(m_output);
        const auto progress = progress_bar(io);
        for (std::size_t i = 0; i < codes.size(); ++i) {
            if (progress)  // one stage: a stage per country would leave each one's bar short of 100%
                progress("maps", static_cast<double>(i) / static_cast<double>(codes.size()));
            draw(io, inventory.sites, countries, codes[i], options,
                 (fs::path(m_output) / (codes[i] + "." + m_format)).string());
        }
        if (progress)
            progress("maps", 1.0);
        return 0;
    }

private:
    /// The rules on option values (which options go together is declared in setup() with CLI11's
    /// needs/excludes); before any file is read.
    void check_options()
    {
        std::transform(m_country.begin(), m_country.end(), m_country.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        if (!m_all && m_country.empty())
            throw usage_error("give either --country ISO3 or --all");
        if (!m_all && find_lac_country(m_country) == nullptr)
            throw usage_error("unknown country '" + m_country +
                              "': give the ISO 3166-1 alpha-3 code of one of the 33 LAC countries, e.g. BRA");
        if (m_admin1_path == "none" && !m_admin1.empty())
            throw usage_error("--admin1 needs the states' boundaries: drop --admin1-boundaries none");
        if (m_all && m_format.empty())
            m_format = "png";
        if (!m_all && !is_map_extension(fs::path(m_output).extension().string()))
            throw usage_error("output '" + m_output + "' must end in .png, .svg, .pdf or .html");
        if (m_colour_by == "priority" && m_ranking.empty())
            throw usage_error("--color-by priority needs --ranking RANKING.csv (site_id, score), as basural "
                              "prioritize writes it");
        check_map_style(m_style);
    }

    void draw(Streams& io, const std::vector<Site>& sites, const CountryBoundaries& countries,
              const std::string& iso3, const CountryMapOptions& options, const std::string& file) const
    {
        MapStyle style = m_style;
        style.colour_by = options.colour_by;
        const auto scene = build_country_scene(sites, countries, iso3, options);
        render_map(scene, style, file);
        // The plan's facilities: its proposed ones and the existing landfills it uses.
        const auto facilities = std::count_if(scene.facilities.begin(), scene.facilities.end(), [](const MapFacility& f) {
            return f.kind != FacilityKind::existing_unused;
        });
        io.out << tr(io.locale, "cmd.map.written",
                     {{"country", iso3},
                      {"sites", tr_n(io.locale, "count.sites", static_cast<std::int64_t>(scene.points.size()))},
                      {"facilities", tr_n(io.locale, "count.facilities", facilities)},
                      {"file", file}})
               << "\n";
    }

    std::string m_inventory;
    std::string m_country;
    bool m_all = false;
    std::string m_admin1;
    std::string m_title;
    PlanInput m_plan;
    std::string m_ranking;
    std::string m_colour_by = "type";
    std::string m_admin1_path;
    std::string m_places_path;
    MapStyle m_style = default_map_style();
    std::string m_format;
    std::string m_output;
    InventoryOptions m_load;
};

const Registrar reg{"map", "Draw country maps of disposal sites: PNG, SVG, PDF or offline HTML",
                    [] { return std::make_unique<MapCommand>(); }};

}  // namespace
}  // namespace basural::app

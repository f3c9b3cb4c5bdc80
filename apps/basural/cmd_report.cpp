// basural report: the country report as one offline HTML page or an A4 PDF (docs/cli/report.md).
#include "admin1_input.hpp"
#include "command.hpp"
#include "domain_inputs.hpp"
#include "plan_input.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"
#include "basural/document/country_report.hpp"
#include "basural/document/document.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/maps/map_scene.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>

namespace basural::app {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

class ReportCommand : public Command {
public:
    void setup(CLI::App& sub) override
    {
        m_in.add_to(sub);
        sub.add_option("--country", m_options.country_iso3, "Country of the report, ISO 3166-1 alpha-3 (e.g. MEX)")
            ->required();
        sub.add_option("--admin1", m_options.admin1,
                       "One state (province, department) only: its code or name in the first-level units");
        m_admin1.add_to(sub);
        m_plan.add_to(sub, "Regional plan written by basural regionalize (GeoPackage or PG:); without it the report "
                           "makes the default plan for the country");
        sub.add_option("--max-haul-km", m_options.coverage.max_haul_km,
                       "A dump is within reach of an existing active sanitary landfill of its country at this geodesic "
                       "distance or less (default 50)")
            ->check(CLI::PositiveNumber);
        sub.add_option("--gwp", m_gwp, "GWP100 of CH4: ar5 (28, default) or ar6 (27, non-fossil)")
            ->check(CLI::IsMember({"ar5", "ar6"}));
        sub.add_option("--top", m_options.top_closures, "Dumps listed in the closure-priority table (default 20)")
            ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
        sub.add_option("--state-maps", m_state_maps,
                       "One map per state: auto (countries of 500,000 km2 or more), all or none (default auto)")
            ->check(CLI::IsMember({"auto", "all", "none"}));
        sub.add_option("-o,--output", m_output, "The report: .html (one offline page) or .pdf (A4)")->required();
        sub.footer("Headline figures, maps, a table per state, the regional plan, the dumps to close first, charts, "
                   "assumptions and sources, in the language of --lang (es, pt, en). Exit codes: 0 the report was "
                   "written, 1 the work failed (no site in the country, unreadable inputs, an output that cannot be "
                   "written), 2 the command line was wrong. See docs/cli/report.md.");
    }

    int run(Streams& io) override
    {
        const std::string ext = lower_extension(m_output);
        if (ext != ".html" && ext != ".pdf")
            throw usage_error("output '" + m_output + "' must end in .html or .pdf");
        std::string iso3 = m_options.country_iso3;
        std::transform(iso3.begin(), iso3.end(), iso3.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        const LacCountry* country = find_lac_country(iso3);
        if (!country)
            throw usage_error("unknown country '" + m_options.country_iso3 +
                              "': give the ISO 3166-1 alpha-3 code of one of the 33 LAC countries, e.g. MEX");
        m_options.country_iso3 = iso3;
        m_options.coverage.methane.reporting_year = m_in.year;
        m_options.coverage.methane.gwp100_ch4 = m_gwp == "ar6" ? GWP100_CH4_AR6_NON_FOSSIL : GWP100_CH4_AR5;
        m_options.state_maps = m_state_maps == "all" ? StateMaps::all : m_state_maps == "none" ? StateMaps::none : StateMaps::automatic;

        const std::string countries_path = given_or_shipped(m_in.load.countries_path, SHIPPED_COUNTRIES);
        const CountryBoundaries countries(countries_path);
        const auto units = m_admin1.load();
        auto plan = m_plan.read();
        const auto data = m_in.load_and_fill(io, &countries);
        if (!plan)
            plan = default_report_plan(data.inventory.sites, data.places, load_country_waste(m_in.country_waste()),
                                       countries, iso3);
        std::vector<MapCountry> context;
        if (const auto path = given_shipped_or_none({}, SHIPPED_WORLD_CONTEXT); !path.empty())
            context = read_map_context(path);  // optional: without it, only LAC neighbours are drawn

        CountryReportInputs inputs;
        inputs.inventory = &data.inventory;
        inputs.waste = &data.waste;
        inputs.places = &data.places;
        inputs.plan = &*plan;
        inputs.plan_source = m_plan.path;
        inputs.countries = &countries;
        inputs.admin1 = &units;
        inputs.context = &context;
        inputs.places_path = m_in.places().string();
        inputs.country_waste_path = m_in.country_waste().string();
        // The report reads as people of the country write: its words and its numbers.
        Locale locale = io.locale;
        locale.region = std::string(country->iso2);
        locale.numbers = number_style(locale.language, locale.region);
        const Document doc = build_country_report(inputs, m_options, locale);
        write_document(doc, m_output);

        std::size_t maps = 0;
        for (const auto& s : doc.sections)
            for (const auto& b : s.blocks)
                maps += std::holds_alternative<DocMap>(b) ? 1 : 0;
        io.out << tr(locale, "cmd.report.written",
                     {{"title", doc.title},
                      {"sections", tr_n(locale, "count.sections", static_cast<std::int64_t>(doc.sections.size()))},
                      {"maps", tr_n(locale, "count.maps", static_cast<std::int64_t>(maps))},
                      {"file", m_output}})
               << "\n";
        return 0;
    }

private:
    DomainInputs m_in;
    PlanInput m_plan;
    Admin1Input m_admin1;
    CountryReportOptions m_options;
    std::string m_gwp = "ar5";
    std::string m_state_maps = "auto";
    std::string m_output;
};

const Registrar reg{"report",
                    "The country report: headline figures, maps, states, the regional plan, closure priority, charts "
                    "and sources, as offline HTML or A4 PDF",
                    [] { return std::make_unique<ReportCommand>(); }};

}  // namespace
}  // namespace basural::app

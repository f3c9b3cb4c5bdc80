// regionalize, read_plan and the Plan object: the regional plan `basural regionalize` writes, made
// the same way from the same inventory and options, its layers as the columns write_plan writes.
#include "columns.hpp"
#include "handles.hpp"
#include "progress.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/inventory/admin1.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/places.hpp"
#include "basural/planning/plan_summary.hpp"
#include "basural/planning/regionalize.hpp"
#include "basural/planning/waste_estimate.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <sstream>

namespace basural::python {
namespace {

/// The options of `basural regionalize` beside the inventory and the output.
struct RegionalizeArguments {
    RegionalizeOptions options;
    std::optional<double> cost_a;
    std::optional<double> cost_b;
    std::optional<double> haul_cost_per_t_km;
    std::string matrix_path;
    std::string admin1_boundaries;  ///< "" = the shipped layer (--admin1-boundaries)
    std::string places_path;        ///< "" = the shipped places (--places)
    std::string country_waste_path; ///< "" = the shipped country figures (--country-waste)
    double waste_radius_km = 50.0;  ///< --waste-radius-km
    bool waste_estimate = true;
};

PlanHandle make_plan(const InventoryHandle& inventory, const RegionalizeArguments& a, const ProgressFn& progress)
{
    auto options = a.options;
    if (a.cost_a || a.cost_b || a.haul_cost_per_t_km)
        options.cost = CostModel{a.cost_a.value_or(0.0), a.cost_b.value_or(1.0), a.haul_cost_per_t_km.value_or(0.0)};
    if (!a.matrix_path.empty()) {
        options.matrix = read_travel_matrix(a.matrix_path);
        options.matrix_source = a.matrix_path;
    }
    if (options.threads > MAX_THREADS)
        throw usage_error("threads must be at most " + std::to_string(MAX_THREADS));
    // Unknown tonnage filled as the command fills it (fill_waste, the one rule of every command).
    const auto rates = load_country_waste(dataset_or(a.country_waste_path, SHIPPED_COUNTRY_WASTE));
    const auto places =
        a.waste_estimate ? load_places(dataset_or(a.places_path, SHIPPED_PLACES)) : std::vector<Place>{};
    WasteFillParams fill_params;
    fill_params.estimate.max_distance_m = a.waste_radius_km * 1000.0;
    fill_params.from_places = a.waste_estimate;
    const auto waste = fill_waste(inventory.inventory.sites, places, rates, fill_params);
    std::vector<Site> sites = waste.sites;
    options.implausible_waste = waste.implausible;
    // Per admin-1, sites without admin1_code get the unit they name or lie in, as the command does.
    std::optional<Admin1Boundaries> units;
    if (options.per_admin1) {
        units.emplace(dataset_or(a.admin1_boundaries, SHIPPED_ADMIN1));
        fill_admin1_codes(sites, *units);
    }
    PlanHandle h;
    {
        const std::lock_guard<std::mutex> lock(*inventory.lock);
        h.plan = regionalize(sites, options, *inventory.countries, progress);
    }
    if (options.per_admin1) {
        h.per_admin1 = true;
        h.part_names = part_names(h.plan, sites, units ? &*units : nullptr);
    }
    auto& p = h.plan.parameters;
    p["inventory"] = inventory.inventory.source;
    p["inventory_records_read"] = std::to_string(inventory.inventory.records_read);
    p["inventory_rejected_not_planned"] = std::to_string(inventory.inventory.rejects.size());
    p["waste_estimated_from_places"] = a.waste_estimate ? "yes" : "no";
    if (!a.matrix_path.empty())
        p["matrix"] = a.matrix_path;
    record_waste_sources(h.plan, waste);
    h.warnings = analysis_warnings(inventory.inventory, waste);
    return h;
}

/// The summary the command prints: with part_name when the plan was solved per admin-1.
ReportTable summary_of(const PlanHandle& h)
{
    return plan_summary_table(h.plan, h.per_admin1 ? &h.part_names : nullptr);
}

PlanHandle regionalize_inventory(const InventoryHandle& inventory, const RegionalizeArguments& arguments,
                                 py::object progress)
{
    const auto report = python_progress(std::move(progress));
    return without_gil([&] { return make_plan(inventory, arguments, report); });
}

py::list layers(const PlanHandle& h)
{
    py::list out;
    for (const auto& layer : plan_layer_tables(h.plan))
        out.append(plan_layer_dict(layer));
    return out;
}

}  // namespace

void bind_plan(py::module_& m)
{
    py::class_<RegionalizeArguments>(m, "RegionalizeArguments", "The options of regionalize (those of the command)")
        .def(py::init<>())
        .def_property(
            "countries", [](const RegionalizeArguments& a) { return a.options.countries; },
            [](RegionalizeArguments& a, std::vector<std::string> v) { a.options.countries = std::move(v); })
        .def_property(
            "max_haul_km", [](const RegionalizeArguments& a) { return a.options.max_haul_km; },
            [](RegionalizeArguments& a, double v) { a.options.max_haul_km = v; })
        .def_property(
            "min_t_per_day", [](const RegionalizeArguments& a) { return a.options.min_t_per_day; },
            [](RegionalizeArguments& a, double v) { a.options.min_t_per_day = v; })
        .def_property(
            "capacity_t_per_day", [](const RegionalizeArguments& a) { return a.options.capacity_t_per_day; },
            [](RegionalizeArguments& a, std::optional<double> v) { a.options.capacity_t_per_day = v; })
        .def_property(
            "reuse_existing", [](const RegionalizeArguments& a) { return a.options.reuse_existing; },
            [](RegionalizeArguments& a, bool v) { a.options.reuse_existing = v; })
        .def_property(
            "per_admin1", [](const RegionalizeArguments& a) { return a.options.per_admin1; },
            [](RegionalizeArguments& a, bool v) { a.options.per_admin1 = v; })
        .def_property(
            "cross_border", [](const RegionalizeArguments& a) { return a.options.allow_cross_border; },
            [](RegionalizeArguments& a, bool v) { a.options.allow_cross_border = v; })
        .def_property(
            "detour_factor", [](const RegionalizeArguments& a) { return a.options.detour_factor; },
            [](RegionalizeArguments& a, double v) { a.options.detour_factor = v; })
        .def_property(
            "threads", [](const RegionalizeArguments& a) { return a.options.threads; },
            [](RegionalizeArguments& a, std::size_t v) { a.options.threads = v; })
        .def_readwrite("cost_a", &RegionalizeArguments::cost_a)
        .def_readwrite("cost_b", &RegionalizeArguments::cost_b)
        .def_readwrite("haul_cost_per_t_km", &RegionalizeArguments::haul_cost_per_t_km)
        .def_readwrite("matrix_path", &RegionalizeArguments::matrix_path)
        .def_readwrite("admin1_boundaries", &RegionalizeArguments::admin1_boundaries)
        .def_readwrite("places_path", &RegionalizeArguments::places_path)
        .def_readwrite("country_waste_path", &RegionalizeArguments::country_waste_path)
        .def_readwrite("waste_radius_km", &RegionalizeArguments::waste_radius_km)
        .def_readwrite("waste_estimate", &RegionalizeArguments::waste_estimate);

    py::class_<PlanHandle>(m, "Plan", "A regional landfill plan")
        .def("layers", &layers)
        .def_property_readonly("parameters", [](const PlanHandle& h) { return h.plan.parameters; })
        .def_property_readonly("warnings", [](const PlanHandle& h) { return h.warnings; })
        .def_property_readonly("assumptions", [](const PlanHandle& h) { return plan_assumptions(h.plan); })
        .def("summary_table", [](const PlanHandle& h) { return report_table_columns(summary_of(h)); })
        .def(
            "summary_text",
            [](const PlanHandle& h, const std::string& format) {
                std::ostringstream out;
                write_report(out, {summary_of(h)}, parse_report_format(format));
                return out.str();
            },
            py::arg("format") = "table")
        .def(
            "write",
            [](const PlanHandle& h, const std::string& path) {
                without_gil([&] {
                    write_plan(h.plan, path);
                    return 0;
                });
            },
            py::arg("path"));
    m.def("regionalize", &regionalize_inventory, py::arg("inventory"), py::arg("arguments"),
          py::arg("progress") = py::none());
    m.def(
        "read_plan",
        [](const std::string& path) {
            return without_gil([&] {
                PlanHandle h;
                h.plan = read_plan(path);
                return h;
            });
        },
        py::arg("path"));
}

}  // namespace basural::python

// coverage, methane and prioritize: the tables `basural coverage`, `basural methane` and
// `basural prioritize` report, computed the same way from the same inputs: the inventory, the
// populated places and country waste figures that fill unknown tonnage, and a plan.
#include "columns.hpp"
#include "handles.hpp"
#include "progress.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/base/table_output.hpp"
#include "basural/inventory/admin1.hpp"
#include "basural/inventory/country_waste.hpp"
#include "basural/inventory/places.hpp"
#include "basural/reports/coverage.hpp"
#include "basural/reports/methane.hpp"
#include "basural/reports/methane_report.hpp"
#include "basural/reports/priority.hpp"

#include <pybind11/stl.h>

#include <optional>
#include <sstream>

namespace basural::python {
namespace {

/// What the three commands read besides the inventory (their DomainInputs), and the report options.
struct ReportArguments {
    std::string places_path;
    std::string country_waste_path;
    double waste_radius_km = 50.0;
    int year = DEFAULT_REPORTING_YEAR;
    std::string gwp = "ar5";
    double max_haul_km = DEFAULT_MAX_HAUL_KM;
    std::string plan_source = "plan";
    std::string weights_path;
    std::string by = "country";      ///< coverage rows: "country" or "admin1" (--by)
    std::string admin1_boundaries;   ///< "" = the shipped layer (--admin1-boundaries)
};

double gwp100(const ReportArguments& a)
{
    if (a.gwp != "ar5" && a.gwp != "ar6")
        throw usage_error("gwp must be 'ar5' (28) or 'ar6' (27, non-fossil), not '" + a.gwp + "'");
    return a.gwp == "ar6" ? GWP100_CH4_AR6_NON_FOSSIL : GWP100_CH4_AR5;
}

void check(const ReportArguments& a)
{
    if (!(a.waste_radius_km > 0.0))
        throw usage_error("waste_radius_km must be positive");
    if (a.year < 1900 || a.year > 2200)
        throw usage_error("year must be in [1900, 2200], not " + std::to_string(a.year));
    if (!(a.max_haul_km > 0.0))
        throw usage_error("max_haul_km must be positive");
    if (a.by != "country" && a.by != "admin1")
        throw usage_error("by must be 'country' or 'admin1', not '" + a.by + "'");
    gwp100(a);
}

/// The inventory's sites with unknown tonnage filled (fill_waste), and the places.
struct Filled {
    WasteEstimateResult waste;
    std::vector<Place> places;
};

Filled fill(const InventoryHandle& inventory, const ReportArguments& a)
{
    Filled f;
    f.places = load_places(dataset_or(a.places_path, SHIPPED_PLACES));
    const auto rates = load_country_waste(dataset_or(a.country_waste_path, SHIPPED_COUNTRY_WASTE));
    WasteFillParams wp;
    wp.estimate.max_distance_m = a.waste_radius_km * 1000.0;
    f.waste = fill_waste(inventory.inventory.sites, f.places, rates, wp);
    return f;
}

/// A report table kept whole: its columns for a DataFrame, its file (as the command's -o writes it)
/// and its text (as the command prints it with --format); with what the command prints beside it:
/// its warnings (stderr), its assumptions (stdout, before the table) and, for a result that is
/// empty, why (the command then exits 1).
struct TableHandle {
    ReportTable table;
    std::vector<std::string> warnings;
    std::vector<std::string> assumptions;
    std::optional<std::string> empty_reason;
};

ReportFormat format_of(const std::string& format)
{
    return parse_report_format(format);
}

TableHandle coverage(const InventoryHandle& inventory, const PlanHandle* plan, const ReportArguments& a)
{
    check(a);
    return without_gil([&] {
        const auto f = fill(inventory, a);
        CoverageParams p;
        p.max_haul_km = a.max_haul_km;
        p.methane.reporting_year = a.year;
        p.methane.gwp100_ch4 = gwp100(a);
        p.plan_source = a.plan_source;
        Admin1Groups groups;
        if (a.by == "admin1") {  // rows per state, then the country (coverage --by admin1)
            const Admin1Boundaries units(dataset_or(a.admin1_boundaries, SHIPPED_ADMIN1));
            groups = admin1_groups(f.waste.sites, f.places, plan ? &plan->plan : nullptr, &units);
            p.by_admin1 = &groups;
        }
        const auto report = compute_coverage(f.waste, f.places, plan ? &plan->plan : nullptr, p);
        return TableHandle{coverage_table(report), analysis_warnings(inventory.inventory, f.waste),
                           coverage_assumptions(report, f.waste), coverage_empty_reason(report)};
    });
}

std::pair<TableHandle, TableHandle> methane(const InventoryHandle& inventory, const ReportArguments& a)
{
    check(a);
    return without_gil([&] {
        const auto f = fill(inventory, a);
        MethaneParams p;
        p.reporting_year = a.year;
        p.gwp100_ch4 = gwp100(a);
        const auto estimates = estimate_methane(f.waste.sites, p);
        TableHandle countries{methane_country_table(estimates, p.reporting_year, p.gwp100_ch4),
                              analysis_warnings(inventory.inventory, f.waste),
                              {waste_sources_line(f.waste)},
                              methane_empty_reason(estimates)};
        return std::make_pair(TableHandle{methane_site_table(f.waste.sites, estimates, f.waste.implausible)},
                              std::move(countries));
    });
}

TableHandle prioritize(const InventoryHandle& inventory, const PlanHandle* plan, const ReportArguments& a)
{
    check(a);
    return without_gil([&] {
        PriorityParams p;
        if (!a.weights_path.empty())
            p.weights = load_priority_weights(a.weights_path);
        p.plan_source = a.plan_source;
        p.reporting_year = a.year;
        p.readiness_max_haul_km = a.max_haul_km;
        const auto f = fill(inventory, a);
        const auto rows = prioritize_closures(f.waste, f.places, plan ? &plan->plan : nullptr, p);
        return TableHandle{priority_table(rows), analysis_warnings(inventory.inventory, f.waste),
                           priority_assumptions(rows, f.waste, p), priority_empty_reason(rows)};
    });
}

}  // namespace

void bind_reports(py::module_& m)
{
    py::class_<ReportArguments>(m, "ReportArguments", "The inputs and options of coverage, methane and prioritize")
        .def(py::init<>())
        .def_readwrite("places_path", &ReportArguments::places_path)
        .def_readwrite("country_waste_path", &ReportArguments::country_waste_path)
        .def_readwrite("waste_radius_km", &ReportArguments::waste_radius_km)
        .def_readwrite("year", &ReportArguments::year)
        .def_readwrite("gwp", &ReportArguments::gwp)
        .def_readwrite("max_haul_km", &ReportArguments::max_haul_km)
        .def_readwrite("plan_source", &ReportArguments::plan_source)
        .def_readwrite("weights_path", &ReportArguments::weights_path)
        .def_readwrite("by", &ReportArguments::by)
        .def_readwrite("admin1_boundaries", &ReportArguments::admin1_boundaries);
    py::class_<TableHandle>(m, "ReportTable", "A report table as the command line writes it")
        .def_property_readonly("name", [](const TableHandle& h) { return h.table.name; })
        .def_property_readonly("title", [](const TableHandle& h) { return h.table.title; })
        .def_property_readonly("warnings", [](const TableHandle& h) { return h.warnings; })
        .def_property_readonly("assumptions", [](const TableHandle& h) { return h.assumptions; })
        .def_property_readonly("empty_reason", [](const TableHandle& h) { return h.empty_reason; })
        .def("columns", [](const TableHandle& h) { return report_table_columns(h.table); })
        .def(
            "text",
            [](const TableHandle& h, const std::string& format) {
                std::ostringstream out;
                write_report(out, {h.table}, format_of(format));
                return out.str();
            },
            py::arg("format") = "table")
        .def(
            "write",
            [](const TableHandle& h, const std::string& path) {
                without_gil([&] {
                    write_table_output(h.table, path);
                    return 0;
                });
            },
            py::arg("path"));
    m.def("coverage", &coverage, py::arg("inventory"), py::arg("plan"), py::arg("arguments"));
    m.def("methane", &methane, py::arg("inventory"), py::arg("arguments"));
    m.def("prioritize", &prioritize, py::arg("inventory"), py::arg("plan"), py::arg("arguments"));
}

}  // namespace basural::python

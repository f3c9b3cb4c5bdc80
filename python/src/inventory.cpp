// read_inventory and the Inventory object: the loader of basural import/validate with the same
// options, its sites as typed columns (as write_inventory writes them), its rejects and summary.
#include "columns.hpp"
#include "handles.hpp"
#include "progress.hpp"

#include "basural/base/datasets.hpp"
#include "basural/base/error.hpp"
#include "basural/inventory/mapping.hpp"
#include "basural/reports/inventory_summary.hpp"

#include <pybind11/stl.h>

#include <functional>
#include <map>
#include <optional>

namespace basural::python {

std::string dataset_or(const std::string& path, std::string_view file_name)
{
    return path.empty() ? find_dataset(file_name).string() : path;
}

std::vector<std::string> analysis_warnings(const Inventory& loaded, const WasteEstimateResult& waste)
{
    auto lines = unknown_warnings(unknown_shares(loaded.sites));
    const auto fill = waste_fill_warnings(waste);
    lines.insert(lines.end(), fill.begin(), fill.end());
    return lines;
}

namespace {

/// What read_inventory was asked, as the command line's loading options (InventoryOptions).
struct ReadArguments {
    std::string path;
    std::string layer;
    std::string crs;
    std::string mapping_path;
    std::string mapping_json;
    std::map<std::string, std::string> fields;
    std::map<std::string, std::string> defaults;
    std::string encoding;
    std::string countries_path;
    bool check_countries = true;
    double coastal_tolerance_m = DEFAULT_COASTAL_TOLERANCE_M;
    double near_duplicate_m = DEFAULT_NEAR_DUPLICATE_M;
    std::string near_duplicates = "merge";
    std::string header = "auto";
};

LoadOptions load_options(const ReadArguments& a)
{
    if (a.coastal_tolerance_m < 0.0)
        throw usage_error("coastal_tolerance_m must not be negative");
    if (a.near_duplicate_m < 0.0)
        throw usage_error("near_duplicate_m must not be negative");
    if (a.near_duplicates != "merge" && a.near_duplicates != "reject")
        throw usage_error("near_duplicates must be 'merge' or 'reject', not '" + a.near_duplicates + "'");
    if (a.header != "auto" && a.header != "yes" && a.header != "no")
        throw usage_error("header must be 'auto', 'yes' or 'no', not '" + a.header + "'");
    LoadOptions o;
    o.layer = a.layer;
    if (!a.crs.empty())
        o.source_crs = a.crs;
    if (!a.mapping_path.empty())
        o.mapping = load_field_mapping(a.mapping_path);
    if (!a.mapping_json.empty())
        o.mapping = parse_field_mapping(a.mapping_json, "mapping");
    // The same checks and messages as --field and --default.
    for (const auto& [field, column] : a.fields)
        add_field_assignment(o.mapping, field + "=" + column);
    for (const auto& [field, value] : a.defaults)
        add_default_assignment(o.mapping, field + "=" + value);
    o.encoding = a.encoding;
    o.check_countries = a.check_countries;
    o.coastal_tolerance_m = a.coastal_tolerance_m;
    o.near_duplicate_m = a.near_duplicate_m;
    o.near_duplicates = a.near_duplicates == "reject" ? NearDuplicates::reject : NearDuplicates::merge;
    o.header = a.header == "yes" ? HeaderRow::yes : a.header == "no" ? HeaderRow::no : HeaderRow::automatic;
    return o;
}

std::shared_ptr<InventoryHandle> read_inventory(const ReadArguments& a, py::object progress)
{
    auto options = load_options(a);
    options.progress = python_progress(std::move(progress));
    const std::string path = dataset_or(a.path, SHIPPED_INVENTORY);
    const std::string countries_path = dataset_or(a.countries_path, SHIPPED_COUNTRIES);
    auto handle = std::make_shared<InventoryHandle>();
    without_gil([&] {
        handle->countries = std::make_shared<const CountryBoundaries>(countries_path);
        options.countries = handle->countries.get();
        handle->inventory = load_inventory(path, options);
        return 0;
    });
    return handle;
}

// ---- sites as columns -----------------------------------------------------------------------------

std::optional<std::string> text_or_missing(const std::string& s)
{
    if (s.empty())
        return std::nullopt;
    return s;
}

using SiteColumn = std::function<void(Columns&, const std::vector<Site>&)>;

/// One column per schema field, valued as write_inventory writes it: empty text and unknown
/// vocabulary values are missing, yes/no fields are booleans.
const std::map<std::string, SiteColumn>& site_columns()
{
    using S = Site;
    static const std::map<std::string, SiteColumn> columns = [] {
        std::map<std::string, SiteColumn> t;
        auto text_field = [&t](const char* name, std::string S::*m) {
            t[name] = [name, m](Columns& c, const std::vector<Site>& sites) {
                c.text(name, sites, [m](const Site& s) { return text_or_missing(s.*m); });
            };
        };
        auto real_field = [&t](const char* name, std::optional<double> S::*m) {
            t[name] = [name, m](Columns& c, const std::vector<Site>& sites) {
                c.real(name, sites, [m](const Site& s) { return s.*m; });
            };
        };
        auto integer_field = [&t](const char* name, std::optional<int> S::*m) {
            t[name] = [name, m](Columns& c, const std::vector<Site>& sites) {
                c.integer(name, sites, [m](const Site& s) { return s.*m; });
            };
        };
        auto bool_field = [&t](const char* name, std::optional<bool> S::*m) {
            t[name] = [name, m](Columns& c, const std::vector<Site>& sites) {
                c.boolean(name, sites, [m](const Site& s) { return s.*m; });
            };
        };
        auto derived = [&t](const char* name, std::function<std::optional<std::string>(const Site&)> get) {
            t[name] = [name, get](Columns& c, const std::vector<Site>& sites) { c.text(name, sites, get); };
        };
        text_field("site_id", &S::site_id);
        text_field("name", &S::name);
        text_field("country", &S::country_iso3);
        text_field("admin1_name", &S::admin1_name);
        text_field("admin1_code", &S::admin1_code);
        text_field("municipality_name", &S::municipality_name);
        text_field("municipality_code", &S::municipality_code);
        t["lon"] = [](Columns& c, const std::vector<Site>& sites) {
            c.real("lon", sites, [](const Site& s) { return std::optional<double>(s.location.lon_deg); });
        };
        t["lat"] = [](Columns& c, const std::vector<Site>& sites) {
            c.real("lat", sites, [](const Site& s) { return std::optional<double>(s.location.lat_deg); });
        };
        derived("location_precision", [](const Site& s) { return std::string(to_string(s.location_precision)); });
        derived("site_type", [](const Site& s) { return std::string(to_string(s.site_type)); });
        derived("status", [](const Site& s) -> std::optional<std::string> {
            if (s.status == SiteStatus::unknown)
                return std::nullopt;
            return std::string(to_string(s.status));
        });
        real_field("area_ha", &S::area_ha);
        real_field("depth_m", &S::depth_m);
        real_field("waste_t_per_day", &S::waste_t_per_day);
        real_field("waste_in_place_t", &S::waste_in_place_t);
        integer_field("opening_year", &S::opening_year);
        integer_field("closure_year", &S::closure_year);
        bool_field("open_burning", &S::open_burning);
        integer_field("waste_pickers", &S::waste_pickers);
        integer_field("child_waste_pickers", &S::child_waste_pickers);
        derived("gas_capture", [](const Site& s) -> std::optional<std::string> {
            if (s.gas_capture == GasCapture::unknown)
                return std::nullopt;
            return std::string(to_string(s.gas_capture));
        });
        bool_field("receives_other_municipalities", &S::receives_other_municipalities);
        derived("provenance", [](const Site& s) { return std::string(to_string(s.provenance)); });
        derived("waste_provenance", [](const Site& s) -> std::optional<std::string> {
            if (!s.waste_provenance)
                return std::nullopt;
            return std::string(to_string(*s.waste_provenance));
        });
        text_field("source", &S::source);
        text_field("source_record", &S::source_record);
        derived("derived_fields", [](const Site& s) { return text_or_missing(format_derived_fields(s.derived_fields)); });
        derived("reporting_municipalities", [](const Site& s) {
            return text_or_missing(format_reporting_municipalities(s.reporting_municipalities));
        });
        return t;
    }();
    return columns;
}

}  // namespace

/// The sites' columns in site_schema_columns() order. A schema column this module does not know is
/// an error (the module is older than the library's schema), never a column silently left out.
py::list site_column_list(const std::vector<Site>& sites)
{
    Columns out;
    const auto& known = site_columns();
    for (const auto& name : site_schema_columns()) {
        const auto it = known.find(name);
        if (it == known.end())
            throw error("the Python module does not know the schema column '" + name +
                        "': python/src/inventory.cpp must be updated with the schema (docs/data-schema.md)");
        it->second(out, sites);
    }
    return out.take();
}

namespace {

py::list reject_columns(const std::vector<Reject>& rejects)
{
    Columns c;
    c.text("file", rejects, [](const Reject& r) { return std::optional<std::string>(r.file); });
    c.integer("record", rejects, [](const Reject& r) { return std::optional<std::int64_t>(r.record); });
    c.text("field", rejects, [](const Reject& r) { return std::optional<std::string>(r.field); });
    c.text("value", rejects, [](const Reject& r) { return std::optional<std::string>(r.value); });
    c.text("reason", rejects, [](const Reject& r) { return std::optional<std::string>(r.reason); });
    c.text("check", rejects, [](const Reject& r) { return std::optional<std::string>(r.check); });
    c.text("message", rejects, [](const Reject& r) { return std::optional<std::string>(r.message()); });
    return c.take();
}

py::list merge_columns(const std::vector<Merge>& merges)
{
    Columns c;
    c.integer("record", merges, [](const Merge& m) { return std::optional<std::int64_t>(m.record); });
    c.text("site_id", merges, [](const Merge& m) { return std::optional<std::string>(m.site_id); });
    c.integer("into_record", merges, [](const Merge& m) { return std::optional<std::int64_t>(m.into_record); });
    c.text("into_site_id", merges, [](const Merge& m) { return std::optional<std::string>(m.into_site_id); });
    c.real("distance_m", merges, [](const Merge& m) { return std::optional<double>(m.distance_m); });
    return c.take();
}

py::dict summary_tables(const Inventory& inventory)
{
    py::dict out;
    for (const auto& table : inventory_summary(inventory))
        out[py::str(table.name)] = report_table_columns(table);
    return out;
}

}  // namespace

void bind_inventory(py::module_& m)
{
    py::class_<InventoryHandle, std::shared_ptr<InventoryHandle>>(m, "Inventory",
                                                                 "An inventory loaded into the site schema")
        .def_property_readonly("source", [](const InventoryHandle& h) { return h.inventory.source; })
        .def_property_readonly("records_read", [](const InventoryHandle& h) { return h.inventory.records_read; })
        .def_property_readonly("loaded", [](const InventoryHandle& h) { return h.inventory.sites.size(); })
        .def_property_readonly("rejected", [](const InventoryHandle& h) { return h.inventory.rejects.size(); })
        .def_property_readonly("merged", [](const InventoryHandle& h) { return h.inventory.merges.size(); })
        .def_property_readonly("notices", [](const InventoryHandle& h) { return h.inventory.notices; })
        .def_property_readonly("warnings",
                               [](const InventoryHandle& h) { return unknown_warnings(unknown_shares(h.inventory.sites)); })
        .def("merge_columns", [](const InventoryHandle& h) { return merge_columns(h.inventory.merges); })
        .def_property_readonly("countries_path", [](const InventoryHandle& h) { return h.countries->path(); })
        .def("records_line", [](const InventoryHandle& h) { return records_line(h.inventory); })
        .def("site_columns", [](const InventoryHandle& h) { return site_column_list(h.inventory.sites); })
        .def("reject_columns", [](const InventoryHandle& h) { return reject_columns(h.inventory.rejects); })
        .def("summary_tables", [](const InventoryHandle& h) { return summary_tables(h.inventory); })
        .def(
            "write",
            [](const InventoryHandle& h, const std::string& path, const std::string& layer) {
                without_gil([&] {
                    write_inventory(h.inventory, path, layer);
                    return 0;
                });
            },
            py::arg("path"), py::arg("layer") = std::string(DEFAULT_INVENTORY_LAYER))
        .def(
            "write_rejects",
            [](const InventoryHandle& h, const std::string& path) { write_rejects(h.inventory.rejects, path); },
            py::arg("path"));

    py::class_<ReadArguments>(m, "ReadArguments", "The options of read_inventory (those of basural import)")
        .def(py::init<>())
        .def_readwrite("path", &ReadArguments::path)
        .def_readwrite("layer", &ReadArguments::layer)
        .def_readwrite("crs", &ReadArguments::crs)
        .def_readwrite("mapping_path", &ReadArguments::mapping_path)
        .def_readwrite("mapping_json", &ReadArguments::mapping_json)
        .def_readwrite("fields", &ReadArguments::fields)
        .def_readwrite("defaults", &ReadArguments::defaults)
        .def_readwrite("encoding", &ReadArguments::encoding)
        .def_readwrite("countries_path", &ReadArguments::countries_path)
        .def_readwrite("check_countries", &ReadArguments::check_countries)
        .def_readwrite("coastal_tolerance_m", &ReadArguments::coastal_tolerance_m)
        .def_readwrite("near_duplicate_m", &ReadArguments::near_duplicate_m)
        .def_readwrite("near_duplicates", &ReadArguments::near_duplicates)
        .def_readwrite("header", &ReadArguments::header);
    m.def("read_inventory", &read_inventory, py::arg("arguments"), py::arg("progress") = py::none());
}

}  // namespace basural::python

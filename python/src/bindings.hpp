#pragma once
// The basural Python module (_basural): one bind_<concept>() per source file, called by module.cpp.
// The C++ side wraps the library's public API only and hands plain columns (numpy arrays, lists of
// str) to the pure-Python layer (python/basural/), which builds pandas and GeoPandas frames.

#include <pybind11/pybind11.h>

namespace basural::python {

namespace py = pybind11;

void bind_errors(py::module_& m);     // errors.cpp: Error, UsageError, InputError, BackendError
void bind_inventory(py::module_& m);  // inventory.cpp: read_inventory, Inventory
void bind_cluster(py::module_& m);    // cluster.cpp: cluster
void bind_locate(py::module_& m);     // locate.cpp: locate on a matrix, points or tables
void bind_plan(py::module_& m);       // plan.cpp: regionalize, Plan, read_plan
void bind_reports(py::module_& m);    // reports.cpp: coverage, methane, prioritize
void bind_map(py::module_& m);        // map.cpp: country maps

}  // namespace basural::python

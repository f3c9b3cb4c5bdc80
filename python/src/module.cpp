// _basural: the compiled half of the basural Python package (python/basural/ is the other half).
#include "bindings.hpp"

#include "basural/base/datasets.hpp"

PYBIND11_MODULE(_basural, m)
{
    m.doc() = "basural's library for Python: use the basural package, which wraps this module";
    m.attr("__version__") = std::string(basural::version());
    basural::python::bind_errors(m);
    basural::python::bind_inventory(m);
    basural::python::bind_cluster(m);
    basural::python::bind_locate(m);
    basural::python::bind_plan(m);
    basural::python::bind_reports(m);
    basural::python::bind_map(m);
}

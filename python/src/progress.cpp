#include "progress.hpp"

#include <memory>
#include <string>

namespace basural::python {
namespace {

/// Holds the callable; the last reference may be dropped on a thread without the GIL (a copy of the
/// ProgressFn destroyed by the library), so the deleter takes the GIL to release it.
std::shared_ptr<py::object> hold(py::object callback)
{
    return {new py::object(std::move(callback)), [](py::object* p) {
                py::gil_scoped_acquire gil;
                delete p;
            }};
}

}  // namespace

ProgressFn python_progress(py::object callback)
{
    if (callback.is_none()) {
        // No callable: progress reports still notice Ctrl-C (KeyboardInterrupt) in the main thread.
        return [](std::string_view, double) {
            py::gil_scoped_acquire gil;
            if (PyErr_CheckSignals() != 0)
                throw py::error_already_set();
        };
    }
    if (!PyCallable_Check(callback.ptr()))
        throw py::type_error("progress must be callable as progress(stage: str, fraction: float)");
    auto held = hold(std::move(callback));
    return [held](std::string_view stage, double fraction) {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0)
            throw py::error_already_set();
        (*held)(py::str(std::string(stage)), fraction);
    };
}

}  // namespace basural::python

// The library's exceptions as the Python exceptions of basural/errors.py, with the same message:
// basural::usage_error -> UsageError, input_error -> InputError (with file, record, field, value,
// reason), backend_error -> BackendError, any other basural::error -> Error.
#include "bindings.hpp"

#include "basural/base/error.hpp"

namespace basural::python {
namespace {

/// Raises `kind` (a class of basural.errors) built from `args` and `kwargs`.
void raise(const char* kind, const py::tuple& args, const py::dict& kwargs = {})
{
    const py::object cls = py::module_::import("basural.errors").attr(kind);
    const py::object instance = cls(*args, **kwargs);
    PyErr_SetObject(cls.ptr(), instance.ptr());
}

void translate(std::exception_ptr p)
{
    try {
        if (p)
            std::rethrow_exception(p);
    } catch (const input_error& e) {
        py::dict details;
        details["file"] = e.file();
        details["record"] = e.record() >= 0 ? py::object(py::int_(e.record())) : py::object(py::none());
        details["field"] = e.field();
        details["value"] = e.value();
        details["reason"] = e.reason();
        raise("InputError", py::make_tuple(e.what()), details);
    } catch (const usage_error& e) {
        raise("UsageError", py::make_tuple(e.what()));
    } catch (const backend_error& e) {
        raise("BackendError", py::make_tuple(e.what()));
    } catch (const error& e) {
        raise("Error", py::make_tuple(e.what()));
    }
}

}  // namespace

void bind_errors(py::module_& /*m*/)
{
    py::register_exception_translator(&translate);
}

}  // namespace basural::python

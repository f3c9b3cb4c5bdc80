#pragma once
// Long library calls run with the GIL released (other Python threads go on meanwhile) and report
// progress through an optional Python callable progress(stage: str, fraction: float).

#include "bindings.hpp"

#include "basural/base/progress.hpp"

#include <utility>

namespace basural::python {

/// The library's progress callback for a Python callable (or None). The library may call it from its
/// worker threads while the GIL is released: each call takes the GIL, checks for a pending signal
/// (Ctrl-C, acted on when the call is on the main thread) and calls the callable if there is one.
/// An exception raised there, KeyboardInterrupt included, stops the library's work and reaches the
/// caller.
ProgressFn python_progress(py::object callback);

/// Runs `work` with the GIL released and returns its result. Python objects must not be touched
/// inside `work`, except through python_progress.
template <typename Work>
auto without_gil(Work&& work)
{
    py::gil_scoped_release release;
    return std::forward<Work>(work)();
}

}  // namespace basural::python

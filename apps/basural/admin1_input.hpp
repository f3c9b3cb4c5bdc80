#pragma once
/// \file admin1_input.hpp
/// --admin1-boundaries, the layer of first-level units that per-state figures rest on (coverage --by
/// admin1, info --by admin1, report): declared and loaded the same way in each.

#include "command.hpp"

#include "basural/inventory/admin1.hpp"

#include <string>

namespace basural::app {

struct Admin1Input {
    std::string path;  ///< "" = the shipped datasets/lac_admin1.geojson

    /// Declares --admin1-boundaries FILE.
    void add_to(CLI::App& sub);

    /// The units from `path` or the shipped layer; throws input_error naming the file when it cannot be read.
    Admin1Boundaries load() const;
};

}  // namespace basural::app

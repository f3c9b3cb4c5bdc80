#pragma once
/// \file plan_input.hpp
/// --plan, the regional plan written by basural regionalize that coverage, prioritize and map read:
/// declared and read the same way in each; the help text says what the command does with it.

#include "command.hpp"

#include "basural/planning/plan.hpp"

#include <optional>
#include <string>

namespace basural::app {

struct PlanInput {
    std::string path;  ///< "" without --plan

    /// Declares --plan (a GeoPackage or PG: source); `help` says what the command does with the plan.
    void add_to(CLI::App& sub, const std::string& help);

    /// The plan read from `path` (read_plan), or std::nullopt without --plan.
    std::optional<RegionalPlan> read() const;
};

}  // namespace basural::app

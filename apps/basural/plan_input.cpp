#include "plan_input.hpp"

namespace basural::app {

void PlanInput::add_to(CLI::App& sub, const std::string& help)
{
    sub.add_option("--plan", path, help);
}

std::optional<RegionalPlan> PlanInput::read() const
{
    if (path.empty())
        return std::nullopt;
    return read_plan(path);
}

}  // namespace basural::app

#pragma once
/// \file progress_bar.hpp
/// A stderr progress bar for long commands, drawn only when stderr is a terminal.

#include "command.hpp"

#include "basural/base/progress.hpp"

#include <ostream>
#include <string>

namespace basural::app {

/// Returns a ProgressFn that redraws "stage [#####     ] 42%" on io.err when it is a terminal,
/// and an empty function otherwise (so a successful run writes nothing to stderr). A new stage starts
/// a new line when the previous one did not reach 100%.
inline ProgressFn progress_bar(Streams& io)
{
    if (!io.err_is_terminal)
        return {};
    return [&io, last = -1, last_stage = std::string()](std::string_view stage, double fraction) mutable {
        const int percent = static_cast<int>(fraction * 100.0 + 0.5);
        if (percent == last && stage == last_stage)
            return;
        if (stage != last_stage && last >= 0 && last < 100)
            io.err << "\n";
        last = percent;
        last_stage = stage;
        const int filled = percent / 5;
        io.err << "\r" << stage << " [" << std::string(static_cast<std::size_t>(filled), '#')
               << std::string(static_cast<std::size_t>(20 - filled), ' ') << "] " << percent << "%";
        if (percent >= 100)
            io.err << "\n";
        io.err.flush();
    };
}

}  // namespace basural::app

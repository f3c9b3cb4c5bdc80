// Message catalogue, part 3: the summaries commands print for people (not log lines, not errors), in
// English, Spanish and Portuguese. Vocabulary: catalogue_terms.cpp.
#include "base/catalogue.hpp"

#include <array>

namespace basural::detail {
namespace {

constexpr std::array COMMANDS = std::to_array<CatalogueEntry>({
    // basural map
    {"cmd.map.written", "{country}: {sites}, {facilities} -> {file}", "{country}: {sites}, {facilities} -> {file}",
     "{country}: {sites}, {facilities} -> {file}"},
    {"cmd.map.rejected", "{rejected} of {read} records rejected and not drawn (basural validate explains them)",
     "{rejected} de {read} registros rechazados y no dibujados (basural validate explica por qué)",
     "{rejected} de {read} registros rejeitados e não desenhados (basural validate explica por quê)"},
});

}  // namespace

std::span<const CatalogueEntry> catalogue_commands()
{
    return COMMANDS;
}

}  // namespace basural::detail

#pragma once
// The parts of the message catalogue (basural/base/messages.hpp), one per source file: each returns its
// entries, which messages.cpp joins into one table.

#include "basural/base/messages.hpp"

#include <span>

namespace basural::detail {

/// Schema values (site types, statuses, provenance), countries, units and common counts.
std::span<const CatalogueEntry> catalogue_terms();
/// Map titles, legends, scale, sources and popups.
std::span<const CatalogueEntry> catalogue_maps();
/// Command summaries and the headings of compact terminal tables.
std::span<const CatalogueEntry> catalogue_commands();
/// Regional words (all parts).
std::span<const RegionalEntry> catalogue_regional();

}  // namespace basural::detail

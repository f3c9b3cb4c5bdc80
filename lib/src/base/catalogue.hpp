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
/// The country report (basural report).
std::span<const CatalogueEntry> catalogue_report();
/// Regional words (all parts but the report's).
std::span<const RegionalEntry> catalogue_regional();
/// Regional words of the report.
std::span<const RegionalEntry> catalogue_report_regional();

}  // namespace basural::detail

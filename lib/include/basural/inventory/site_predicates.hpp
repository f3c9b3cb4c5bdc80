#pragma once
/// \file site_predicates.hpp
/// Which sites each question is about, in one place: every command asks these rather than testing
/// types and statuses itself, so a rule (for instance what an `unknown` status counts as) changes
/// here and nowhere else. The rules and why: docs/data-schema.md (vocabularies),
/// docs/methods/regionalization.md (demand and existing landfills), docs/methods/exposure.md.

#include "basural/inventory/site.hpp"

namespace basural {

/// True for the site types that are inadequate disposal (open and controlled dumps).
bool is_inadequate(SiteType t) noexcept;

/// True for the statuses of a site that still receives waste: active, and closing (a closing site
/// receives waste until a destination exists). Progress between inventories.
bool status_receives_waste(SiteStatus s) noexcept;

/// A site receives a town's waste when it is a disposal site (open dump, controlled dump or sanitary
/// landfill) and its status is active. The waste estimate's allocation of towns to sites.
bool receives_waste(const Site& s) noexcept;

/// A site to be closed or upgraded: an inadequate site (open or controlled dump) that is active.
/// The reports' "active dump" (coverage, exposure, priority).
bool is_inadequate_active(const Site& s) noexcept;

/// An existing sanitary landfill that can receive waste today: type sanitary_landfill, status active.
bool is_active_sanitary_landfill(const Site& s) noexcept;

/// A site is demand (a dump to be replaced by a regional facility) when it is an open or controlled
/// dump whose status is active, closing or unknown (closing dumps still receive waste until a
/// destination exists; unknown status is planned for rather than assumed closed).
bool is_regional_demand(const Site& s) noexcept;

/// A site is an existing regional candidate when it is a sanitary landfill, active or of unknown status.
bool is_existing_landfill(const Site& s) noexcept;

/// True when a site's location or size comes from a model rather than an observation: estimated
/// provenance, estimated location precision, or an estimated tonnage.
bool site_is_estimated(const Site& s) noexcept;

}  // namespace basural

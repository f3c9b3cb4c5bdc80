#pragma once
/// \file site_predicates.hpp
/// Which sites each question is about, in one place: every command asks these rather than testing
/// types and statuses itself, so a rule changes here and nowhere else. The one rule for status
/// (docs/methods/site_rules.md): a status the inventory does not give (`unknown`) is treated as
/// receiving waste: a dump nobody reported closed is planned for, counted and ranked, never silently
/// dropped; every output that rests on that assumption says how many sites it concerns.
/// Vocabularies: docs/data-schema.md.

#include "basural/base/locale.hpp"
#include "basural/inventory/site.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

/// True for the site types that are inadequate disposal (open and controlled dumps).
bool is_inadequate(SiteType t) noexcept;

/// A status under which a site receives waste: active, closing (it receives waste until a
/// destination exists) or unknown (treated as receiving). Not inactive, closed or remediated.
bool status_receives_waste(SiteStatus status) noexcept;

/// A disposal site (open dump, controlled dump or sanitary landfill; not `other`: transfer stations,
/// sorting plants, hazardous-waste sites...) whose status receives waste. The waste estimate's
/// allocation of towns to sites.
bool receives_waste(const Site& s) noexcept;

/// An open or controlled dump that receives waste: the sites to be closed and replaced, the demand of
/// a regional plan, the sites coverage counts, prioritize ranks, exposure measures and progress
/// follows.
bool is_receiving_dump(const Site& s) noexcept;

/// An existing sanitary landfill that can take waste today: status active or unknown (a closing
/// landfill is not offered as a destination).
bool is_existing_landfill(const Site& s) noexcept;

/// A site that counts as receiving waste only because its status is unknown.
bool status_assumed_receiving(const Site& s) noexcept;

/// True when a site's location or size comes from a model rather than an observation: estimated
/// provenance, estimated location precision, or an estimated tonnage.
bool site_is_estimated(const Site& s) noexcept;

/// The rule in one line, for summaries and plan parameters.
inline constexpr std::string_view STATUS_RULE =
    "dumps with status active, closing or unknown receive waste (unknown status is treated as receiving)";

/// "Status: <STATUS_RULE>; <unknown> of the <dumps> receiving dumps have an unknown status."
/// In `locale`'s language (the message catalogue), counts in its digits.
std::string status_rule_line(std::size_t unknown, std::size_t dumps, const Locale& locale = Locale{});
/// The same line, counting the receiving dumps of `sites` and those of unknown status.
std::string status_rule_line(const std::vector<Site>& sites, const Locale& locale = Locale{});

}  // namespace basural

#pragma once
/// \file shared_sites.hpp
/// One site reported by several municipalities: near-duplicate records of the same type (a census
/// of municipalities lists an intermunicipal dump once per municipality) merged into one site that
/// keeps every reporting municipality (docs/data-schema.md, `reporting_municipalities`).

#include "basural/inventory/site.hpp"

namespace basural {

/// What loading does with a near duplicate (validation.hpp, step 9).
enum class NearDuplicates {
    merge,   ///< merge it into the earlier site as one shared site (merge_shared_site)
    reject,  ///< reject it (near_duplicate) as one site entered twice
};

/// Merges `later`, a near duplicate of `into` (same site_type), into `into`:
///  - reporting_municipalities becomes every municipality of both (each record's own municipality
///    when it has no list; a municipality once, by code, or by name when the code is unknown), and
///    receives_other_municipalities `yes`, both listed in derived_fields, when that makes at least
///    two municipalities; otherwise (the same municipality twice) both stay as they were;
///  - every other value of `into` stays; a value `into` lacks (unknown) is taken from `later`.
void merge_shared_site(Site& into, const Site& later);

}  // namespace basural

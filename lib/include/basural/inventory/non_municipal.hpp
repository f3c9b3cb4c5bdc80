#pragma once
/// \file non_municipal.hpp
/// Terms that show a site is not a municipal disposal site (a transfer station, a sorting or
/// composting plant, a hazardous, health-care or industrial waste facility): such a site is of type
/// `other` and left out of every analysis (docs/methods/site_rules.md, docs/mapping.md). The terms
/// are in the built-in vocabulary of site_type, and a site whose NAME contains one (and no word of
/// final disposal: "... y relleno", "... com vala para rejeitos") is loaded as `other` whatever its
/// type column says.

#include <optional>
#include <string_view>
#include <vector>

namespace basural {

/// The terms, normalised as normalize_term writes them (lower case, no accents), Spanish,
/// Portuguese and English.
const std::vector<std::string_view>& non_municipal_terms();

/// Beginnings of words that name a health-care waste handler in a site's name ("esteriliz", "steri":
/// "Esterilizadora del Norte", "STERIMED S.A. DE C.V.", "Stericycle"), normalised.
const std::vector<std::string_view>& non_municipal_stems();

/// The first term found in `text` (a site's name or type) as whole words after normalisation
/// ("ESTACIÓN DE TRANSFERENCIA SIMARE" -> "estacion de transferencia"); std::nullopt when none is.
std::optional<std::string_view> non_municipal_term(std::string_view text);

/// Words of final disposal (normalised): a name with one of them names a disposal site too
/// ("Usina de compostagem e destinação final", "Basurero ecológico (centro de acopio)").
const std::vector<std::string_view>& disposal_terms();

/// The non-municipal term of a site's name: a term of hazardous, health-care or industrial waste
/// ("residuos peligrosos", "RPBI", "RSS"), or a word beginning with one of non_municipal_stems()
/// (the stem is returned), or another term (transfer, sorting, composting) when the name has
/// no disposal term; the loader then makes the site `other`.
std::optional<std::string_view> non_municipal_name(std::string_view name);

}  // namespace basural

#pragma once
/// \file messages.hpp
/// The one message catalogue of basural's human text in English, Spanish and Portuguese: map titles,
/// legends and sources, report text, command summaries and the names of schema values (site types,
/// statuses, countries). Log lines and error messages stay in English.
///
/// A message is found by its key ("map.title") and written in the locale's language with its
/// placeholders ("{country}") replaced. Counted messages have two keys, "<key>:one" and
/// "<key>:other", and tr_n() picks the one the language's plural rule asks for, with "{n}" the count
/// written in the locale's number style. A region can override a word ("site_type.open_dump" is a
/// "tiradero a cielo abierto" in Mexico, a "basural a cielo abierto" in Argentina).
///
/// Why not gettext: it translates through the process's global locale (setlocale), which a library
/// must not change and which only works for locales the machine has generated; basural writes any
/// of its languages on any machine, several in one process.
///
/// The catalogue lives in lib/src/base/catalogue_*.cpp, one file per part of the program; a unit
/// test checks that every key has all three languages with the same placeholders.

#include "basural/base/locale.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basural {

/// Placeholder values: {"country", "Brasil"}, {"n", format_count(...)}.
using MessageArgs = std::vector<std::pair<std::string_view, std::string>>;

/// The message `key` in the locale's language (the region's word when it has one), with every
/// "{name}" replaced by its argument. Throws basural::error for a key the catalogue does not have or
/// a placeholder without an argument (a programming error, which the tests catch).
std::string tr(const Locale& locale, std::string_view key, const MessageArgs& args = {});

/// A counted message: "<key>:one" or "<key>:other" as the language's plural rule says for `n`, with
/// "{n}" replaced by n written in the locale's number style, and the other placeholders by `args`.
/// tr_n(es, "count.sites", 2240) == "2240 sitios"; tr_n(en, "count.sites", 1) == "1 site".
std::string tr_n(const Locale& locale, std::string_view key, std::int64_t n, const MessageArgs& args = {});

/// True when the catalogue has `key` (a plain key, or a counted key through its ":other" form).
bool has_message(std::string_view key) noexcept;

/// One entry of the catalogue: a key and its text in each language.
struct CatalogueEntry {
    std::string_view key;
    std::string_view en;
    std::string_view es;
    std::string_view pt;
};

/// A regional word: the text of `key` in `language` for readers in `region` (ISO 3166-1 alpha-2).
struct RegionalEntry {
    std::string_view key;
    Language language;
    std::string_view region;
    std::string_view text;
};

/// The whole catalogue, in the order of its source files (for the tests and the docs).
const std::vector<CatalogueEntry>& message_catalogue();
const std::vector<RegionalEntry>& regional_messages();

/// The "{name}" placeholders of a message text, sorted and without repeats.
std::vector<std::string> message_placeholders(std::string_view text);

}  // namespace basural

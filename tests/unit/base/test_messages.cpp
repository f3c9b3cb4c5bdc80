// The message catalogue (lib/src/base/messages.cpp, catalogue_*.cpp): every key in every language with
// the same placeholders, plural pairs complete, regional words, lookups.
#include "basural/base/error.hpp"
#include "basural/base/messages.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

using namespace basural;

namespace {

Locale loc(std::string_view tag)
{
    const auto l = parse_locale(tag);
    REQUIRE(l);
    return *l;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// The text without its placeholders and blanks: what a reader would read.
std::string words_of(std::string_view text)
{
    return std::regex_replace(std::string(text), std::regex("\\{[a-z0-9_]+\\}|[^A-Za-z\\x80-\\xff]"), "");
}

}  // namespace

TEST_CASE("every message key exists in English, Spanish and Portuguese with the same placeholders",
          "[messages]")
{
    const auto& entries = message_catalogue();
    REQUIRE(entries.size() > 100);
    std::set<std::string_view> keys;
    const std::regex key_pattern("[a-z0-9_]+(\\.[A-Za-z0-9_]+)+(:one|:other)?");
    for (const auto& e : entries) {
        INFO("key " << e.key);
        CHECK(keys.insert(e.key).second);  // no key twice
        CHECK(std::regex_match(std::string(e.key), key_pattern));
        CHECK_FALSE(e.en.empty());
        CHECK_FALSE(e.es.empty());
        CHECK_FALSE(e.pt.empty());
        CHECK(message_placeholders(e.es) == message_placeholders(e.en));
        CHECK(message_placeholders(e.pt) == message_placeholders(e.en));
        if (ends_with(e.key, ":one") || ends_with(e.key, ":other")) {
            const auto names = message_placeholders(e.en);  // the count, and maybe other arguments
            CHECK(std::find(names.begin(), names.end(), "n") != names.end());
        }
    }
    // Counted messages come in pairs.
    for (const auto& k : keys) {
        INFO("key " << k);
        if (ends_with(k, ":one"))
            CHECK(keys.count(std::string(k.substr(0, k.size() - 4)) + ":other") == 1);
        if (ends_with(k, ":other"))
            CHECK(keys.count(std::string(k.substr(0, k.size() - 6)) + ":one") == 1);
    }
}

TEST_CASE("Spanish and Portuguese texts are translations, not copies of the English", "[messages]")
{
    // Words that are the same in the three languages, or texts that are only placeholders.
    const std::set<std::string_view> same_word{"value.no",         "unit.km",        "map.north",
                                               "map.subtitle.plan", "map.popup.plan", "report.col.total"};
    for (const auto& e : message_catalogue()) {
        if (e.key.rfind("country.", 0) == 0 || same_word.count(e.key) != 0 || words_of(e.en).empty())
            continue;
        INFO("key " << e.key << ": " << e.en);
        CHECK(e.es != e.en);
        CHECK(e.pt != e.en);
    }
}

TEST_CASE("regional words replace a key's text for one region", "[messages]")
{
    std::set<std::string_view> keys;
    for (const auto& e : message_catalogue())
        keys.insert(e.key);
    for (const auto& r : regional_messages()) {
        INFO("regional " << r.key << " " << r.region);
        CHECK(keys.count(r.key) == 1);
        CHECK(std::regex_match(std::string(r.region), std::regex("[A-Z]{2}")));
        for (const auto& e : message_catalogue())
            if (e.key == r.key)
                CHECK(message_placeholders(r.text) == message_placeholders(e.en));
    }
    CHECK(tr(loc("es"), "site_type.open_dump") == "Botadero a cielo abierto");
    CHECK(tr(loc("es_MX"), "site_type.open_dump") == "Tiradero a cielo abierto");
    CHECK(tr(loc("es_AR"), "site_type.open_dump") == "Basural a cielo abierto");
    CHECK(tr(loc("es_PE"), "site_type.open_dump") == "Botadero a cielo abierto");
    CHECK(tr(loc("pt_BR"), "site_type.open_dump") == "Lixão");
    CHECK(tr_n(loc("es_MX"), "count.open_dumps", 1601) == "1601 tiraderos a cielo abierto");
}

TEST_CASE("tr fills placeholders; tr_n picks the plural form and writes the count", "[messages]")
{
    CHECK(tr(loc("en"), "map.title", {{"place", "Brazil"}}) == "Brazil: disposal sites");
    CHECK(tr(loc("es"), "map.title", {{"place", "Perú"}}) == "Perú: sitios de disposición final");
    CHECK(tr(loc("pt"), "map.title", {{"place", "Brasil"}}) == "Brasil: locais de disposição final");
    CHECK(tr(loc("pt"), "country.BRA") == "Brasil");
    CHECK(tr_n(loc("en"), "count.sites", 1) == "1 site");
    CHECK(tr_n(loc("en"), "count.sites", 4415) == "4,415 sites");
    CHECK(tr_n(loc("es"), "count.sites", 0) == "0 sitios");
    CHECK(tr_n(loc("es"), "count.sites", 25862) == "25\u202f862 sitios");
    CHECK(tr_n(loc("pt"), "count.sites", 0) == "0 local");  // CLDR pt: 0 takes the singular
    CHECK(tr_n(loc("pt"), "count.open_dumps", 4415) == "4.415 lixões");
    CHECK(tr_n(loc("pt_PT"), "count.sites", 0) == "0 locais");
    CHECK(has_message("count.sites"));
    CHECK(has_message("map.title"));
    CHECK_FALSE(has_message("map.no_such_key"));
    CHECK_THROWS_AS(tr(loc("en"), "map.no_such_key"), error);
    CHECK_THROWS_WITH(tr(loc("en"), "map.title"), Catch::Contains("needs a value for {place}"));
}

TEST_CASE("a summary line built of counted parts agrees in number part by part", "[messages]")
{
    // regionalize's plan line: each part takes its own count's form (by hand, CLDR rules above).
    const auto line = [](const Locale& l, std::int64_t facilities, std::int64_t assigned, std::int64_t unused) {
        return tr(l, "cmd.regionalize.written",
                  {{"target", "plan.gpkg"},
                   {"facilities", tr_n(l, "count.facilities", facilities)},
                   {"assigned", tr_n(l, "cmd.regionalize.assigned", assigned)},
                   {"unserved", tr_n(l, "cmd.regionalize.unserved", 0)},
                   {"unused", tr_n(l, "cmd.regionalize.unused", unused)}});
    };
    CHECK(line(loc("en"), 1, 12, 2) ==
          "Plan written to plan.gpkg: 1 facility, 12 sites assigned, 0 unserved, 2 existing landfills not used.");
    CHECK(line(loc("es"), 3, 1, 1) == "Plan escrito en plan.gpkg: 3 instalaciones, 1 sitio asignado, 0 sin atender, "
                                      "1 relleno sanitario existente sin usar.");
    CHECK(line(loc("pt"), 2, 12345, 0) == "Plano gravado em plan.gpkg: 2 instalações, 12.345 locais alocados, "
                                          "0 não atendido, 0 aterro sanitário existente não utilizado.");
}

// The site predicates against the rules as documented (docs/methods/site_rules.md,
// docs/methods/regionalization.md, docs/methods/exposure.md, docs/data-schema.md), written out here as tables of every type and
// status: which sites each question is about.
#include "basural/inventory/site_predicates.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace basural;

namespace {

const SiteType TYPES[] = {SiteType::open_dump, SiteType::controlled_dump, SiteType::sanitary_landfill, SiteType::other};
const SiteStatus STATUSES[] = {SiteStatus::active, SiteStatus::inactive, SiteStatus::closing,
                               SiteStatus::closed, SiteStatus::remediated, SiteStatus::unknown};

Site site_of(SiteType t, SiteStatus s)
{
    Site site;
    site.site_type = t;
    site.status = s;
    return site;
}

using Cell = std::pair<SiteType, SiteStatus>;

/// Checks `predicate` on every (type, status): true exactly on `expected`.
template <class Predicate>
void check_table(Predicate predicate, const std::set<Cell>& expected)
{
    for (const auto t : TYPES)
        for (const auto s : STATUSES) {
            INFO(to_string(t) << " / " << to_string(s));
            CHECK(predicate(site_of(t, s)) == (expected.count({t, s}) == 1));
        }
}

}  // namespace

TEST_CASE("inadequate site types are open and controlled dumps", "[site]")
{
    CHECK(is_inadequate(SiteType::open_dump));
    CHECK(is_inadequate(SiteType::controlled_dump));
    CHECK_FALSE(is_inadequate(SiteType::sanitary_landfill));
    CHECK_FALSE(is_inadequate(SiteType::other));
}

TEST_CASE("a site receives waste while active, closing or of unknown status; type other never does",
          "[site][site_predicates]")
{
    // docs/methods/site_rules.md: unknown status is treated as receiving.
    for (const auto s : STATUSES) {
        INFO(to_string(s));
        CHECK(status_receives_waste(s) ==
              (s == SiteStatus::active || s == SiteStatus::closing || s == SiteStatus::unknown));
    }
    std::set<Cell> receiving;
    for (const auto t : {SiteType::open_dump, SiteType::controlled_dump, SiteType::sanitary_landfill})
        for (const auto s : {SiteStatus::active, SiteStatus::closing, SiteStatus::unknown})
            receiving.insert({t, s});
    check_table([](const Site& s) { return receives_waste(s); }, receiving);
    std::set<Cell> assumed;
    for (const auto t : {SiteType::open_dump, SiteType::controlled_dump, SiteType::sanitary_landfill})
        assumed.insert({t, SiteStatus::unknown});
    check_table(status_assumed_receiving, assumed);
}

TEST_CASE("the dumps every command counts include closing and unknown ones; existing landfills include unknown ones",
          "[site][site_predicates]")
{
    check_table(is_receiving_dump, {{SiteType::open_dump, SiteStatus::active},
                                    {SiteType::open_dump, SiteStatus::closing},
                                    {SiteType::open_dump, SiteStatus::unknown},
                                    {SiteType::controlled_dump, SiteStatus::active},
                                    {SiteType::controlled_dump, SiteStatus::closing},
                                    {SiteType::controlled_dump, SiteStatus::unknown}});
    check_table(is_existing_landfill, {{SiteType::sanitary_landfill, SiteStatus::active},
                                       {SiteType::sanitary_landfill, SiteStatus::unknown}});
}

TEST_CASE("the status rule's line counts the receiving dumps and those of unknown status", "[site][site_predicates]")
{
    const std::vector<Site> sites{site_of(SiteType::open_dump, SiteStatus::active),
                                  site_of(SiteType::open_dump, SiteStatus::unknown),
                                  site_of(SiteType::controlled_dump, SiteStatus::closed),
                                  site_of(SiteType::sanitary_landfill, SiteStatus::unknown),
                                  site_of(SiteType::other, SiteStatus::unknown)};
    CHECK(status_rule_line(sites) == "Status: " + std::string(STATUS_RULE) + "; 1 of the 2 receiving dumps have an "
                                                                               "unknown status.");
    // In the reader's language (the catalogue), the rule too; the plural follows the dumps counted.
    CHECK(status_rule_line(sites, *parse_locale("es")) ==
          "Estado: los botaderos con estado activo, en cierre o desconocido reciben residuos (el estado desconocido se "
          "trata como si recibiera); 1 de los 2 botaderos que reciben residuos tienen estado desconocido.");
    CHECK(status_rule_line(0, 1, *parse_locale("pt")) ==
          "Situação: os lixões com situação ativa, em encerramento ou desconhecida recebem resíduos (a situação "
          "desconhecida é tratada como se recebesse); 0 do 1 lixão que recebe resíduos tem situação desconhecida.");
    CHECK(status_rule_line(1234, 5678) == "Status: " + std::string(STATUS_RULE) +
                                              "; 1,234 of the 5,678 receiving dumps have an unknown status.");
}

TEST_CASE("a site is estimated by its provenance, its location or its tonnage", "[site][site_predicates]")
{
    Site s = site_of(SiteType::open_dump, SiteStatus::active);
    s.provenance = Provenance::observed;
    s.location_precision = LocationPrecision::surveyed;
    CHECK_FALSE(site_is_estimated(s));
    s.waste_provenance = Provenance::estimated;  // no tonnage: nothing estimated to show
    CHECK_FALSE(site_is_estimated(s));
    s.waste_t_per_day = 12.0;
    CHECK(site_is_estimated(s));
    s.waste_provenance = Provenance::observed;
    CHECK_FALSE(site_is_estimated(s));
    s.location_precision = LocationPrecision::municipal_seat;
    CHECK_FALSE(site_is_estimated(s));
    s.location_precision = LocationPrecision::estimated;
    CHECK(site_is_estimated(s));
    s.location_precision = LocationPrecision::surveyed;
    s.provenance = Provenance::estimated;
    CHECK(site_is_estimated(s));
}

// Sites that are not municipal disposal sites: recognised by their type term or their name.
#include "basural/inventory/mapping.hpp"
#include "basural/inventory/non_municipal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace basural;

TEST_CASE("names of transfer stations, sorting plants and hazardous-waste sites are recognised", "[non_municipal]")
{
    // INEGI CNGMD 2015 and SNIS names, as published
    CHECK(non_municipal_name("ESTACION DE TRANSFERENCIA SIMARE") == "estacion de transferencia");
    CHECK(non_municipal_name("PLANTA DE SELECCION SANTA CATARINA") == "planta de seleccion");
    CHECK(non_municipal_name("Estação de Transbordo de Resíduos") == "estacao de transbordo");
    // a landfill for hazardous or medical waste is not a municipal site either
    CHECK(non_municipal_name("Relleno de residuos peligrosos y biológico-infecciosos") == "residuos peligrosos");
    CHECK(non_municipal_name("Confinamiento de residuos peligrosos") == "residuos peligrosos");
    CHECK(non_municipal_name("Planta RPBI Norte") == "rpbi");
    CHECK(non_municipal_name("RPBIS") == std::nullopt);  // whole words only
    // medical-waste handlers, names as published: INEGI CNGMD 2015 (a 'sitio controlado' in Jalisco),
    // SNIS (Brazil's health-waste trenches, a disused incinerator)
    CHECK(non_municipal_name("STERIMED S.A. DE C.V.") == "steri");
    CHECK(non_municipal_name("Stericycle Gestión Ambiental") == "steri");
    CHECK(non_municipal_name("Esterilizadora de residuos del Bajío") == "esteriliz");
    CHECK(non_municipal_name("Centro de esterilização de resíduos") == "esteriliz");
    CHECK(non_municipal_name("Vala para RSS") == "rss");
    CHECK(non_municipal_name("VALA ESPECÍFICA DE RSS") == "rss");
    CHECK(non_municipal_name("Incinerador desativado") == "incinerador");
    CHECK(non_municipal_name("Planta de tratamiento de desechos hospitalarios") == "desechos hospitalarios");
    CHECK(non_municipal_name("Aterro de resíduos de serviços de saúde") == "residuos de servicos de saude");
    CHECK(non_municipal_name("Incineración de residuos biológico-infecciosos") == "biologico infecciosos");
    // a stem begins a word; a municipal site for household and health waste is still a dump
    CHECK(non_municipal_name("Lixão de Presidente Médici") == std::nullopt);
    CHECK(non_municipal_name("RANCHO LA SALUD") == std::nullopt);
    CHECK(non_municipal_name("Aterro para Resíduos Domésticos e de Saúde") == std::nullopt);
    CHECK(non_municipal_name("Basurero Monasterio") == std::nullopt);
    // a name that also says final disposal names a disposal site
    CHECK(non_municipal_name("Usina de Compostagem de Lixo e Destinação Final de Resíduos Sólidos") == std::nullopt);
    CHECK(non_municipal_name("Usina de triagem e compostagem com vala para aterramento de rejeitos.") == std::nullopt);
    CHECK(non_municipal_name("BASURERO ECOLOGICO (CENTRO DE ACOPIO)") == std::nullopt);
    CHECK(non_municipal_name("RELLENO SANITARIO PORTEZUELOS") == std::nullopt);
    CHECK(non_municipal_name("") == std::nullopt);
}

TEST_CASE("the terms are in the built-in vocabulary of site_type as other", "[non_municipal][mapping]")
{
    const auto& v = builtin_vocabulary("site_type");
    for (const auto term : non_municipal_terms()) {
        INFO(term);
        const auto it = std::find_if(v.begin(), v.end(), [&](const VocabularyEntry& e) { return e.term == term; });
        REQUIRE(it != v.end());
        CHECK(it->value == "other");
        CHECK(normalize_term(term) == term);  // stored as they are matched
    }
    CHECK(non_municipal_term("Estación de transferencia") == "estacion de transferencia");
}

// The legend (lib/src/maps/map_legend.cpp): words from the catalogue in the scene's language.
#include "map_fixture.hpp"

using namespace basural;
using namespace basural::test::maps;

TEST_CASE("legend words come from the catalogue in the scene's language", "[map][lang]")
{
    MapScene s = fixture_scene();
    s.locale = locale_of("es");
    PointColours c = colour_points(s, ColourBy::type);
    CHECK(c.heading == "Tipo de sitio");
    CHECK(c.legend[0].label == "Botadero a cielo abierto");
    CHECK(c.legend[2].label == "Relleno sanitario");
    CHECK(c.legend[4].label == "Transfer station");  // not a schema value: the key made readable
    s.locale = locale_of("pt_BR");
    c = colour_points(s, ColourBy::type);
    CHECK(c.heading == "Tipo de local");
    CHECK(c.legend[0].label == "Lixão");
    s.locale = locale_of("es_MX");
    CHECK(colour_points(s, ColourBy::type).legend[0].label == "Tiradero a cielo abierto");
    CHECK(colour_points(s, ColourBy::priority).legend[0].label == "0.00 (mínima)");  // es-MX: decimal point
    s.locale = locale_of("pt");
    CHECK(colour_points(s, ColourBy::priority).legend[4].label == "1,00 (máxima)");
}

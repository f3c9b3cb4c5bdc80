// Field mappings and vocabularies: parsing mapping files and --field pairs, case- and
// accent-insensitive terms, user vocabularies extending the built-in one.
#include "basural/inventory/countries.hpp"
#include "basural/base/error.hpp"
#include "basural/inventory/mapping.hpp"

#include "unit/unit_data.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace basural;

TEST_CASE("terms are compared without case, accents or separators", "[mapping]")
{
    CHECK(normalize_term("  Lixão_a céu-aberto ") == "lixao a ceu aberto");
    CHECK(normalize_term("RELLENO SANITARIO") == "relleno sanitario");
    CHECK(normalize_term("Sí") == "si");
    CHECK(normalize_term("NÃO") == "nao");
    CHECK(normalize_term("Ñandú\xC2\xA0Çã") == "nandu ca");  // no-break space is a blank
    CHECK(normalize_term("open_dump") == "open dump");
    CHECK(normalize_term("s/d") == "s d");
    CHECK(normalize_term("") == "");
    CHECK(normalize_term("日本") == "日本");  // other scripts are kept as they are
}

TEST_CASE("the built-in vocabulary knows Spanish, Portuguese and English terms", "[mapping]")
{
    const Vocabulary v;
    CHECK(v.lookup("site_type", "Lixão") == "open_dump");
    CHECK(v.lookup("site_type", "LIXAO") == "open_dump");
    CHECK(v.lookup("site_type", "Aterro controlado") == "controlled_dump");
    CHECK(v.lookup("site_type", "botadero") == "open_dump");
    CHECK(v.lookup("site_type", "Tiradero a cielo abierto") == "open_dump");
    CHECK(v.lookup("site_type", "relleno sanitario") == "sanitary_landfill");
    CHECK(v.lookup("site_type", "Aterro Sanitário") == "sanitary_landfill");
    CHECK(v.lookup("site_type", "open_dump") == "open_dump");  // the schema's own spelling
    CHECK(v.lookup("site_type", "Open Dump") == "open_dump");
    CHECK_FALSE(v.lookup("site_type", "xyz").has_value());
    CHECK_FALSE(v.lookup("site_type", "").has_value());
    CHECK_FALSE(v.lookup("site_type", "unknown").has_value());  // a site always has a type
    CHECK(v.lookup("status", "Em operação") == "active");
    CHECK(v.lookup("status", "clausurado") == "closed");
    CHECK(v.lookup("status", "unknown") == "unknown");
    CHECK(v.lookup("open_burning", "Sim") == "yes");
    CHECK(v.lookup("open_burning", "Não") == "no");
    CHECK(v.lookup("open_burning", "Sí") == "yes");
    CHECK(v.lookup("open_burning", "1") == "yes");
    CHECK(v.lookup("receives_other_municipalities", "false") == "no");
    CHECK(v.lookup("gas_capture", "quema en antorcha") == "flaring");
    CHECK_FALSE(v.lookup("name", "anything").has_value());  // not a vocabulary field
}

TEST_CASE("countries are recognised by code, number or name", "[mapping]")
{
    const Vocabulary v;
    CHECK(v.lookup("country", "BRA") == "BRA");
    CHECK(v.lookup("country", "bra") == "BRA");
    CHECK(v.lookup("country", "BR") == "BRA");
    CHECK(v.lookup("country", "076") == "BRA");
    CHECK(v.lookup("country", "76") == "BRA");
    CHECK(v.lookup("country", "Brasil") == "BRA");
    CHECK(v.lookup("country", "Brazil") == "BRA");
    CHECK(v.lookup("country", "México") == "MEX");
    CHECK(v.lookup("country", "República Dominicana") == "DOM");
    CHECK(v.lookup("country", "Dominica") == "DMA");
    CHECK(v.lookup("country", "Haití") == "HTI");
    CHECK_FALSE(v.lookup("country", "USA").has_value());
    CHECK_FALSE(v.lookup("country", "Spain").has_value());
}

TEST_CASE("every built-in term maps to a value the schema allows", "[mapping]")
{
    for (const auto& field : vocabulary_fields()) {
        const auto allowed = allowed_values(field);
        REQUIRE_FALSE(allowed.empty());
        for (const auto& e : builtin_vocabulary(field)) {
            INFO(field << ": " << e.term << " -> " << e.value);
            CHECK(std::find(allowed.begin(), allowed.end(), e.value) != allowed.end());
        }
    }
    CHECK(allowed_values("country").size() == lac_countries().size());
}

TEST_CASE("a mapping file gives fields, values and defaults", "[mapping]")
{
    const auto m = load_field_mapping(basural::test::data_path("mapping_example.json"));
    CHECK(m.fields.at("site_id") == "ID_SITIO");
    CHECK(m.fields.at("waste_t_per_day") == "TONELADAS_DIA");
    CHECK(m.values.at("site_type").at("Vala") == "open_dump");
    CHECK(m.defaults.at("country") == "Brasil");
    CHECK(m.defaults.at("source") == "Inventário estadual 2023");

    const Vocabulary v(m);
    CHECK(v.lookup("site_type", "vala") == "open_dump");             // user term, matched loosely
    CHECK(v.lookup("status", "DESATIVADA") == "closed");              // user term
    CHECK(v.lookup("status", "desativado") == "inactive");            // built-in still there
    CHECK(v.lookup("open_burning", "as vezes") == "yes");
}

TEST_CASE("user terms override built-in ones", "[mapping]")
{
    const auto m = parse_field_mapping(R"({"values": {"site_type": {"botadero": "controlled_dump"}}})", "inline");
    CHECK(Vocabulary(m).lookup("site_type", "Botadero") == "controlled_dump");
    CHECK(Vocabulary().lookup("site_type", "Botadero") == "open_dump");
}

TEST_CASE("bad mapping files are refused naming the key", "[mapping]")
{
    CHECK_THROWS_WITH(parse_field_mapping(R"({"fields": {"sitio": "X"}})", "m.json"),
                      Catch::Contains("m.json") && Catch::Contains("'sitio'") && Catch::Contains("not a schema field"));
    CHECK_THROWS_WITH(parse_field_mapping(R"({"values": {"site_type": {"Lixão": "dump"}}})", "m.json"),
                      Catch::Contains("'dump'") && Catch::Contains("not a site_type value"));
    CHECK_THROWS_WITH(parse_field_mapping(R"({"values": {"name": {"a": "b"}}})", "m.json"),
                      Catch::Contains("has no vocabulary"));
    CHECK_THROWS_WITH(parse_field_mapping(R"({"field": {}})", "m.json"), Catch::Contains("not a mapping section"));
    CHECK_THROWS_WITH(parse_field_mapping(R"({"fields": )", "m.json"), Catch::Contains("not valid JSON"));
    CHECK_THROWS_WITH(parse_field_mapping(R"({"values": {"country": {"Brasil": "BR"}}})", "m.json"),
                      Catch::Contains("not a country value"));
    CHECK(parse_field_mapping(R"({"values": {"country": {"Brazilië": "bra"}}})", "m.json").values.at("country").at("Brazilië") == "BRA");
    CHECK_THROWS_AS(load_field_mapping(basural::test::data_path("no_such_mapping.json")), input_error);
}

TEST_CASE("field and default pairs from the command line", "[mapping]")
{
    FieldMapping m;
    add_field_assignment(m, "site_id=ID_SITIO");
    add_field_assignment(m, " site_type = TIPO ");
    add_default_assignment(m, "country=BRA");
    CHECK(m.fields.at("site_id") == "ID_SITIO");
    CHECK(m.fields.at("site_type") == "TIPO");
    CHECK(m.defaults.at("country") == "BRA");
    CHECK_THROWS_AS(add_field_assignment(m, "site_id"), usage_error);
    CHECK_THROWS_WITH(add_field_assignment(m, "sitio=X"), Catch::Contains("not a schema field"));
    CHECK_THROWS_AS(add_field_assignment(m, "site_id="), usage_error);

    FieldMapping extra;
    add_field_assignment(extra, "site_id=OTHER");
    merge_mapping(m, extra);
    CHECK(m.fields.at("site_id") == "OTHER");
    CHECK(m.fields.at("site_type") == "TIPO");
}

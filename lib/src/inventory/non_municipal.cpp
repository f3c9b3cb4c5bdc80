#include "basural/inventory/non_municipal.hpp"

#include "basural/inventory/mapping.hpp"

#include <string>

namespace basural {

namespace {

/// Waste that is not municipal: a site for it is not a municipal disposal site even when it is a
/// landfill ("relleno de residuos peligrosos").
const std::vector<std::string_view>& not_municipal_waste_terms()
{
    static const std::vector<std::string_view> terms{
        // Spanish: hazardous (peligrosos), biological-infectious (RPBI, Mexico's NOM-087), hospital and
        // medical waste, its sterilisation and incineration
        "residuos peligrosos", "biologico infecciosos", "biologico infeccioso", "rpbi", "residuos hospitalarios",
        "desechos hospitalarios", "desechos peligrosos", "residuos biologicos", "residuos medicos",
        "desechos medicos", "residuos biosanitarios", "residuos infecciosos", "incinerador", "incineradora",
        "incineracion", "autoclave", "residuos industriales", "relleno de seguridad",
        // Portuguese: resíduos perigosos, de serviços de saúde (RSS), hospitalares, incineração
        "residuos perigosos", "residuos de servicos de saude", "residuos de servico de saude", "rss",
        "residuos hospitalares", "lixo hospitalar", "residuos infectantes", "incineracao", "aterro industrial",
        // English
        "hazardous waste", "medical waste", "healthcare waste", "industrial waste", "incinerator"};
    return terms;
}

/// Beginnings of words that name the sterilisation of medical waste, also in firms' names
/// (esterilización, esterilizadora, esterilização; Sterimed, Stericycle): matched at the start of a
/// word, in names only (they are not vocabulary terms of a type column).
const std::vector<std::string_view>& not_municipal_waste_stems()
{
    static const std::vector<std::string_view> stems{"esteriliz", "steri"};
    return stems;
}

}  // namespace

const std::vector<std::string_view>& non_municipal_terms()
{
    static const std::vector<std::string_view> terms = [] {
        std::vector<std::string_view> t{
        // transfer stations
        "estacion de transferencia", "planta de transferencia", "centro de transferencia",
        "estacion de transbordo", "estacao de transbordo", "estacao de transferencia", "transfer station",
        // sorting, recycling and composting plants
        "planta de separacion", "planta de seleccion", "planta de clasificacion", "planta de reciclaje",
        "centro de acopio", "planta de composta", "planta de compostaje", "usina de triagem", "unidade de triagem",
        "central de triagem", "galpao de triagem", "usina de compostagem", "sorting plant",
        "material recovery facility", "composting plant"};
        // hazardous, health-care and industrial waste
        const auto& waste = not_municipal_waste_terms();
        t.insert(t.end(), waste.begin(), waste.end());
        return t;
    }();
    return terms;
}

namespace {

/// ' w1 w2 ... ': normalised, every character that is not a letter or digit read as a blank, so that
/// terms match whole words (" rpbi " but not "rpbis").
std::string words_of(std::string_view text)
{
    std::string words = " ";
    for (const char c : normalize_term(text)) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word)
            words += c;
        else if (words.back() != ' ')
            words += ' ';
    }
    if (words.back() != ' ')
        words += ' ';
    return words;
}

std::optional<std::string_view> first_in(const std::string& words, const std::vector<std::string_view>& terms)
{
    for (const auto term : terms) {
        std::string word = " ";  // built by appending (GCC 12 -Wrestrict false positive on prepending)
        word += term;
        word += ' ';
        if (words.find(word) != std::string::npos)
            return term;
    }
    return std::nullopt;
}

/// The first stem that begins a word of `words`.
std::optional<std::string_view> first_stem_in(const std::string& words, const std::vector<std::string_view>& stems)
{
    for (const auto stem : stems) {
        std::string start = " ";  // built by appending (GCC 12 -Wrestrict false positive on prepending)
        start += stem;
        if (words.find(start) != std::string::npos)
            return stem;
    }
    return std::nullopt;
}

}  // namespace

const std::vector<std::string_view>& non_municipal_stems()
{
    return not_municipal_waste_stems();
}

const std::vector<std::string_view>& disposal_terms()
{
    static const std::vector<std::string_view> terms{
        "relleno", "tiradero", "botadero", "basurero", "basural", "vertedero", "disposicion final", "aterro",
        "lixao", "vazadouro", "vala", "valas", "rejeito", "rejeitos", "destinacao final", "disposicao final",
        "landfill", "dump", "dumpsite"};
    return terms;
}

std::optional<std::string_view> non_municipal_name(std::string_view name)
{
    const std::string words = words_of(name);
    if (const auto waste = first_in(words, not_municipal_waste_terms()))
        return waste;  // a site for hazardous, health-care or industrial waste, landfill or not
    if (const auto stem = first_stem_in(words, not_municipal_waste_stems()))
        return stem;
    const auto term = first_in(words, non_municipal_terms());
    if (!term || first_in(words, disposal_terms()))
        return std::nullopt;
    return term;
}

std::optional<std::string_view> non_municipal_term(std::string_view text)
{
    return first_in(words_of(text), non_municipal_terms());
}

}  // namespace basural

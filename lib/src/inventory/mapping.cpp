#include "basural/inventory/mapping.hpp"
#include "basural/inventory/non_municipal.hpp"

#include "base/text.hpp"
#include "basural/inventory/countries.hpp"
#include "basural/base/error.hpp"
#include "basural/base/input_file.hpp"
#include "basural/base/limits.hpp"
#include "basural/inventory/site.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace basural {
namespace {

// Latin-1 Supplement letters U+00C0..U+00FF without their accents, lower case ("" = keep as is).
constexpr std::array<const char*, 64> LATIN1_FOLD{
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

const std::vector<std::string>& schema_fields() { return site_schema_columns(); }

bool is_schema_field(std::string_view f)
{
    const auto& cols = schema_fields();
    return std::find(cols.begin(), cols.end(), f) != cols.end();
}

std::string list_of(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

using Entries = std::vector<VocabularyEntry>;

const Entries SITE_TYPE_TERMS{
    // open dumps
    {"open dump", "open_dump"}, {"dump", "open_dump"}, {"dumpsite", "open_dump"}, {"dump site", "open_dump"},
    {"uncontrolled dump", "open_dump"}, {"lixao", "open_dump"}, {"lixao a ceu aberto", "open_dump"},
    {"vazadouro", "open_dump"}, {"vazadouro a ceu aberto", "open_dump"}, {"botadero", "open_dump"},
    {"botadero a cielo abierto", "open_dump"}, {"botadero municipal", "open_dump"}, {"basural", "open_dump"},
    {"basural a cielo abierto", "open_dump"}, {"basurero", "open_dump"}, {"basurero a cielo abierto", "open_dump"},
    {"tiradero", "open_dump"}, {"tiradero a cielo abierto", "open_dump"}, {"vertedero a cielo abierto", "open_dump"},
    {"vertedero incontrolado", "open_dump"}, {"vertedero no controlado", "open_dump"},
    {"sitio de disposicion final no controlado", "open_dump"},
    // controlled dumps ("controlled landfill" in What a Waste 2.0's vocabulary)
    {"controlled dump", "controlled_dump"}, {"controlled landfill", "controlled_dump"},
    {"aterro controlado", "controlled_dump"}, {"botadero controlado", "controlled_dump"},
    {"vertedero controlado", "controlled_dump"}, {"basural controlado", "controlled_dump"},
    {"tiradero controlado", "controlled_dump"}, {"relleno controlado", "controlled_dump"},
    {"sitio controlado", "controlled_dump"},
    // sanitary landfills
    {"sanitary landfill", "sanitary_landfill"}, {"engineered landfill", "sanitary_landfill"},
    {"aterro sanitario", "sanitary_landfill"}, {"relleno sanitario", "sanitary_landfill"},
    {"relleno sanitario manual", "sanitary_landfill"}, {"relleno sanitario mecanizado", "sanitary_landfill"},
    {"relleno sanitario semimecanizado", "sanitary_landfill"}, {"relleno sanitario regional", "sanitary_landfill"},
    // other
    {"otro", "other"}, {"otra", "other"}, {"outro", "other"}, {"outra", "other"},
};

const Entries STATUS_TERMS{
    {"activo", "active"}, {"activa", "active"}, {"ativo", "active"}, {"ativa", "active"},
    {"en operacion", "active"}, {"em operacao", "active"}, {"operando", "active"}, {"operating", "active"},
    {"in operation", "active"}, {"open", "active"}, {"abierto", "active"}, {"aberto", "active"},
    {"inactivo", "inactive"}, {"inactiva", "inactive"}, {"inativo", "inactive"}, {"inativa", "inactive"},
    {"desactivado", "inactive"}, {"desativado", "inactive"}, {"abandonado", "inactive"},
    {"abandoned", "inactive"}, {"fuera de operacion", "inactive"}, {"fora de operacao", "inactive"},
    {"en cierre", "closing"}, {"en proceso de cierre", "closing"}, {"em encerramento", "closing"},
    {"em processo de encerramento", "closing"}, {"cierre en curso", "closing"},
    {"cerrado", "closed"}, {"cerrada", "closed"}, {"clausurado", "closed"}, {"clausurada", "closed"},
    {"encerrado", "closed"}, {"encerrada", "closed"}, {"fechado", "closed"}, {"fechada", "closed"},
    {"remediado", "remediated"}, {"remediada", "remediated"}, {"saneado", "remediated"},
    {"recuperado", "remediated"}, {"recuperada", "remediated"}, {"rehabilitado", "remediated"},
    {"desconocido", "unknown"}, {"desconhecido", "unknown"}, {"sin dato", "unknown"}, {"sin datos", "unknown"},
    {"sem informacao", "unknown"}, {"s d", "unknown"}, {"n d", "unknown"}, {"no data", "unknown"},
};

const Entries YES_NO_TERMS{
    {"y", "yes"}, {"true", "yes"}, {"1", "yes"}, {"si", "yes"}, {"s", "yes"}, {"sim", "yes"},
    {"n", "no"}, {"false", "no"}, {"0", "no"}, {"nao", "no"},
    {"desconocido", "unknown"}, {"desconhecido", "unknown"}, {"sin dato", "unknown"}, {"sin datos", "unknown"},
    {"sem informacao", "unknown"}, {"nao sabe", "unknown"}, {"no sabe", "unknown"}, {"s d", "unknown"},
    {"n d", "unknown"}, {"no data", "unknown"},
};

const Entries GAS_CAPTURE_TERMS{
    {"no", "none"}, {"ninguno", "none"}, {"ninguna", "none"}, {"nenhum", "none"}, {"nenhuma", "none"},
    {"sin captura", "none"}, {"sem captacao", "none"}, {"nao", "none"},
    {"drenaje", "drainage"}, {"drenagem", "drainage"}, {"venteo", "drainage"}, {"venteo pasivo", "drainage"},
    {"passive venting", "drainage"}, {"venting", "drainage"}, {"drenos", "drainage"},
    {"flare", "flaring"}, {"quema", "flaring"}, {"queima", "flaring"}, {"antorcha", "flaring"}, {"tocha", "flaring"},
    {"quema en antorcha", "flaring"}, {"queima em flare", "flaring"},
    {"energia", "energy"}, {"electricity", "energy"}, {"generacion electrica", "energy"},
    {"aproveitamento energetico", "energy"}, {"aprovechamiento energetico", "energy"}, {"biogas energy", "energy"},
    {"desconocido", "unknown"}, {"desconhecido", "unknown"}, {"sin dato", "unknown"}, {"sem informacao", "unknown"},
};

const Entries PRECISION_TERMS{
    {"gps", "surveyed"}, {"survey", "surveyed"}, {"levantado", "surveyed"}, {"medido", "surveyed"},
    {"municipal seat", "municipal_seat"}, {"municipality", "municipal_seat"}, {"cabecera municipal", "municipal_seat"},
    {"sede municipal", "municipal_seat"}, {"sede do municipio", "municipal_seat"},
    {"estimado", "estimated"}, {"estimada", "estimated"}, {"aproximado", "estimated"}, {"approximate", "estimated"},
};

const Entries PROVENANCE_TERMS{
    {"observado", "observed"}, {"observada", "observed"}, {"derivado", "derived"}, {"derivada", "derived"},
    {"estimado", "estimated"}, {"estimada", "estimated"}, {"modelado", "estimated"}, {"modelled", "estimated"},
    {"modeled", "estimated"},
};

// Country names in Spanish and Portuguese, and common long forms (English names, ISO2 and ISO
// numeric codes come from lac_countries()).
const Entries COUNTRY_ALIASES{
    {"antigua y barbuda", "ATG"}, {"antigua e barbuda", "ATG"}, {"antigua and barb", "ATG"},
    {"the bahamas", "BHS"}, {"belice", "BLZ"}, {"bolivia plurinational state of", "BOL"},
    {"estado plurinacional de bolivia", "BOL"}, {"brasil", "BRA"}, {"republica dominicana", "DOM"},
    {"dominican rep", "DOM"}, {"granada", "GRD"}, {"haiti", "HTI"}, {"mexico", "MEX"}, {"panama", "PAN"},
    {"peru", "PER"}, {"san cristobal y nieves", "KNA"}, {"sao cristovao e nevis", "KNA"},
    {"st kitts and nevis", "KNA"}, {"santa lucia", "LCA"}, {"st lucia", "LCA"},
    {"san vicente y las granadinas", "VCT"}, {"sao vicente e granadinas", "VCT"},
    {"st vincent and the grenadines", "VCT"}, {"st vin and gren", "VCT"}, {"surinam", "SUR"},
    {"trinidad y tobago", "TTO"}, {"trinidad e tobago", "TTO"}, {"venezuela bolivarian republic of", "VEN"},
    {"republica bolivariana de venezuela", "VEN"},
};

const Entries& country_terms()
{
    static const Entries terms = [] {
        Entries e = COUNTRY_ALIASES;
        for (const auto& c : lac_countries()) {
            e.push_back({c.iso2, c.iso3});
            e.push_back({c.iso_n3, c.iso3});
            e.push_back({c.name, c.iso3});
        }
        return e;
    }();
    return terms;
}

const Entries NO_TERMS{};

}  // namespace

const std::vector<std::string>& vocabulary_fields()
{
    static const std::vector<std::string> fields{
        "country", "location_precision", "site_type", "status", "open_burning", "gas_capture",
        "receives_other_municipalities", "provenance", "waste_provenance"};
    return fields;
}

bool is_vocabulary_field(std::string_view field) noexcept
{
    const auto& f = vocabulary_fields();
    return std::find(f.begin(), f.end(), field) != f.end();
}

std::vector<std::string> allowed_values(std::string_view field)
{
    if (field == "country") {
        std::vector<std::string> out;
        for (const auto& c : lac_countries())
            out.emplace_back(c.iso3);
        return out;
    }
    if (field == "location_precision")
        return {"surveyed", "municipal_seat", "estimated"};
    if (field == "site_type")
        return {"open_dump", "controlled_dump", "sanitary_landfill", "other"};
    if (field == "status")
        return {"active", "inactive", "closing", "closed", "remediated", "unknown"};
    if (field == "open_burning" || field == "receives_other_municipalities")
        return {"yes", "no", "unknown"};
    if (field == "gas_capture")
        return {"none", "drainage", "flaring", "energy", "unknown"};
    if (field == "provenance")
        return {"observed", "derived", "estimated"};
    if (field == "waste_provenance")
        return {"observed", "derived", "estimated", "unknown"};
    return {};
}

std::string normalize_term(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    auto put = [&](std::string_view piece) {
        if (pending_space && !out.empty())
            out += ' ';
        pending_space = false;
        out += piece;
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_' || c == '-' || c == '/' || c == '.') {
                pending_space = true;
            } else {
                const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
                put(std::string_view(&lower, 1));
            }
            ++i;
            continue;
        }
        // Two-byte sequences C2/C3 xx cover U+0080..U+00FF.
        if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
            const auto c2 = static_cast<unsigned char>(s[i + 1]);
            const unsigned cp = ((c & 0x1Fu) << 6) | (c2 & 0x3Fu);
            if ((c2 & 0xC0u) == 0x80u) {
                if (cp == 0xA0) {  // no-break space
                    pending_space = true;
                } else if (cp >= 0xC0 && *LATIN1_FOLD[cp - 0xC0] != '\0') {
                    put(LATIN1_FOLD[cp - 0xC0]);
                } else {
                    put(s.substr(i, 2));
                }
                i += 2;
                continue;
            }
        }
        put(s.substr(i, 1));
        ++i;
    }
    return out;
}

/// The site types, and the terms of sites that are not municipal disposal sites (non_municipal.hpp) as `other`.
const Entries& site_type_terms()
{
    static const Entries terms = [] {
        Entries t = SITE_TYPE_TERMS;
        for (const auto term : non_municipal_terms())
            t.push_back({term, "other"});
        return t;
    }();
    return terms;
}

const std::vector<VocabularyEntry>& builtin_vocabulary(std::string_view field)
{
    if (field == "site_type")
        return site_type_terms();
    if (field == "status")
        return STATUS_TERMS;
    if (field == "open_burning" || field == "receives_other_municipalities")
        return YES_NO_TERMS;
    if (field == "gas_capture")
        return GAS_CAPTURE_TERMS;
    if (field == "location_precision")
        return PRECISION_TERMS;
    if (field == "provenance" || field == "waste_provenance")
        return PROVENANCE_TERMS;
    if (field == "country")
        return country_terms();
    return NO_TERMS;
}

Vocabulary::Vocabulary() : Vocabulary(FieldMapping{}) {}

Vocabulary::Vocabulary(const FieldMapping& mapping)
{
    for (const auto& field : vocabulary_fields()) {
        auto& terms = m_terms[field];
        for (const auto& v : allowed_values(field))
            terms[normalize_term(v)] = v;
        for (const auto& e : builtin_vocabulary(field))
            terms[normalize_term(e.term)] = std::string(e.value);
        if (field == "country")  // ISO numeric codes also without their leading zeros ("76")
            for (const auto& c : lac_countries())
                terms[std::to_string(std::stoi(std::string(c.iso_n3)))] = std::string(c.iso3);
        if (const auto it = mapping.values.find(field); it != mapping.values.end())
            for (const auto& [term, value] : it->second)
                terms[normalize_term(term)] = value;
    }
}

std::optional<std::string> Vocabulary::lookup(std::string_view field, std::string_view term) const
{
    const auto f = m_terms.find(std::string(field));
    if (f == m_terms.end())
        return std::nullopt;
    const auto key = normalize_term(term);
    if (key.empty())
        return std::nullopt;
    const auto t = f->second.find(key);
    if (t == f->second.end())
        return std::nullopt;
    return t->second;
}

namespace {

void check_schema_field(const std::string& field, const std::string& origin, const std::string& where)
{
    if (!is_schema_field(field))
        throw input_error(origin, -1, where, field,
                          "is not a schema field (fields: " + list_of(schema_fields()) + ")");
}

std::string json_scalar_text(const nlohmann::json& v, const std::string& origin, const std::string& where)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_number_integer())
        return std::to_string(v.get<long long>());
    if (v.is_number())
        return v.dump();
    if (v.is_boolean())
        return v.get<bool>() ? "yes" : "no";
    throw input_error(origin, -1, where, v.dump(), "must be a string");
}

std::string checked_target(const std::string& field, const std::string& value, const std::string& origin,
                           const std::string& where)
{
    const auto allowed = allowed_values(field);
    std::string v = std::string(detail::trim_blanks(value));
    if (field == "country")
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
        throw input_error(origin, -1, where, value, "is not a " + field + " value (allowed: " + list_of(allowed) + ")");
    return v;
}

}  // namespace

FieldMapping parse_field_mapping(std::string_view json_text, const std::string& origin)
{
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number too large
        throw input_error(origin, std::string("is not valid JSON: ") + e.what());
    }
    if (!doc.is_object())
        throw input_error(origin, "a mapping file must be a JSON object with \"fields\", \"values\" and/or \"defaults\"");
    FieldMapping m;
    for (const auto& [key, section] : doc.items()) {
        if (key == "comment" || key.rfind('_', 0) == 0)
            continue;
        if (key != "fields" && key != "values" && key != "defaults")
            throw input_error(origin, -1, "key", key, "is not a mapping section (use \"fields\", \"values\", \"defaults\")");
        if (!section.is_object())
            throw input_error(origin, -1, key, section.dump(), "must be a JSON object");
        for (const auto& [field, v] : section.items()) {
            const std::string where = key + "." + field;
            check_schema_field(field, origin, key);
            if (key == "fields") {
                const auto column = std::string(detail::trim_blanks(json_scalar_text(v, origin, where)));
                if (column.empty())
                    throw input_error(origin, -1, where, "", "names no source column");
                m.fields[field] = column;
            } else if (key == "defaults") {
                m.defaults[field] = std::string(detail::trim_blanks(json_scalar_text(v, origin, where)));
            } else {
                if (!is_vocabulary_field(field))
                    throw input_error(origin, -1, "values", field,
                                      "has no vocabulary (fields with one: " + list_of(vocabulary_fields()) + ")");
                if (!v.is_object())
                    throw input_error(origin, -1, where, v.dump(), "must be a JSON object of \"source term\": \"schema value\"");
                for (const auto& [term, target] : v.items())
                    m.values[field][term] =
                        checked_target(field, json_scalar_text(target, origin, where + "." + term), origin, where + "." + term);
            }
        }
    }
    return m;
}

FieldMapping load_field_mapping(const std::string& path)
{
    return parse_field_mapping(read_input_file(path, MAX_JSON_FILE_BYTES), path);
}

namespace {

std::pair<std::string, std::string> split_assignment(std::string_view assignment, const char* option)
{
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos)
        throw usage_error(std::string(option) + " '" + std::string(assignment) +
                          "' is not of the form schema_field=value");
    auto field = std::string(detail::trim_blanks(assignment.substr(0, eq)));
    auto value = std::string(detail::trim_blanks(assignment.substr(eq + 1)));
    if (!is_schema_field(field))
        throw usage_error(std::string(option) + " '" + std::string(assignment) + "': '" + field +
                          "' is not a schema field (fields: " + list_of(schema_fields()) + ")");
    return {std::move(field), std::move(value)};
}

}  // namespace

void add_field_assignment(FieldMapping& mapping, std::string_view assignment)
{
    auto [field, column] = split_assignment(assignment, "--field");
    if (column.empty())
        throw usage_error("--field '" + std::string(assignment) + "' names no source column");
    mapping.fields[field] = column;
}

void add_default_assignment(FieldMapping& mapping, std::string_view assignment)
{
    auto [field, value] = split_assignment(assignment, "--default");
    mapping.defaults[field] = value;
}

void merge_mapping(FieldMapping& base, const FieldMapping& extra)
{
    for (const auto& [k, v] : extra.fields)
        base.fields[k] = v;
    for (const auto& [k, v] : extra.defaults)
        base.defaults[k] = v;
    for (const auto& [field, terms] : extra.values)
        for (const auto& [t, v] : terms)
            base.values[field][t] = v;
}

}  // namespace basural

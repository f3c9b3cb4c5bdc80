#pragma once
/// \file mapping.hpp
/// How a source's columns and values map onto the site schema (docs/mapping.md): which source
/// column feeds each schema field, how source terms ("Lixão", "relleno sanitario", "Sí") translate
/// into the schema's vocabularies, and defaults for fields the source lacks.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace basural {

/// A mapping file's content, or the same built from command-line pairs. Every key is a schema
/// field (site_schema_columns()).
struct FieldMapping {
    /// schema field -> source column (matched case-insensitively)
    std::map<std::string, std::string> fields;
    /// schema field -> source term -> schema value. Terms match case- and accent-insensitively.
    std::map<std::string, std::map<std::string, std::string>> values;
    /// schema field -> value used when the source has no column for the field or the record's
    /// value is empty. Values of vocabulary fields go through the vocabulary.
    std::map<std::string, std::string> defaults;

    bool empty() const noexcept { return fields.empty() && values.empty() && defaults.empty(); }
};

/// Reads a mapping file: {"fields": {...}, "values": {...}, "defaults": {...}} (all optional).
/// Throws input_error naming the file and the offending key or value (unknown schema field,
/// vocabulary target that is not a schema value, JSON syntax error).
FieldMapping load_field_mapping(const std::string& path);

/// The same from JSON text; `origin` names the text in error messages.
FieldMapping parse_field_mapping(std::string_view json_text, const std::string& origin);

/// Adds one "schema_field=source_column" pair (the --field option); throws usage_error when the
/// text has no '=', the schema field is unknown, or the column is empty.
void add_field_assignment(FieldMapping& mapping, std::string_view assignment);

/// Adds one "schema_field=value" default (the --default option); throws usage_error likewise.
void add_default_assignment(FieldMapping& mapping, std::string_view assignment);

/// Copies `extra`'s entries into `base`; on a clash `extra` wins.
void merge_mapping(FieldMapping& base, const FieldMapping& extra);

/// The schema fields whose values go through a vocabulary: country, location_precision,
/// site_type, status, open_burning, gas_capture, receives_other_municipalities, provenance,
/// waste_provenance.
const std::vector<std::string>& vocabulary_fields();

/// True for a field of vocabulary_fields().
bool is_vocabulary_field(std::string_view field) noexcept;

/// The schema values a vocabulary field accepts ("open_dump", ...; "yes", "no", "unknown" for
/// the yes/no fields; the 33 ISO3 codes for country).
std::vector<std::string> allowed_values(std::string_view field);

/// The form terms are compared in: lower case, accents removed (á -> a, ç -> c, ñ -> n...),
/// '_', '-', '/' and '.' read as spaces, runs of blanks collapsed, trimmed.
/// "  Lixão_a céu-aberto " -> "lixao a ceu aberto".
std::string normalize_term(std::string_view s);

/// One built-in vocabulary entry: a source term and the schema value it means.
struct VocabularyEntry {
    std::string_view term;
    std::string_view value;
};

/// The built-in vocabulary of a field (Spanish, Portuguese and English terms; docs/mapping.md
/// lists them). The schema's own spellings are always accepted and are not listed.
const std::vector<VocabularyEntry>& builtin_vocabulary(std::string_view field);

/// The built-in vocabulary extended by a mapping's values (the mapping's entries win).
class Vocabulary {
public:
    Vocabulary();
    explicit Vocabulary(const FieldMapping& mapping);

    /// The schema value of a source term for a vocabulary field, or std::nullopt when the term
    /// is unknown (an empty term is unknown too: callers decide what empty means).
    std::optional<std::string> lookup(std::string_view field, std::string_view term) const;

private:
    std::unordered_map<std::string, std::unordered_map<std::string, std::string>> m_terms;
};

}  // namespace basural

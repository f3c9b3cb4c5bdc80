#include "inventory/schema_fields.hpp"

#include "basural/base/pg_connection.hpp"
#include "basural/inventory/mapping.hpp"

#include <algorithm>

namespace basural::detail {

FieldKind kind_of(std::string_view f)
{
    if (f == "area_ha" || f == "depth_m" || f == "waste_t_per_day" || f == "waste_in_place_t")
        return FieldKind::real;
    if (f == "opening_year" || f == "closure_year" || f == "waste_pickers" || f == "child_waste_pickers")
        return FieldKind::integer;
    if (is_vocabulary_field(f))
        return FieldKind::vocabulary;
    if (f == "derived_fields" || f == "reporting_municipalities")
        return FieldKind::list;
    return FieldKind::text;
}

std::string Site::*text_member(std::string_view f)
{
    if (f == "site_id") return &Site::site_id;
    if (f == "name") return &Site::name;
    if (f == "admin1_name") return &Site::admin1_name;
    if (f == "admin1_code") return &Site::admin1_code;
    if (f == "municipality_name") return &Site::municipality_name;
    if (f == "municipality_code") return &Site::municipality_code;
    if (f == "source") return &Site::source;
    if (f == "source_record") return &Site::source_record;
    return nullptr;
}

std::optional<double> Site::*real_member(std::string_view f)
{
    if (f == "area_ha") return &Site::area_ha;
    if (f == "depth_m") return &Site::depth_m;
    if (f == "waste_t_per_day") return &Site::waste_t_per_day;
    if (f == "waste_in_place_t") return &Site::waste_in_place_t;
    return nullptr;
}

std::optional<int> Site::*integer_member(std::string_view f)
{
    if (f == "opening_year") return &Site::opening_year;
    if (f == "closure_year") return &Site::closure_year;
    if (f == "waste_pickers") return &Site::waste_pickers;
    if (f == "child_waste_pickers") return &Site::child_waste_pickers;
    return nullptr;
}

bool is_yes_no_field(std::string_view f) noexcept
{
    return f == "open_burning" || f == "receives_other_municipalities";
}

bool is_pg_source(const std::string& path)
{
    return path.size() >= 3 && lower(path.substr(0, 3)) == "pg:";
}

std::string display_name(const std::string& path)
{
    return is_pg_source(path) ? redact_connection_string(path) : path;
}

}  // namespace basural::detail

// Message catalogue, part 3: the summaries commands print for people (not log lines, not errors), in
// English, Spanish and Portuguese. Vocabulary: catalogue_terms.cpp.
#include "base/catalogue.hpp"

#include <array>

namespace basural::detail {
namespace {

constexpr std::array COMMANDS = std::to_array<CatalogueEntry>({
    // basural map
    {"cmd.map.written", "{country}: {sites}, {facilities} -> {file}", "{country}: {sites}, {facilities} -> {file}",
     "{country}: {sites}, {facilities} -> {file}"},
    {"cmd.map.rejected", "{rejected} of {read} records rejected and not drawn (basural validate explains them)",
     "{rejected} de {read} registros rechazados y no dibujados (basural validate explica por qué)",
     "{rejected} de {read} registros rejeitados e não desenhados (basural validate explica por quê)"},

    // Loading an inventory (info, validate, import, coverage, methane, prioritize, progress...).
    {"cmd.records", "{source}: records read {read} = loaded {loaded} + rejected {rejected}",
     "{source}: registros leídos {read} = cargados {loaded} + rechazados {rejected}",
     "{source}: registros lidos {read} = carregados {loaded} + rejeitados {rejected}"},
    {"cmd.records_merged", "{source}: records read {read} = loaded {loaded} + merged {merged} + rejected {rejected}",
     "{source}: registros leídos {read} = cargados {loaded} + fusionados {merged} + rechazados {rejected}",
     "{source}: registros lidos {read} = carregados {loaded} + mesclados {merged} + rejeitados {rejected}"},

    // basural validate
    {"cmd.validate.all_valid", "every record is valid", "todos los registros son válidos", "todos os registros são válidos"},
    {"cmd.validate.first", "First {shown} of {all} rejected records:", "Primeros {shown} de {all} registros rechazados:",
     "Primeiros {shown} de {all} registros rejeitados:"},
    {"cmd.validate.written", "All rejected records written to {file}",
     "Todos los registros rechazados se escribieron en {file}", "Todos os registros rejeitados foram gravados em {file}"},
    {"cmd.validate.hint", "Write them all with --rejects FILE.csv", "Escríbalos todos con --rejects ARCHIVO.csv",
     "Grave todos com --rejects ARQUIVO.csv"},

    // basural import
    {"cmd.import.wrote:one", "wrote {n} site to {target}", "se escribió {n} sitio en {target}", "{n} local gravado em {target}"},
    {"cmd.import.wrote:other", "wrote {n} sites to {target}", "se escribieron {n} sitios en {target}",
     "{n} locais gravados em {target}"},
    {"cmd.import.table", "{target} table {table}", "{target}, tabla {table}", "{target}, tabela {table}"},
    {"cmd.import.rejects_written:one", "wrote {n} rejected record to {file}", "se escribió {n} registro rechazado en {file}",
     "{n} registro rejeitado gravado em {file}"},
    {"cmd.import.rejects_written:other", "wrote {n} rejected records to {file}",
     "se escribieron {n} registros rechazados en {file}", "{n} registros rejeitados gravados em {file}"},
    {"cmd.import.rejects_hint:one", "{n} record was rejected: list it with --rejects FILE.csv or basural validate",
     "{n} registro fue rechazado: listarlo con --rejects ARCHIVO.csv o basural validate",
     "{n} registro foi rejeitado: liste-o com --rejects ARQUIVO.csv ou basural validate"},
    {"cmd.import.rejects_hint:other", "{n} records were rejected: list them with --rejects FILE.csv or basural validate",
     "{n} registros fueron rechazados: listarlos con --rejects ARCHIVO.csv o basural validate",
     "{n} registros foram rejeitados: liste-os com --rejects ARQUIVO.csv ou basural validate"},
    {"cmd.import.merges_written:one", "wrote {n} merged record to {file}", "se escribió {n} registro fusionado en {file}",
     "{n} registro mesclado gravado em {file}"},
    {"cmd.import.merges_written:other", "wrote {n} merged records to {file}",
     "se escribieron {n} registros fusionados en {file}", "{n} registros mesclados gravados em {file}"},
    {"cmd.import.merges_hint:one",
     "{n} record was merged into a shared site (one site reported by several municipalities): list it with --merges FILE.csv",
     "{n} registro se fusionó con un sitio compartido (un sitio declarado por varios municipios): listarlo con --merges ARCHIVO.csv",
     "{n} registro foi mesclado a um local compartilhado (um local declarado por vários municípios): liste-o com --merges ARQUIVO.csv"},
    {"cmd.import.merges_hint:other",
     "{n} records were merged into shared sites (one site reported by several municipalities): list them with --merges FILE.csv",
     "{n} registros se fusionaron con sitios compartidos (un sitio declarado por varios municipios): listarlos con --merges ARCHIVO.csv",
     "{n} registros foram mesclados a locais compartilhados (um local declarado por vários municípios): liste-os com --merges ARQUIVO.csv"},

    // basural cluster
    {"cmd.cluster.summary", "{sites}: {clusters}, {noise}", "{sites}: {clusters}, {noise}", "{sites}: {clusters}, {noise}"},
    {"cmd.cluster.clusters:one", "{n} cluster", "{n} grupo", "{n} grupo"},
    {"cmd.cluster.clusters:other", "{n} clusters", "{n} grupos", "{n} grupos"},
    {"cmd.cluster.noise:one", "{n} alone (noise)", "{n} aislado (ruido)", "{n} isolado (ruído)"},
    {"cmd.cluster.noise:other", "{n} alone (noise)", "{n} aislados (ruido)", "{n} isolados (ruído)"},

    // Terminal tables (base/terminal_table.hpp).
    {"table.compact_note", "{shown} of {all} columns shown; all of them with --format csv, json or md",
     "Se muestran {shown} de {all} columnas; todas con --format csv, json o md",
     "{shown} de {all} colunas mostradas; todas com --format csv, json ou md"},
    {"table.unknown_note", "? = unknown (not zero)", "? = desconocido (no cero)", "? = desconhecido (não zero)"},

    // Titles of terminal tables.
    {"table.coverage", "Coverage per country, reporting year {year}", "Cobertura por país, año de reporte {year}",
     "Cobertura por país, ano de referência {year}"},
    {"table.info.countries", "Sites by country, type, status and provenance",
     "Sitios por país, tipo, estado y procedencia", "Locais por país, tipo, situação e procedência"},
    {"table.info.completeness", "Fields known, % of sites", "Campos conocidos, % de sitios",
     "Campos conhecidos, % de locais"},
    {"table.info.admin1", "Sites by state (first-level unit) and country", "Sitios por estado (primer nivel) y país",
     "Locais por estado (primeiro nível) e país"},
    {"table.coverage.admin1", "Coverage per state and country, reporting year {year}",
     "Cobertura por estado y país, año de reporte {year}", "Cobertura por estado e país, ano de referência {year}"},
    {"table.methane", "Methane per country, {year} (GWP100 of CH4 = {gwp})", "Metano por país, {year} (PCG100 del CH4 = {gwp})",
     "Metano por país, {year} (PAG100 do CH4 = {gwp})"},
    {"table.prioritize", "Top {shown} of {all} sites (all in the output)",
     "Los {shown} primeros de {all} sitios (todos en el archivo de salida)",
     "Os {shown} primeiros de {all} locais (todos no arquivo de saída)"},
    {"table.regionalize", "Regional plan per country", "Plan regional por país", "Plano regional por país"},
    {"table.progress", "Closure progress by country", "Avance de los cierres por país", "Avanço dos encerramentos por país"},
    {"table.cluster", "Clusters", "Agrupamientos", "Agrupamentos"},
    {"table.validate", "Rejected records by check", "Registros rechazados por control", "Registros rejeitados por verificação"},

    // Column headings of terminal tables: short, with the unit.
    {"column.country", "country", "país", "país"},
    {"column.name", "name", "nombre", "nome"},
    {"column.part", "part", "parte", "parte"},
    {"column.part_name", "state", "estado", "estado"},
    {"column.admin1", "state code", "código de estado", "código do estado"},
    {"column.admin1_name", "state", "estado", "estado"},
    {"column.admin1_derived", "state from location", "estado por ubicación", "estado pela localização"},
    {"column.field", "field", "campo", "campo"},
    {"column.LAC_pct", "% of LAC sites", "% de sitios de ALC", "% de locais da ALC"},
    {"column.sites", "sites", "sitios", "locais"},
    {"column.open_dump", "open dumps", "botaderos", "lixões"},
    {"column.controlled_dump", "controlled", "controlados", "controlados"},
    {"column.sanitary_landfill", "landfills", "rellenos", "aterros"},
    {"column.other", "other", "otros", "outros"},
    {"column.active", "active", "en operación", "em operação"},
    {"column.inactive", "inactive", "inactivos", "inativos"},
    {"column.closing", "closing", "en cierre", "em encerramento"},
    {"column.closed", "closed", "cerrados", "encerrados"},
    {"column.remediated", "remediated", "remediados", "remediados"},
    {"column.status_unknown", "status unknown", "estado desconocido", "situação desconhecida"},
    {"column.observed", "observed", "observados", "observados"},
    {"column.derived", "derived", "derivados", "derivados"},
    {"column.estimated", "estimated", "estimados", "estimados"},
    {"column.inadequate_active_sites", "active dumps", "botaderos en operación", "lixões em operação"},
    {"column.inadequate_waste_t_per_day", "t/day to dumps", "t/día a botaderos", "t/dia a lixões"},
    {"column.share_waste_near_landfill", "% near landfill", "% cerca de relleno", "% perto de aterro"},
    {"column.share_sites_near_landfill", "% dumps near landfill", "% botaderos cerca de relleno",
     "% lixões perto de aterro"},
    {"column.plan_facilities_proposed", "new landfills", "rellenos nuevos", "aterros novos"},
    {"column.plan_facilities_existing", "reused", "reutilizados", "reaproveitados"},
    {"column.plan_share_waste_served", "% t/day served", "% t/día atendidas", "% t/dia atendidas"},
    {"column.plan_mean_haul_km", "mean km", "km medio", "km médio"},
    {"column.population_within_2km", "people ≤2 km", "personas ≤2 km", "pessoas ≤2 km"},
    {"column.ch4_t_per_year", "CH4 t/year", "CH4 t/año", "CH4 t/ano"},
    {"column.co2e_t_per_year", "CO2e t/year", "CO2e t/año", "CO2e t/ano"},
    {"column.reporting_year", "year", "año", "ano"},
    {"column.gwp100_ch4", "GWP100 CH4", "PCG100 CH4", "PAG100 CH4"},
    {"column.sites_unknown", "CH4 unknown", "CH4 desconocido", "CH4 desconhecido"},
    {"column.sites_estimated", "on estimates", "con estimaciones", "com estimativas"},
    {"column.demand_sites", "dumps", "botaderos", "lixões"},
    {"column.sites_served", "served", "atendidos", "atendidos"},
    {"column.sites_unserved", "unserved", "sin atender", "não atendidos"},
    {"column.facilities_proposed", "proposed", "propuestos", "propostos"},
    {"column.facilities_existing", "existing", "existentes", "existentes"},
    {"column.waste_t_per_day", "t/day", "t/día", "t/dia"},
    {"column.share_waste_estimated", "% estimated", "% estimadas", "% estimadas"},
    {"column.waste_t_per_day_served", "t/day served", "t/día atendidas", "t/dia atendidas"},
    {"column.mean_haul_km", "mean km", "km medio", "km médio"},
    {"column.max_haul_km", "max km", "km máx.", "km máx."},
    {"column.gap", "optimality gap", "brecha de optimalidad", "gap de otimalidade"},
    {"column.rank", "rank", "puesto", "posição"},
    {"column.site_id", "site", "sitio", "local"},
    {"column.total_score", "score", "puntaje", "pontuação"},
    {"column.why", "why", "por qué", "por quê"},
    {"column.check", "check", "control", "verificação"},
    {"column.rejects", "rejected", "rechazados", "rejeitados"},
    {"column.share_pct", "% of rejects", "% de rechazos", "% das rejeições"},
    {"column.first_record", "first record", "primer registro", "primeiro registro"},
    {"column.old_sites", "sites before", "sitios antes", "locais antes"},
    {"column.new_sites", "sites now", "sitios ahora", "locais agora"},
    {"column.reclassified", "reclassified", "reclasificados", "reclassificados"},
    {"column.newly_found", "newly found", "nuevos hallazgos", "novos achados"},
    {"column.gone_unexplained", "gone, unexplained", "desaparecidos sin explicación", "sumidos sem explicação"},
    {"column.no_longer_inadequate_sites", "dumps no longer", "ya no botaderos", "não mais lixões"},
    {"column.waste_no_longer_inadequate_t_per_day", "t/day no longer to dumps", "t/día que ya no van a botaderos",
     "t/dia que não vão mais a lixões"},
    {"column.ch4_reduction_t_per_year", "CH4 reduction t/year", "reducción de CH4 t/año", "redução de CH4 t/ano"},
    {"column.cluster_id", "cluster", "grupo", "grupo"},
    {"column.core_sites", "core sites", "sitios núcleo", "locais núcleo"},
    {"column.central_site_id", "central site", "sitio central", "local central"},
    {"column.max_distance_from_centroid_km", "max km from centre", "km máx. al centro", "km máx. ao centro"},
});

}  // namespace

std::span<const CatalogueEntry> catalogue_commands()
{
    return COMMANDS;
}

}  // namespace basural::detail

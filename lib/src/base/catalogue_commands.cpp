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

    // basural regionalize: the plan line (for the summary of the one rule for status and tonnage; the
    // command's code moves to these keys once that lands)
    {"cmd.regionalize.written", "Plan written to {target}: {facilities}, {assigned}, {unserved}, {unused}.",
     "Plan escrito en {target}: {facilities}, {assigned}, {unserved}, {unused}.",
     "Plano gravado em {target}: {facilities}, {assigned}, {unserved}, {unused}."},
    {"cmd.regionalize.assigned:one", "{n} site assigned", "{n} sitio asignado", "{n} local alocado"},
    {"cmd.regionalize.assigned:other", "{n} sites assigned", "{n} sitios asignados", "{n} locais alocados"},
    {"cmd.regionalize.unserved:one", "{n} unserved", "{n} sin atender", "{n} não atendido"},
    {"cmd.regionalize.unserved:other", "{n} unserved", "{n} sin atender", "{n} não atendidos"},
    {"cmd.regionalize.unused:one", "{n} existing landfill not used", "{n} relleno sanitario existente sin usar",
     "{n} aterro sanitário existente não utilizado"},
    {"cmd.regionalize.unused:other", "{n} existing landfills not used", "{n} rellenos sanitarios existentes sin usar",
     "{n} aterros sanitários existentes não utilizados"},
    {"cmd.regionalize.admin1",
     "State (admin-1) given to {given} of {without} sites without admin1_code: {from_location} from their location, {from_name} from their name.",
     "Estado (primer nivel) asignado a {given} de {without} sitios sin admin1_code: {from_location} por su ubicación, {from_name} por su nombre.",
     "Estado (primeiro nível) atribuído a {given} de {without} locais sem admin1_code: {from_location} pela localização, {from_name} pelo nome."},
    {"cmd.regionalize.assumptions", "Assumptions:", "Supuestos:", "Premissas:"},

    // The plan's rules (plan parameters status_rule, demand_rule, candidate_rule) in the reader's words.
    {"plan.rule.status_rule",
     "dumps with status active, closing or unknown receive waste (unknown status is treated as receiving)",
     "los botaderos con estado activo, en cierre o desconocido reciben residuos (el estado desconocido se trata como "
     "si recibiera)",
     "os lixões com situação ativa, em encerramento ou desconhecida recebem resíduos (a situação desconhecida é "
     "tratada como se recebesse)"},
    {"plan.rule.demand_rule", "open_dump or controlled_dump with status active, closing or unknown",
     "botadero a cielo abierto (open_dump) o controlado (controlled_dump) con estado activo, en cierre o desconocido",
     "lixão (open_dump) ou aterro controlado (controlled_dump) com situação ativa, em encerramento ou desconhecida"},
    {"plan.rule.candidate_rule", "demand sites and sanitary landfills with status active or unknown",
     "los sitios de la demanda y los rellenos sanitarios con estado activo o desconocido",
     "os locais da demanda e os aterros sanitários com situação ativa ou desconhecida"},
    // The assumptions of coverage, prioritize, methane and progress (status_rule_line, waste_sources_line,
    // coverage_assumptions, priority_assumptions).
    {"assume.status:one", "Status: {rule}; {unknown} of the {n} receiving dump has an unknown status.",
     "Estado: {rule}; {unknown} del {n} botadero que recibe residuos tiene estado desconocido.",
     "Situação: {rule}; {unknown} do {n} lixão que recebe resíduos tem situação desconhecida."},
    {"assume.status:other", "Status: {rule}; {unknown} of the {n} receiving dumps have an unknown status.",
     "Estado: {rule}; {unknown} de los {n} botaderos que reciben residuos tienen estado desconocido.",
     "Situação: {rule}; {unknown} dos {n} lixões que recebem resíduos têm situação desconhecida."},
    {"assume.tonnage:one",
     "Tonnage of the {n} receiving site: {given} given, {places} estimated from places and country rates, {median} "
     "their country's median{scaled}, {unknown} unknown{no_room}; {implausible} implausible estimates ({t} t/day; "
     "docs/methods/waste_estimate.md).",
     "Tonelaje del {n} sitio que recibe residuos: {given} dados, {places} estimados a partir de localidades y tasas del "
     "país, {median} la mediana de su país{scaled}, {unknown} desconocidos{no_room}; {implausible} estimaciones inverosímiles ({t} t/día; "
     "docs/methods/waste_estimate.md).",
     "Tonelagem do {n} local que recebe resíduos: {given} informadas, {places} estimadas a partir de localidades e taxas "
     "do país, {median} a mediana de seu país{scaled}, {unknown} desconhecidas{no_room}; {implausible} estimativas implausíveis ({t} t/dia; "
     "docs/methods/waste_estimate.md)."},
    {"assume.tonnage:other",
     "Tonnage of the {n} receiving sites: {given} given, {places} estimated from places and country rates, {median} "
     "their country's median{scaled}, {unknown} unknown{no_room}; {implausible} implausible estimates ({t} t/day; "
     "docs/methods/waste_estimate.md).",
     "Tonelaje de los {n} sitios que reciben residuos: {given} dados, {places} estimados a partir de localidades y tasas "
     "del país, {median} la mediana de su país{scaled}, {unknown} desconocidos{no_room}; {implausible} estimaciones inverosímiles ({t} "
     "t/día; docs/methods/waste_estimate.md).",
     "Tonelagem dos {n} locais que recebem resíduos: {given} informadas, {places} estimadas a partir de localidades e "
     "taxas do país, {median} a mediana de seu país{scaled}, {unknown} desconhecidas{no_room}; {implausible} estimativas implausíveis "
     "({t} t/dia; docs/methods/waste_estimate.md)."},
    {"assume.within_reach",
     "Within reach: an existing sanitary landfill (status active or unknown) of the same country within {km} km geodesic.",
     "Al alcance: un relleno sanitario existente (estado activo o desconocido) del mismo país a {km} km geodésicos o menos.",
     "Ao alcance: um aterro sanitário existente (situação ativa ou desconhecida) do mesmo país a até {km} km geodésicos."},
    {"assume.methane", "Methane: IPCC 2006 first-order decay, reporting year {year}, GWP100 of CH4 {gwp}.",
     "Metano: descomposición de primer orden del IPCC 2006, año de reporte {year}, PCG100 del CH4 {gwp}.",
     "Metano: decaimento de primeira ordem do IPCC 2006, ano de referência {year}, PAG100 do CH4 {gwp}."},
    {"assume.readiness:one",
     "Readiness: 1 - haul / {km} km to the nearest existing sanitary landfill (status active or unknown) of the "
     "country; {n} site needs a regional landfill the plan only proposes (column proposed_facility): not ready.",
     "Preparación: 1 - recorrido / {km} km al relleno sanitario existente más cercano (estado activo o desconocido) del "
     "país; {n} sitio necesita un relleno regional que el plan solo propone (columna proposed_facility): no está listo.",
     "Prontidão: 1 - percurso / {km} km até o aterro sanitário existente mais próximo (situação ativa ou desconhecida) "
     "do país; {n} local precisa de um aterro regional que o plano apenas propõe (coluna proposed_facility): não está "
     "pronto."},
    {"assume.readiness:other",
     "Readiness: 1 - haul / {km} km to the nearest existing sanitary landfill (status active or unknown) of the "
     "country; {n} sites need a regional landfill the plan only proposes (column proposed_facility): not ready.",
     "Preparación: 1 - recorrido / {km} km al relleno sanitario existente más cercano (estado activo o desconocido) del "
     "país; {n} sitios necesitan un relleno regional que el plan solo propone (columna proposed_facility): no están "
     "listos.",
     "Prontidão: 1 - percurso / {km} km até o aterro sanitário existente mais próximo (situação ativa ou desconhecida) "
     "do país; {n} locais precisam de um aterro regional que o plano apenas propõe (coluna proposed_facility): não "
     "estão prontos."},
    {"assume.weights", "Weights: {weights} (docs/methods/priority.md).", "Pesos: {weights} (docs/methods/priority.md).",
     "Pesos: {weights} (docs/methods/priority.md)."},
    {"cmd.progress.old_snapshot", "Old snapshot: {line}", "Inventario anterior: {line}", "Inventário anterior: {line}"},

    // regionalize: the assumptions a plan rests on (plan_summary.hpp, plan_assumptions)
    {"plan.assume.haul_geodesic", "Haul: at most {max} km, geodesic km x detour factor {detour}",
     "Recorrido: como máximo {max} km, km geodésicos x factor de desvío {detour}",
     "Percurso: no máximo {max} km, km geodésicos x fator de desvio {detour}"},
    {"plan.assume.haul_matrix",
     "Haul: travel matrix {matrix}, at most {max} in its unit; {used} of its {pairs} pairs used, {unknown} name a "
     "site_id not in the inventory; a pair not given is not allowed",
     "Recorrido: matriz de viaje {matrix}, como máximo {max} en su unidad; {used} de sus {pairs} pares usados, {unknown} "
     "nombran un site_id que no está en el inventario; un par no dado no está permitido",
     "Percurso: matriz de viagem {matrix}, no máximo {max} em sua unidade; {used} de seus {pairs} pares usados, "
     "{unknown} nomeiam um site_id fora do inventário; um par não dado não é permitido"},
    {"plan.assume.cross_border", "; across land borders", "; a través de fronteras terrestres",
     "; através de fronteiras terrestres"},
    {"plan.assume.within_country", "; within each country", "; dentro de cada país", "; dentro de cada país"},
    {"plan.assume.per_admin1", ", each admin-1 on its own", ", cada estado (primer nivel) por separado",
     ", cada estado (primeiro nível) separadamente"},
    {"plan.assume.no_sea", "; never across the sea.", "; nunca a través del mar.", "; nunca através do mar."},
    {"plan.assume.facilities", "Facilities: minimum throughput {min}, capacity {capacity}.",
     "Instalaciones: flujo mínimo {min}, capacidad {capacity}.", "Instalações: fluxo mínimo {min}, capacidade {capacity}."},
    {"plan.assume.none", "none", "ninguno", "nenhum"},
    {"plan.assume.unlimited", "unlimited", "ilimitada", "ilimitada"},
    {"plan.assume.t_per_day", "{v} t/day", "{v} t/día", "{v} t/dia"},
    {"plan.assume.landfills_reuse", "Existing landfills (active or unknown status): always-open facilities (--reuse-existing)",
     "Rellenos existentes (estado activo o desconocido): instalaciones siempre abiertas (--reuse-existing)",
     "Aterros existentes (situação ativa ou desconhecida): instalações sempre abertas (--reuse-existing)"},
    {"plan.assume.landfills_candidates",
     "Existing landfills (active or unknown status): candidates, opened when the model chooses them (--reuse-existing "
     "keeps them all open)",
     "Rellenos existentes (estado activo o desconocido): candidatos, abiertos cuando el modelo los elige "
     "(--reuse-existing los mantiene todos abiertos)",
     "Aterros existentes (situação ativa ou desconhecida): candidatos, abertos quando o modelo os escolhe "
     "(--reuse-existing mantém todos abertos)"},
    {"plan.assume.landfills_unused",
     "{line}; {n} not used ({no_dump} with no dump within reach, {not_chosen} not chosen): layer unused_landfills.",
     "{line}; {n} sin usar ({no_dump} sin botadero al alcance, {not_chosen} no elegidos): capa unused_landfills.",
     "{line}; {n} não utilizados ({no_dump} sem lixão ao alcance, {not_chosen} não escolhidos): camada unused_landfills."},
    {"plan.assume.status:one", "Status: {rule}; {n} demand site has an unknown status.",
     "Estado: {rule}; {n} sitio de la demanda tiene estado desconocido.",
     "Situação: {rule}; {n} local da demanda tem situação desconhecida."},
    {"plan.assume.status:other", "Status: {rule}; {n} demand sites have an unknown status.",
     "Estado: {rule}; {n} sitios de la demanda tienen estado desconocido.",
     "Situação: {rule}; {n} locais da demanda têm situação desconhecida."},
    {"plan.assume.tonnage",
     "Tonnage of the demand sites: {given} given, {places} estimated from places and country rates, {median} their "
     "country's median{median_note}, {unknown} unknown{unknown_note} (docs/methods/waste_estimate.md, "
     "docs/methods/site_rules.md).",
     "Tonelaje de los sitios de la demanda: {given} dados, {places} estimados a partir de localidades y tasas del país, "
     "{median} la mediana de su país{median_note}, {unknown} desconocidos{unknown_note} (docs/methods/waste_estimate.md, "
     "docs/methods/site_rules.md).",
     "Tonelagem dos locais da demanda: {given} informadas, {places} estimadas a partir de localidades e taxas do país, "
     "{median} a mediana de seu país{median_note}, {unknown} desconhecidas{unknown_note} "
     "(docs/methods/waste_estimate.md, docs/methods/site_rules.md)."},
    {"plan.assume.tonnage_scaled", " ({n} scaled down to the country's waste budget)",
     " ({n} reducidos al presupuesto de residuos del país)", " ({n} reduzidas ao orçamento de resíduos do país)"},
    {"plan.assume.tonnage_no_room", " ({n} with no room left in the country's waste budget)",
     " ({n} sin margen en el presupuesto de residuos del país)", " ({n} sem margem no orçamento de resíduos do país)"},
    {"plan.assume.weighting_count",
     "Weighting: by site count (every dump weighs 1, no t/day limit applies) where a demand site's tonnage is unknown: "
     "{weighting}. Give tonnages (--field waste_t_per_day=COLUMN) or places (--places) to plan by t/day.",
     "Ponderación: por número de sitios (cada botadero pesa 1, no se aplica ningún límite de t/día) donde el tonelaje "
     "de un sitio de la demanda es desconocido: {weighting}. Dé tonelajes (--field waste_t_per_day=COLUMNA) o "
     "localidades (--places) para planificar por t/día.",
     "Ponderação: por número de locais (cada lixão pesa 1, nenhum limite de t/dia se aplica) onde a tonelagem de um "
     "local da demanda é desconhecida: {weighting}. Informe tonelagens (--field waste_t_per_day=COLUNA) ou localidades "
     "(--places) para planejar por t/dia."},
    {"plan.assume.weighting_t", "Weighting: by t/day.", "Ponderación: por t/día.", "Ponderação: por t/dia."},
    {"plan.assume.implausible:one",
     "Implausible estimates: {n} demand site carries {t} t/day estimated above what its country's largest city "
     "collects, or resting on a city another site is about as near to (waste_implausible = yes in the plan's rows; "
     "docs/methods/waste_estimate.md, \"Plausibility\").",
     "Estimaciones inverosímiles: {n} sitio de la demanda lleva {t} t/día estimadas por encima de lo que recolecta la "
     "ciudad más grande de su país, o que descansan en una ciudad que otro sitio tiene casi igual de cerca "
     "(waste_implausible = yes en las filas del plan; docs/methods/waste_estimate.md, \"Plausibility\").",
     "Estimativas implausíveis: {n} local da demanda carrega {t} t/dia estimadas acima do que a maior cidade de seu "
     "país coleta, ou apoiadas numa cidade que outro local tem quase tão perto (waste_implausible = yes nas linhas do "
     "plano; docs/methods/waste_estimate.md, \"Plausibility\")."},
    {"plan.assume.implausible:other",
     "Implausible estimates: {n} demand sites carry {t} t/day estimated above what their country's largest city "
     "collects, or resting on a city another site is about as near to (waste_implausible = yes in the plan's rows; "
     "docs/methods/waste_estimate.md, \"Plausibility\").",
     "Estimaciones inverosímiles: {n} sitios de la demanda llevan {t} t/día estimadas por encima de lo que recolecta la "
     "ciudad más grande de su país, o que descansan en una ciudad que otro sitio tiene casi igual de cerca "
     "(waste_implausible = yes en las filas del plan; docs/methods/waste_estimate.md, \"Plausibility\").",
     "Estimativas implausíveis: {n} locais da demanda carregam {t} t/dia estimadas acima do que a maior cidade de seu "
     "país coleta, ou apoiadas numa cidade que outro local tem quase tão perto (waste_implausible = yes nas linhas do "
     "plano; docs/methods/waste_estimate.md, \"Plausibility\")."},

    // basural progress
    {"cmd.progress.rejected:one", "{n} rejected record is not compared: list it with basural validate",
     "{n} registro rechazado no se compara: listarlo con basural validate",
     "{n} registro rejeitado não é comparado: liste-o com basural validate"},
    {"cmd.progress.rejected:other", "{n} rejected records are not compared: list them with basural validate",
     "{n} registros rechazados no se comparan: listarlos con basural validate",
     "{n} registros rejeitados não são comparados: liste-os com basural validate"},
    {"cmd.progress.methane", "CH4 in {year} by the IPCC 2006 first-order decay model",
     "CH4 en {year} según el modelo de descomposición de primer orden del IPCC 2006",
     "CH4 em {year} pelo modelo de decaimento de primeira ordem do IPCC 2006"},
    {"cmd.progress.changes_written:one", "wrote {n} site change to {file}", "se escribió {n} cambio de sitio en {file}",
     "{n} mudança de local gravada em {file}"},
    {"cmd.progress.changes_written:other", "wrote {n} site changes to {file}",
     "se escribieron {n} cambios de sitios en {file}", "{n} mudanças de locais gravadas em {file}"},

    // basural cluster
    {"cmd.cluster.summary", "{sites}: {clusters}, {noise}", "{sites}: {clusters}, {noise}", "{sites}: {clusters}, {noise}"},
    {"cmd.cluster.clusters:one", "{n} cluster", "{n} grupo", "{n} grupo"},
    {"cmd.cluster.clusters:other", "{n} clusters", "{n} grupos", "{n} grupos"},
    {"cmd.cluster.noise:one", "{n} alone (noise)", "{n} aislado (ruido)", "{n} isolado (ruído)"},
    {"cmd.cluster.noise:other", "{n} alone (noise)", "{n} aislados (ruido)", "{n} isolados (ruído)"},

    // basural locate (--format table)
    {"table.locate", "Location model {model}", "Modelo de localización {model}", "Modelo de localização {model}"},
    {"table.locate.facilities", "Facilities opened", "Instalaciones abiertas", "Instalações abertas"},
    {"table.locate.closed", "Closed below the minimum throughput", "Cerradas por no alcanzar el flujo mínimo",
     "Fechadas por não atingir o fluxo mínimo"},
    {"table.locate.assignments", "Assignments", "Asignaciones", "Alocações"},
    {"locate.status.assigned", "assigned", "asignado", "alocado"},
    {"locate.status.no_candidate_within_cutoff", "no candidate within the cutoff", "ningún candidato dentro del límite",
     "nenhum candidato dentro do limite"},
    {"locate.status.no_open_facility_within_cutoff", "no open facility within the cutoff",
     "ninguna instalación abierta dentro del límite", "nenhuma instalação aberta dentro do limite"},
    {"locate.status.capacity_exhausted", "capacity exhausted", "capacidad agotada", "capacidade esgotada"},
    {"locate.status.below_min_throughput", "its facility was closed (below the minimum throughput)",
     "su instalación se cerró (por debajo del flujo mínimo)", "sua instalação foi fechada (abaixo do fluxo mínimo)"},
    {"column.model", "model", "modelo", "modelo"},
    {"column.cost_unit", "cost unit", "unidad de costo", "unidade de custo"},
    {"column.weighting", "weighted by", "ponderado por", "ponderado por"},
    {"column.max_cost", "cutoff", "costo máximo", "custo máximo"},
    {"column.objective", "objective", "objetivo", "objetivo"},
    {"column.lower_bound", "lower bound", "cota inferior", "limite inferior"},
    {"column.upper_bound", "upper bound", "cota superior", "limite superior"},
    {"column.gap_percent", "optimality gap %", "brecha de optimalidad %", "gap de otimalidade %"},
    {"column.proven_optimal", "proven optimal", "óptimo demostrado", "ótimo comprovado"},
    {"column.demand_points", "demand points", "puntos de demanda", "pontos de demanda"},
    {"column.candidates", "candidates", "candidatos", "candidatos"},
    {"column.facilities_open", "facilities opened", "instalaciones abiertas", "instalações abertas"},
    {"column.served_weight", "weight served", "peso atendido", "peso atendido"},
    {"column.unserved_weight", "weight unserved", "peso sin atender", "peso não atendido"},
    {"column.assigned_cost", "cost of assignments", "costo de las asignaciones", "custo das alocações"},
    {"column.unserved_cost", "cost of unserved weight", "costo del peso sin atender", "custo do peso não atendido"},
    {"column.iterations", "iterations", "iteraciones", "iterações"},
    {"column.bound_iterations", "bound iterations", "iteraciones de la cota", "iterações do limite"},
    {"column.time_ms", "time ms", "tiempo ms", "tempo ms"},
    {"column.required", "required", "obligatoria", "obrigatória"},
    {"column.weight", "weight", "peso", "peso"},
    {"column.load", "load", "carga", "carga"},
    {"column.capacity", "capacity", "capacidad", "capacidade"},
    {"column.demand_id", "demand point", "punto de demanda", "ponto de demanda"},
    {"column.facility_id", "facility", "instalación", "instalação"},
    {"column.cost", "cost", "costo", "custo"},
    {"column.status", "status", "estado", "situação"},

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

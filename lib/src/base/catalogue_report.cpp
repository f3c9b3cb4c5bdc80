// Message catalogue, part 4: the country report (`basural report`, lib/src/document/report_*.cpp), in
// English, Spanish and Portuguese. Vocabulary (site types, statuses, countries, units): catalogue_terms.cpp.
// Spanish says "botadero" (regional words below: "tiradero" in Mexico, "basural" in Argentina);
// Portuguese follows Brazil's PNRS and SNIS ("lixão", "aterro sanitário").
#include "base/catalogue.hpp"

#include <array>

namespace basural::detail {
namespace {

constexpr std::array REPORT = std::to_array<CatalogueEntry>({
    // Frame.
    {"report.title", "{place}: open dumps and regional landfills", "{place}: botaderos y rellenos sanitarios regionales",
     "{place}: lixões e aterros sanitários regionais"},
    {"report.subtitle", "Disposal sites, coverage, regional plan, methane and closure priority, reporting year {year}",
     "Sitios de disposición final, cobertura, plan regional, metano y prioridad de cierre, año de reporte {year}",
     "Locais de disposição final, cobertura, plano regional, metano e prioridade de encerramento, ano de referência {year}"},
    {"report.cover.inventory", "Inventory: {source} ({read} records read = {loaded} loaded + {merged} merged + {rejected} rejected)",
     "Inventario: {source} ({read} registros leídos = {loaded} cargados + {merged} fusionados + {rejected} rechazados)",
     "Inventário: {source} ({read} registros lidos = {loaded} carregados + {merged} mesclados + {rejected} rejeitados)"},
    {"report.cover.default_plan", "Regional plan: made for this report with the defaults of basural regionalize",
     "Plan regional: elaborado para este informe con los valores por defecto de basural regionalize",
     "Plano regional: elaborado para este relatório com os valores padrão de basural regionalize"},
    {"report.cover.plan", "Regional plan: {source}", "Plan regional: {source}", "Plano regional: {source}"},
    {"report.cover.engine", "Produced by basural {version}", "Elaborado con basural {version}",
     "Elaborado com basural {version}"},
    {"report.contents", "Contents", "Contenido", "Sumário"},
    {"report.estimate_tag", "Estimate", "Estimación", "Estimativa"},
    {"report.unknown_state", "State unknown", "Estado desconocido", "Estado desconhecido"},
    {"report.total_of", "{place}, total", "Total de {place}", "Total de {place}"},

    // Summary.
    {"report.summary.title", "Summary", "Resumen", "Resumo"},
    {"report.summary.intro",
     "Where {place} stands in closing its dumps in {year}: the sites of the inventory, the waste they receive, how much of "
     "it an existing sanitary landfill could take today and how much a regional plan would, the landfills that plan "
     "needs, the methane of the sites and the people living near active dumps.",
     "Situación de {place} en el cierre de sus botaderos en {year}: los sitios del inventario, los residuos que reciben, "
     "cuánto podría recibir hoy un relleno sanitario existente y cuánto con un plan regional, los rellenos que ese plan "
     "necesita, el metano de los sitios y la población que vive cerca de botaderos activos.",
     "Situação de {place} no encerramento de seus lixões em {year}: os locais do inventário, os resíduos que recebem, "
     "quanto um aterro sanitário existente poderia receber hoje e quanto um plano regional receberia, os aterros que "
     "esse plano exige, o metano dos locais e a população que vive perto de lixões ativos."},
    {"report.fig.sites", "Disposal sites in the inventory", "Sitios de disposición en el inventario",
     "Locais de disposição no inventário"},
    {"report.fig.inadequate", "Open and controlled dumps receiving waste",
     "Botaderos a cielo abierto y controlados que reciben residuos", "Lixões e aterros controlados que recebem resíduos"},
    {"report.fig.status_unknown:one", "of which {n} of unknown status, counted as receiving",
     "de ellos {n} de estado desconocido, contado como receptor", "dos quais {n} de situação desconhecida, contado como receptor"},
    {"report.fig.status_unknown:other", "of which {n} of unknown status, counted as receiving",
     "de ellos {n} de estado desconocido, contados como receptores",
     "dos quais {n} de situação desconhecida, contados como receptores"},
    {"report.fig.waste", "Waste to those dumps", "Residuos a esos botaderos", "Resíduos para esses lixões"},
    {"report.fig.waste_detail", "tonnage estimated for {estimated} of {sites} dumps",
     "tonelaje estimado para {estimated} de {sites} botaderos", "tonelagem estimada para {estimated} de {sites} lixões"},
    {"report.fig.waste_unknown:one", "{n} dump of unknown tonnage left out", "{n} botadero de tonelaje desconocido excluido",
     "{n} lixão de tonelagem desconhecida excluído"},
    {"report.fig.waste_unknown:other", "{n} dumps of unknown tonnage left out",
     "{n} botaderos de tonelaje desconocido excluidos", "{n} lixões de tonelagem desconhecida excluídos"},
    {"report.fig.reach_today", "Of that waste, within reach of a landfill today",
     "De esos residuos, al alcance de un relleno hoy", "Desses resíduos, ao alcance de um aterro hoje"},
    {"report.fig.reach_today_detail", "{sites} of {of} dumps within {km} km of an active sanitary landfill",
     "{sites} de {of} botaderos a {km} km o menos de un relleno sanitario activo",
     "{sites} de {of} lixões a até {km} km de um aterro sanitário ativo"},
    {"report.fig.reach_plan", "Of that waste, served with the regional plan", "De esos residuos, atendidos con el plan regional",
     "Desses resíduos, atendidos com o plano regional"},
    {"report.fig.reach_plan_detail", "{sites} of {of} dumps assigned a regional landfill",
     "{sites} de {of} botaderos asignados a un relleno regional", "{sites} de {of} lixões designados a um aterro regional"},
    {"report.fig.facilities", "Regional landfills in the plan", "Rellenos regionales del plan", "Aterros regionais do plano"},
    {"report.fig.facilities_detail", "{proposed} new, {existing} existing reused; mean haul {haul} km",
     "{proposed} nuevos, {existing} existentes reutilizados; recorrido medio {haul} km",
     "{proposed} novos, {existing} existentes reaproveitados; percurso médio {haul} km"},
    {"report.fig.methane", "Methane (CH4) emitted in {year}", "Metano (CH4) emitido en {year}", "Metano (CH4) emitido em {year}"},
    {"report.fig.methane_detail", "{co2e} t CO2e (GWP100 = {gwp})", "{co2e} t CO2e (PCG100 = {gwp})",
     "{co2e} t CO2e (PAG100 = {gwp})"},
    {"report.fig.people", "People within 2 km of active dumps", "Personas a 2 km o menos de botaderos activos",
     "Pessoas a até 2 km de lixões ativos"},
    {"report.fig.people_detail", "{km1} within 1 km, {km5} within 5 km (populated places)",
     "{km1} a 1 km o menos, {km5} a 5 km o menos (localidades)", "{km1} a até 1 km, {km5} a até 5 km (localidades)"},
    {"report.fig.people_located", "{n} of the {of} dumps located at a municipal seat or by a model",
     "{n} de los {of} botaderos ubicados en la cabecera municipal o por un modelo",
     "{n} dos {of} lixões localizados na sede municipal ou por um modelo"},
    {"report.fig.people_no_places", "no populated places for this country", "sin localidades para este país",
     "sem localidades para este país"},
    {"report.warn.waste_estimated",
     "{share} of the waste to these dumps is estimated from the population of nearby towns and national generation and "
     "collection rates, not measured: figures that rest on it are marked as estimates.",
     "El {share} de los residuos de estos botaderos se estima a partir de la población de las localidades cercanas y de "
     "las tasas nacionales de generación y recolección, no se mide: las cifras que dependen de ello se marcan como "
     "estimaciones.",
     "{share} dos resíduos destes lixões é estimado a partir da população das localidades próximas e das taxas nacionais "
     "de geração e coleta, não medido: os números que dependem disso estão marcados como estimativas."},
    {"report.warn.waste_unknown:one",
     "The tonnage of {n} dump is unknown and could not be estimated: the t/day figures leave it out and are lower bounds.",
     "El tonelaje de {n} botadero es desconocido y no pudo estimarse: las cifras en t/día lo excluyen y son cotas inferiores.",
     "A tonelagem de {n} lixão é desconhecida e não pôde ser estimada: os números em t/dia o excluem e são limites inferiores."},
    {"report.warn.waste_unknown:other",
     "The tonnage of {n} dumps is unknown and could not be estimated: the t/day figures leave them out and are lower bounds.",
     "El tonelaje de {n} botaderos es desconocido y no pudo estimarse: las cifras en t/día los excluyen y son cotas "
     "inferiores.",
     "A tonelagem de {n} lixões é desconhecida e não pôde ser estimada: os números em t/dia os excluem e são limites "
     "inferiores."},
    {"report.fig.waste_implausible:one", "{n} of them an implausible estimate ({t} t/day) {mark}",
     "{n} de ellos con una estimación inverosímil ({t} t/día) {mark}",
     "{n} deles com uma estimativa implausível ({t} t/dia) {mark}"},
    {"report.fig.waste_implausible:other", "{n} of them implausible estimates ({t} t/day) {mark}",
     "{n} de ellos con estimaciones inverosímiles ({t} t/día) {mark}",
     "{n} deles com estimativas implausíveis ({t} t/dia) {mark}"},
    {"report.warn.waste_implausible:one",
     "{n} estimated tonnage is implausible: {site}, {t} t/day against a ceiling of {ceiling} t/day for one site of the "
     "country (what its largest city collects, or {multiple} times the mean of its other sites where that is not known; "
     "docs/methods/waste_estimate.md, \"Plausibility\"). A city's population may have been given to a site outside it. "
     "The figures that include it (marked {mark}) overstate that site's waste: check it before quoting them.",
     "{n} tonelaje estimado es inverosímil: {site}, {t} t/día frente a un tope de {ceiling} t/día para un sitio del país "
     "(lo que recolecta su ciudad más grande, o {multiple} veces la media de sus otros sitios si eso no se conoce; "
     "docs/methods/waste_estimate.md, \"Plausibility\"). Puede que la población de una ciudad se haya atribuido a un "
     "sitio fuera de ella. Las cifras que lo incluyen (marcadas con {mark}) exageran los residuos de ese sitio: "
     "verifíquelo antes de citarlas.",
     "{n} tonelagem estimada é implausível: {site}, {t} t/dia contra um teto de {ceiling} t/dia para um local do país "
     "(o que sua maior cidade coleta, ou {multiple} vezes a média de seus outros locais se isso não for conhecido; "
     "docs/methods/waste_estimate.md, \"Plausibility\"). A população de uma cidade pode ter sido atribuída a um local "
     "fora dela. Os números que a incluem (marcados com {mark}) superestimam os resíduos desse local: verifique-a antes "
     "de citá-los."},
    {"report.warn.waste_implausible:other",
     "{n} estimated tonnages are implausible, {total} t/day together; the largest: {site}, {t} t/day against a ceiling "
     "of {ceiling} t/day for one site of the country (what its largest city collects, or {multiple} times the mean of "
     "its other sites where that is not known; docs/methods/waste_estimate.md, \"Plausibility\"). A city's population "
     "may have been given to sites outside it. The figures that include them (marked {mark}) overstate those sites' "
     "waste: check them before quoting them.",
     "{n} tonelajes estimados son inverosímiles, {total} t/día en conjunto; el mayor: {site}, {t} t/día frente a un "
     "tope de {ceiling} t/día para un sitio del país (lo que recolecta su ciudad más grande, o {multiple} veces la media "
     "de sus otros sitios si eso no se conoce; docs/methods/waste_estimate.md, \"Plausibility\"). Puede que la "
     "población de una ciudad se haya atribuido a sitios fuera de ella. Las cifras que los incluyen (marcadas con "
     "{mark}) exageran los residuos de esos sitios: verifíquelos antes de citarlas.",
     "{n} tonelagens estimadas são implausíveis, {total} t/dia no total; a maior: {site}, {t} t/dia contra um teto de "
     "{ceiling} t/dia para um local do país (o que sua maior cidade coleta, ou {multiple} vezes a média de seus outros "
     "locais se isso não for conhecido; docs/methods/waste_estimate.md, \"Plausibility\"). A população de uma cidade "
     "pode ter sido atribuída a locais fora dela. Os números que as incluem (marcados com {mark}) superestimam os "
     "resíduos desses locais: verifique-as antes de citá-los."},
    {"report.warn.waste_shared_city:one",
     "{n} estimated tonnage rests mostly on a city that another site is about as near to (within 10%), and the whole "
     "city was given to the nearer one: {site}, {t} t/day, {city_t} of them from {city} ({km} km away; the next site "
     "{next_km} km; docs/methods/waste_estimate.md, \"Plausibility\"). The figures that include it (marked {mark}) "
     "may put that city's waste at the wrong site: check which site receives it before quoting them.",
     "{n} tonelaje estimado descansa sobre todo en una ciudad que otro sitio tiene casi igual de cerca (a menos de un "
     "10% más), y la ciudad entera se atribuyó al más cercano: {site}, {t} t/día, {city_t} de ellas de {city} (a {km} "
     "km; el sitio siguiente a {next_km} km; docs/methods/waste_estimate.md, \"Plausibility\"). Las cifras que lo "
     "incluyen (marcadas con {mark}) pueden poner los residuos de esa ciudad en el sitio equivocado: verifique qué "
     "sitio los recibe antes de citarlas.",
     "{n} tonelagem estimada se apoia sobretudo numa cidade que outro local tem quase tão perto (menos de 10% mais "
     "longe), e a cidade inteira foi atribuída ao mais próximo: {site}, {t} t/dia, {city_t} delas de {city} (a {km} "
     "km; o local seguinte a {next_km} km; docs/methods/waste_estimate.md, \"Plausibility\"). Os números que a "
     "incluem (marcados com {mark}) podem pôr os resíduos dessa cidade no local errado: verifique qual local os "
     "recebe antes de citá-los."},
    {"report.warn.waste_shared_city:other",
     "{n} estimated tonnages rest mostly on a city that another site is about as near to (within 10%), each city "
     "given whole to the nearer site; the largest: {site}, {t} t/day, {city_t} of them from {city} ({km} km away; the "
     "next site {next_km} km; docs/methods/waste_estimate.md, \"Plausibility\"). The figures that include them "
     "(marked {mark}) may put those cities' waste at the wrong sites: check which sites receive it before quoting "
     "them.",
     "{n} tonelajes estimados descansan sobre todo en una ciudad que otro sitio tiene casi igual de cerca (a menos de "
     "un 10% más), cada ciudad atribuida entera al sitio más cercano; el mayor: {site}, {t} t/día, {city_t} de ellas "
     "de {city} (a {km} km; el sitio siguiente a {next_km} km; docs/methods/waste_estimate.md, \"Plausibility\"). "
     "Las cifras que los incluyen (marcadas con {mark}) pueden poner los residuos de esas ciudades en sitios "
     "equivocados: verifique qué sitios los reciben antes de citarlas.",
     "{n} tonelagens estimadas se apoiam sobretudo numa cidade que outro local tem quase tão perto (menos de 10% mais "
     "longe), cada cidade atribuída inteira ao local mais próximo; a maior: {site}, {t} t/dia, {city_t} delas de "
     "{city} (a {km} km; o local seguinte a {next_km} km; docs/methods/waste_estimate.md, \"Plausibility\"). Os "
     "números que as incluem (marcados com {mark}) podem pôr os resíduos dessas cidades nos locais errados: "
     "verifique quais locais os recebem antes de citá-los."},
    {"report.note.implausible_mark",
     "† rests on an implausible estimate of tonnage (the warning of the summary; docs/methods/waste_estimate.md, "
     "\"Plausibility\").",
     "† depende de una estimación de tonelaje inverosímil (la advertencia del resumen; docs/methods/waste_estimate.md, "
     "\"Plausibility\").",
     "† depende de uma estimativa de tonelagem implausível (o aviso do resumo; docs/methods/waste_estimate.md, "
     "\"Plausibility\")."},
    {"report.warn.records_estimated",
     "{estimated} of the {sites} sites are estimated records (placed by a model near towns to match a published national "
     "count), not observed sites: their location, type and tonnage are model outputs.",
     "{estimated} de los {sites} sitios son registros estimados (ubicados por un modelo cerca de localidades para igualar "
     "un conteo nacional publicado), no sitios observados: su ubicación, tipo y tonelaje son resultados del modelo.",
     "{estimated} dos {sites} locais são registros estimados (posicionados por um modelo perto de localidades para igualar "
     "uma contagem nacional publicada), não locais observados: sua localização, tipo e tonelagem são resultados do modelo."},
    {"report.warn.status_unknown:one",
     "{n} open or controlled dump has an unknown status: it is counted as still receiving waste, among the dumps above "
     "and in the regional plan, until the inventory says otherwise.",
     "{n} botadero a cielo abierto o controlado tiene estado desconocido: se cuenta como si aún recibiera residuos, entre "
     "los botaderos de arriba y en el plan regional, hasta que el inventario diga otra cosa.",
     "{n} lixão ou aterro controlado tem situação desconhecida: é contado como se ainda recebesse resíduos, entre os "
     "lixões acima e no plano regional, até que o inventário diga outra coisa."},
    {"report.warn.status_unknown:other",
     "{n} open or controlled dumps have an unknown status: they are counted as still receiving waste, among the dumps "
     "above and in the regional plan, until the inventory says otherwise.",
     "{n} botaderos a cielo abierto o controlados tienen estado desconocido: se cuentan como si aún recibieran residuos, "
     "entre los botaderos de arriba y en el plan regional, hasta que el inventario diga otra cosa.",
     "{n} lixões ou aterros controlados têm situação desconhecida: são contados como se ainda recebessem resíduos, "
     "entre os lixões acima e no plano regional, até que o inventário diga outra coisa."},
    {"report.warn.other_status_unknown:one",
     "{n} other site (a sanitary landfill or a site of type other) has an unknown status.",
     "{n} sitio más (un relleno sanitario o un sitio de tipo otro) tiene estado desconocido.",
     "{n} outro local (um aterro sanitário ou um local do tipo outro) tem situação desconhecida."},
    {"report.warn.other_status_unknown:other",
     "{n} other sites (sanitary landfills or sites of type other) have an unknown status.",
     "{n} sitios más (rellenos sanitarios o sitios de tipo otro) tienen estado desconocido.",
     "{n} outros locais (aterros sanitários ou locais do tipo outro) têm situação desconhecida."},
    {"report.note.methane",
     "Methane is an estimate of the IPCC 2006 first-order decay model run site by site, not a measurement.",
     "El metano es una estimación del modelo de descomposición de primer orden del IPCC 2006, aplicado sitio por sitio; "
     "no es una medición.",
     "O metano é uma estimativa do modelo de decaimento de primeira ordem do IPCC 2006, aplicado local a local; não é uma "
     "medição."},
    {"report.note.default_plan",
     "No plan was given: the regional plan is the one basural regionalize makes with its defaults (a haul of at most 50 km, "
     "no minimum size, existing landfills as candidates). It is a starting point for discussion, not a decision.",
     "No se indicó un plan: el plan regional es el que basural regionalize elabora con sus valores por defecto (recorrido "
     "de 50 km como máximo, sin tamaño mínimo, rellenos existentes como candidatos). Es un punto de partida para la "
     "discusión, no una decisión.",
     "Nenhum plano foi indicado: o plano regional é o que basural regionalize elabora com seus valores padrão (percurso de "
     "no máximo 50 km, sem porte mínimo, aterros existentes como candidatos). É um ponto de partida para a discussão, não "
     "uma decisão."},
    {"report.types.caption", "Sites by type and status", "Sitios por tipo y estado", "Locais por tipo e situação"},

    // Maps.
    {"report.map.title", "Maps", "Mapas", "Mapas"},
    {"report.map.intro",
     "Symbols: circles are sites, their area proportional to the waste they receive; hollow circles are estimated sites; "
     "stars are proposed regional landfills, squares existing landfills; shaded areas are the catchments of the plan's "
     "landfills.",
     "Símbolos: los círculos son sitios, con área proporcional a los residuos que reciben; los círculos vacíos son sitios "
     "estimados; las estrellas son rellenos regionales propuestos, los cuadrados rellenos existentes; las áreas sombreadas "
     "son las zonas que atiende cada relleno del plan.",
     "Símbolos: os círculos são locais, com área proporcional aos resíduos que recebem; círculos vazados são locais "
     "estimados; as estrelas são aterros regionais propostos, os quadrados aterros existentes; as áreas sombreadas são as "
     "áreas atendidas por cada aterro do plano."},
    // {sites}, {proposed}, {reused}, {other}: counts in words (count.sites, map.count.proposed,
    // map.count.existing_used, report.map.other_landfills).
    {"report.map.caption", "{sites}; {proposed} and {reused}, as in the plan; {other}.",
     "{sites}; {proposed} y {reused}, como en el plan; {other}.", "{sites}; {proposed} e {reused}, como no plano; {other}."},
    {"report.map.other_landfills:one", "{n} other active landfill not used by the plan",
     "{n} relleno activo más no usado por el plan", "{n} outro aterro ativo não usado pelo plano"},
    {"report.map.other_landfills:other", "{n} other active landfills not used by the plan",
     "{n} rellenos activos más no usados por el plan", "{n} outros aterros ativos não usados pelo plano"},

    // States.
    {"report.states.title", "By state", "Por estado", "Por estado"},
    {"report.states.caption", "{country} by state (first-level unit)", "{country} por estado (primer nivel administrativo)",
     "{country} por estado (primeiro nível administrativo)"},
    {"report.states.note",
     "A site's state is the one its inventory gives or, where it gives none, the unit its location lies in ({derived} of "
     "{sites} sites); 'State unknown' holds the sites in no unit. The states add up to the country. Reach: an active "
     "sanitary landfill within {km} km.",
     "El estado de un sitio es el que indica el inventario o, si no indica ninguno, la unidad donde se ubica ({derived} de "
     "{sites} sitios); 'Estado desconocido' reúne los sitios fuera de toda unidad. Los estados suman el total del país. "
     "Alcance: un relleno sanitario activo a {km} km o menos.",
     "O estado de um local é o indicado pelo inventário ou, se não houver, a unidade onde ele se situa ({derived} de "
     "{sites} locais); 'Estado desconhecido' reúne os locais fora de qualquer unidade. Os estados somam o total do país. "
     "Alcance: um aterro sanitário ativo a até {km} km."},
    {"report.chart.type_per_state", "Sites by type, per state", "Sitios por tipo, por estado", "Locais por tipo, por estado"},
    {"report.chart.status_per_state", "Sites by status, per state", "Sitios por estado operativo, por estado",
     "Locais por situação, por estado"},

    // Columns.
    {"report.col.type", "Type", "Tipo", "Tipo"},
    {"report.col.total", "Total", "Total", "Total"},
    {"report.col.state", "State", "Estado", "Estado"},
    {"report.col.sites", "Sites", "Sitios", "Locais"},
    {"report.col.active_dumps", "Active dumps", "Botaderos activos", "Lixões ativos"},
    {"report.col.t_per_day", "t/day", "t/día", "t/dia"},
    {"report.col.reach_today", "Within reach today", "Al alcance hoy", "Ao alcance hoje"},
    {"report.col.served", "Served by the plan", "Atendido por el plan", "Atendido pelo plano"},
    {"report.col.facilities", "Landfills in the plan", "Rellenos del plan", "Aterros do plano"},
    {"report.col.mean_haul", "Mean haul, km", "Recorrido medio, km", "Percurso médio, km"},
    {"report.col.max_haul", "Longest haul, km", "Recorrido máximo, km", "Percurso máximo, km"},
    {"report.col.ch4", "CH4, t/year", "CH4, t/año", "CH4, t/ano"},
    {"report.col.facility", "Landfill", "Relleno", "Aterro"},
    {"report.col.kind", "Kind", "Tipo", "Tipo"},
    {"report.col.members", "Municipalities served (share of t/day)", "Municipios atendidos (parte de t/día)",
     "Municípios atendidos (parcela de t/dia)"},
    {"report.col.estimated_share", "of which estimated", "de ello estimado", "dos quais estimado"},
    {"report.col.cost_per_year", "Cost per year", "Costo anual", "Custo anual"},
    {"report.col.rank", "Rank", "Orden", "Ordem"},
    {"report.col.site", "Site", "Sitio", "Local"},
    {"report.col.municipality", "Municipality", "Municipio", "Município"},
    {"report.col.score", "Score", "Puntaje", "Pontuação"},
    {"report.col.people_2km", "People within 2 km", "Personas a 2 km", "Pessoas a 2 km"},
    {"report.col.why", "Why", "Por qué", "Por quê"},
    {"report.col.data", "Data", "Dato", "Dado"},
    {"report.col.observed", "Observed", "Observado", "Observado"},
    {"report.col.derived", "Derived", "Derivado", "Derivado"},
    {"report.col.estimated", "Estimated", "Estimado", "Estimado"},
    {"report.col.unknown", "Unknown", "Desconocido", "Desconhecido"},

    // The regional plan.
    {"report.plan.title", "The regional plan", "El plan regional", "O plano regional"},
    {"report.plan.intro",
     "The plan opens {proposed} new regional landfills and reuses {existing} existing ones; {served} of the {of} active "
     "dumps are assigned one within a haul of {km} km.",
     "El plan abre {proposed} rellenos regionales nuevos y reutiliza {existing} existentes; {served} de los {of} botaderos "
     "activos quedan asignados a uno a {km} km o menos.",
     "O plano abre {proposed} novos aterros regionais e reaproveita {existing} existentes; {served} dos {of} lixões ativos "
     "são designados a um a até {km} km."},
    {"report.plan.all_served", "Every dump the plan considers is assigned a regional landfill.",
     "Todos los botaderos que el plan considera quedan asignados a un relleno regional.",
     "Todos os lixões que o plano considera são designados a um aterro regional."},
    {"report.plan.unserved:one", "{n} dump needs a local solution", "{n} botadero necesita una solución local",
     "{n} lixão precisa de uma solução local"},
    {"report.plan.unserved:other", "{n} dumps need a local solution", "{n} botaderos necesitan una solución local",
     "{n} lixões precisam de uma solução local"},
    {"report.reason.no_open_facility_within_cutoff", "no landfill within the haul", "ningún relleno dentro del recorrido",
     "nenhum aterro dentro do percurso"},
    {"report.reason.below_min_throughput", "too little waste for a regional landfill",
     "muy pocos residuos para un relleno regional", "resíduos insuficientes para um aterro regional"},
    {"report.reason.capacity_exhausted", "landfills within reach are full", "los rellenos al alcance están llenos",
     "os aterros ao alcance estão cheios"},
    {"report.plan.table_caption", "Landfills of the plan, largest first", "Rellenos del plan, de mayor a menor",
     "Aterros do plano, do maior ao menor"},
    {"report.plan.table_note_site_names",
     "Where the inventory names no municipality for a site, the site stands under its own name (or id), as the "
     "inventory writes it.",
     "Cuando el inventario no indica el municipio de un sitio, el sitio figura con su propio nombre (o identificador), "
     "tal como lo escribe el inventario.",
     "Quando o inventário não indica o município de um local, o local figura com seu próprio nome (ou identificador), "
     "tal como o inventário o escreve."},
    {"report.plan.table_note",
     "A municipality's share is its part of the landfill's known t/day: the pro-rata key by which the plan's cost model "
     "splits a landfill's cost. 'of which estimated': the part of the t/day that rests on estimated tonnage.",
     "La parte de un municipio es su fracción de las t/día conocidas del relleno: la clave proporcional con la que el "
     "modelo de costos del plan reparte el costo de un relleno. 'de ello estimado': la parte de las t/día que depende de "
     "tonelajes estimados.",
     "A parcela de um município é sua fração das t/dia conhecidas do aterro: a chave proporcional com que o modelo de "
     "custos do plano reparte o custo de um aterro. 'dos quais estimado': a parte das t/dia que depende de tonelagens "
     "estimadas."},
    {"report.kind.proposed", "New", "Nuevo", "Novo"},
    {"report.kind.existing", "Existing", "Existente", "Existente"},
    {"report.chart.coverage", "Coverage today and with the plan", "Cobertura hoy y con el plan",
     "Cobertura hoje e com o plano"},
    {"report.chart.share_dumps", "Share of active dumps", "Parte de los botaderos activos", "Parcela dos lixões ativos"},
    {"report.chart.share_waste", "Share of their waste", "Parte de sus residuos", "Parcela de seus resíduos"},
    {"report.chart.today", "Today: a landfill within {km} km", "Hoy: un relleno a {km} km o menos",
     "Hoje: um aterro a até {km} km"},
    {"report.chart.with_plan", "With the plan", "Con el plan", "Com o plano"},
    {"report.chart.coverage_note", "Shares of the active open and controlled dumps and of the waste they receive.",
     "Fracciones de los botaderos a cielo abierto y controlados activos y de los residuos que reciben.",
     "Frações dos lixões e aterros controlados ativos e dos resíduos que recebem."},
    {"report.chart.haul", "Haul from each dump to its regional landfill", "Recorrido de cada botadero a su relleno regional",
     "Percurso de cada lixão até seu aterro regional"},
    {"report.chart.haul_axis", "Haul, km (bins of 5 km)", "Recorrido, km (intervalos de 5 km)",
     "Percurso, km (intervalos de 5 km)"},
    {"report.chart.dumps", "Dumps", "Botaderos", "Lixões"},
    {"report.chart.haul_note", "{n} dumps assigned by the plan; haul as the plan measures it.",
     "{n} botaderos asignados por el plan; recorrido tal como lo mide el plan.",
     "{n} lixões designados pelo plano; percurso como o plano o mede."},

    // Closure priority.
    {"report.priority.title", "Dumps to close first", "Botaderos a cerrar primero", "Lixões a encerrar primeiro"},
    {"report.priority.intro", "The {n} active dumps of highest closure priority, of {of} ranked.",
     "Los {n} botaderos activos de mayor prioridad de cierre, de {of} ordenados.",
     "Os {n} lixões ativos de maior prioridade de encerramento, de {of} ordenados."},
    {"report.priority.caption", "Closure priority", "Prioridad de cierre", "Prioridade de encerramento"},
    {"report.priority.note",
     "Score from 0 to 1: a weighted sum of waste, methane, people within 2 km, open burning, waste pickers, children "
     "picking waste and readiness (a landfill near); criteria without data score 0. * tonnage estimated. Method: "
     "docs/methods/priority.md.",
     "Puntaje de 0 a 1: suma ponderada de residuos, metano, personas a 2 km, quema a cielo abierto, recicladores, niños "
     "recicladores y preparación (un relleno cerca); los criterios sin datos puntúan 0. * tonelaje estimado. Método: "
     "docs/methods/priority.md.",
     "Pontuação de 0 a 1: soma ponderada de resíduos, metano, pessoas a 2 km, queima a céu aberto, catadores, crianças "
     "catadoras e prontidão (um aterro próximo); critérios sem dados pontuam 0. * tonelagem estimada. Método: "
     "docs/methods/priority.md."},
    {"report.why.waste", "{v} t/day received", "recibe {v} t/día", "recebe {v} t/dia"},
    {"report.why.methane", "{v} t of methane a year", "{v} t de metano al año", "{v} t de metano por ano"},
    {"report.why.people", "{v} people within 2 km", "{v} personas a 2 km", "{v} pessoas a 2 km"},
    {"report.why.burning", "open burning", "quema a cielo abierto", "queima a céu aberto"},
    {"report.why.pickers", "{v} waste pickers", "{v} recicladores", "{v} catadores"},
    {"report.why.children", "children picking waste", "niños recicladores", "crianças catadoras"},
    {"report.why.ready", "a landfill {v} km away", "un relleno a {v} km", "um aterro a {v} km"},
    {"report.why.none", "no criterion above 0", "ningún criterio mayor que 0", "nenhum critério acima de 0"},
    {"report.criterion.waste", "waste", "residuos", "resíduos"},
    {"report.criterion.methane", "methane", "metano", "metano"},
    {"report.criterion.people_2km", "people within 2 km", "personas a 2 km", "pessoas a 2 km"},
    {"report.criterion.open_burning", "open burning", "quema a cielo abierto", "queima a céu aberto"},
    {"report.criterion.waste_pickers", "waste pickers", "recicladores", "catadores"},
    {"report.criterion.child_waste_pickers", "children picking waste", "niños recicladores", "crianças catadoras"},
    {"report.criterion.readiness", "readiness", "preparación", "prontidão"},

    // Methane.
    {"report.methane.title", "Methane", "Metano", "Metano"},
    {"report.methane.intro",
     "The sites emit an estimated {ch4} t of methane in {year}, {co2e} t CO2e (GWP100 = {gwp}); {unknown} sites could not "
     "be estimated (no tonnage) and are left out.",
     "Los sitios emiten un estimado de {ch4} t de metano en {year}, {co2e} t CO2e (PCG100 = {gwp}); {unknown} sitios no "
     "pudieron estimarse (sin tonelaje) y quedan fuera.",
     "Os locais emitem cerca de {ch4} t de metano em {year}, {co2e} t CO2e (PAG100 = {gwp}); {unknown} locais não puderam "
     "ser estimados (sem tonelagem) e ficam de fora."},
    {"report.chart.emitters", "The {n} largest methane emitters, {year}", "Los {n} mayores emisores de metano, {year}",
     "Os {n} maiores emissores de metano, {year}"},
    {"report.chart.ch4_axis", "CH4, t/year", "CH4, t/año", "CH4, t/ano"},
    {"report.chart.estimated_input", "rests on an estimated tonnage, record or opening year",
     "depende de un tonelaje, registro o año de apertura estimados", "depende de tonelagem, registro ou ano de abertura estimados"},
    {"report.chart.emitters_note", "Lighter bars: the estimate rests on a modelled input.",
     "Barras claras: la estimación depende de un dato modelado.", "Barras claras: a estimativa depende de um dado modelado."},
    {"report.methane.note",
     "IPCC 2006 Guidelines, Vol. 5, Ch. 3: first-order decay of the waste deposited each year, with the methane correction "
     "factor of the site type, the decay rate of its climate zone and the degradable carbon of its IPCC region. Method: "
     "docs/methods/methane.md.",
     "Directrices del IPCC de 2006, Vol. 5, Cap. 3: descomposición de primer orden de los residuos depositados cada año, "
     "con el factor de corrección de metano del tipo de sitio, la tasa de descomposición de su zona climática y el carbono "
     "degradable de su región IPCC. Método: docs/methods/methane.md.",
     "Diretrizes do IPCC de 2006, Vol. 5, Cap. 3: decaimento de primeira ordem dos resíduos depositados a cada ano, com o "
     "fator de correção de metano do tipo de local, a taxa de decaimento de sua zona climática e o carbono degradável de "
     "sua região IPCC. Método: docs/methods/methane.md."},

    // Assumptions and provenance.
    {"report.assumptions.title", "Assumptions and data", "Supuestos y datos", "Premissas e dados"},
    {"report.provenance.caption", "What is observed, derived and estimated", "Qué es observado, derivado y estimado",
     "O que é observado, derivado e estimado"},
    {"report.provenance.records", "Site records", "Registros de sitios", "Registros de locais"},
    {"report.provenance.locations", "Locations (surveyed / municipal seat / estimated)",
     "Ubicaciones (levantada / cabecera municipal / estimada)", "Localizações (levantada / sede municipal / estimada)"},
    {"report.provenance.states", "State of each site (inventory / location)", "Estado de cada sitio (inventario / ubicación)",
     "Estado de cada local (inventário / localização)"},
    {"report.provenance.tonnage", "Waste to active dumps, t/day", "Residuos a botaderos activos, t/día",
     "Resíduos para lixões ativos, t/dia"},
    {"report.provenance.note",
     "Observed: read in a source. Derived: computed from observed values by a documented rule. Estimated: a model output.",
     "Observado: leído en una fuente. Derivado: calculado a partir de valores observados con una regla documentada. "
     "Estimado: resultado de un modelo.",
     "Observado: lido em uma fonte. Derivado: calculado a partir de valores observados por uma regra documentada. "
     "Estimado: resultado de um modelo."},
    {"report.assumptions.defaults", "Rules and defaults used:", "Reglas y valores por defecto usados:",
     "Regras e valores padrão usados:"},
    {"report.default.reach", "Within reach today: an active sanitary landfill of the same country within {km} km (geodesic).",
     "Al alcance hoy: un relleno sanitario activo del mismo país a {km} km o menos (geodésicos).",
     "Ao alcance hoje: um aterro sanitário ativo do mesmo país a até {km} km (geodésicos)."},
    {"report.default.waste",
     "Unknown tonnage: the population of the towns whose nearest active site it is (within 50 km) times the country's "
     "kg per person per day and collection rate (World Bank, What a Waste 2.0). Method: docs/methods/waste_estimate.md.",
     "Tonelaje desconocido: la población de las localidades cuyo sitio activo más cercano es éste (a 50 km o menos) por "
     "los kg por persona y día y la tasa de recolección del país (Banco Mundial, What a Waste 2.0). Método: "
     "docs/methods/waste_estimate.md.",
     "Tonelagem desconhecida: a população das localidades cujo local ativo mais próximo é este (a até 50 km) vezes os kg "
     "por pessoa por dia e a taxa de coleta do país (Banco Mundial, What a Waste 2.0). Método: "
     "docs/methods/waste_estimate.md."},
    {"report.default.methane",
     "Methane: reporting year {year}; DOCf {docf}, F {f}; {years} years of deposits when the opening year is unknown; "
     "GWP100 of CH4 {gwp} (IPCC AR5).",
     "Metano: año de reporte {year}; DOCf {docf}, F {f}; {years} años de depósitos si se desconoce el año de apertura; "
     "PCG100 del CH4 {gwp} (IPCC AR5).",
     "Metano: ano de referência {year}; DOCf {docf}, F {f}; {years} anos de deposição quando o ano de abertura é "
     "desconhecido; PAG100 do CH4 {gwp} (IPCC AR5)."},
    {"report.default.exposure",
     "People near dumps: the population of populated places (GeoNames) within 1, 2 and 5 km of an active dump, each "
     "counted once. Method: docs/methods/exposure.md.",
     "Personas cerca de botaderos: la población de las localidades (GeoNames) a 1, 2 y 5 km o menos de un botadero activo, "
     "cada una contada una vez. Método: docs/methods/exposure.md.",
     "Pessoas perto de lixões: a população das localidades (GeoNames) a até 1, 2 e 5 km de um lixão ativo, cada uma "
     "contada uma vez. Método: docs/methods/exposure.md."},
    {"report.default.priority", "Closure priority weights: {weights}; readiness counts a landfill within {km} km.",
     "Pesos de la prioridad de cierre: {weights}; la preparación cuenta un relleno a {km} km o menos.",
     "Pesos da prioridade de encerramento: {weights}; a prontidão conta um aterro a até {km} km."},
    {"report.default.states",
     "States: the inventory's admin-1 fields, else the first-level unit the site lies in (or the nearest within {km} km).",
     "Estados: los campos admin-1 del inventario o, si faltan, la unidad de primer nivel donde está el sitio (o la más "
     "cercana a {km} km o menos).",
     "Estados: os campos admin-1 do inventário ou, se faltarem, a unidade de primeiro nível onde está o local (ou a mais "
     "próxima a até {km} km)."},
    {"report.default.plan_default", "Regional plan: basural regionalize with its defaults (docs/cli/regionalize.md).",
     "Plan regional: basural regionalize con sus valores por defecto (docs/cli/regionalize.md).",
     "Plano regional: basural regionalize com seus valores padrão (docs/cli/regionalize.md)."},
    {"report.default.plan_given", "Regional plan: as given, with the parameters below.",
     "Plan regional: el indicado, con los parámetros siguientes.", "Plano regional: o indicado, com os parâmetros abaixo."},
    {"report.assumptions.plan_parameters", "Parameters of the plan:", "Parámetros del plan:", "Parâmetros do plano:"},
    {"report.assumptions.sources", "Sources:", "Fuentes:", "Fontes:"},
    {"report.source.sites", "{source}: {sites}", "{source}: {sites}", "{source}: {sites}"},
    {"report.source.inventory", "Inventory file: {path}", "Archivo del inventario: {path}", "Arquivo do inventário: {path}"},
    {"report.source.boundaries", "Country boundaries: {path}", "Límites de países: {path}", "Limites de países: {path}"},
    {"report.source.admin1", "States: {path}", "Estados: {path}", "Estados: {path}"},
    {"report.source.places", "Populated places: {path}", "Localidades: {path}", "Localidades: {path}"},
    {"report.source.country_waste", "Waste generation and collection by country: {path}",
     "Generación y recolección de residuos por país: {path}", "Geração e coleta de resíduos por país: {path}"},
    {"report.source.licences",
     "Licences of the shipped data: Natural Earth boundaries (public domain; the first-level units as distributed in QGIS, "
     "GPL-2+), GeoNames places (CC BY 4.0), World Bank What a Waste 2.0 (CC BY 4.0), SNIS (ODbL 1.0), INEGI (free use "
     "with attribution). Details: datasets/README.md.",
     "Licencias de los datos incluidos: límites de Natural Earth (dominio público; las unidades de primer nivel tal como "
     "las distribuye QGIS, GPL-2+), localidades de GeoNames (CC BY 4.0), Banco Mundial What a Waste 2.0 (CC BY 4.0), SNIS "
     "(ODbL 1.0), INEGI (uso libre con atribución). Detalles: datasets/README.md.",
     "Licenças dos dados incluídos: limites do Natural Earth (domínio público; as unidades de primeiro nível como o QGIS "
     "as distribui, GPL-2+), localidades do GeoNames (CC BY 4.0), Banco Mundial What a Waste 2.0 (CC BY 4.0), SNIS (ODbL "
     "1.0), INEGI (uso livre com atribuição). Detalhes: datasets/README.md."},
    {"report.assumptions.engine", "Produced by basural {version}. Methods: docs/methods/.",
     "Elaborado con basural {version}. Métodos: docs/methods/.", "Elaborado com basural {version}. Métodos: docs/methods/."},

    // Where each figure comes from (report_provenance.cpp).
    {"report.trace.caption", "Where each figure comes from", "De dónde sale cada cifra", "De onde vem cada número"},
    {"report.trace.intro",
     "Every figure of this report is printed by the commands below (run from the basural source tree, with the loading "
     "options given to the report, if any); the table names the command, the row and the columns of its output.",
     "Cada cifra de este informe la imprimen los comandos siguientes (desde el árbol de fuentes de basural, con las "
     "opciones de carga dadas al informe, si las hubo); la tabla indica el comando, la fila y las columnas de su salida.",
     "Cada número deste relatório é impresso pelos comandos abaixo (a partir da árvore de fontes do basural, com as "
     "opções de carga dadas ao relatório, se houver); a tabela indica o comando, a linha e as colunas da sua saída."},
    {"report.trace.col.figure", "Figure", "Cifra", "Número"},
    {"report.trace.col.command", "Command and rows", "Comando y filas", "Comando e linhas"},
    {"report.trace.col.columns", "Columns", "Columnas", "Colunas"},
    {"report.trace.row_country", "row country = {country}, admin1 = all", "fila country = {country}, admin1 = all",
     "linha country = {country}, admin1 = all"},
    {"report.trace.row_state", "row country = {country}, admin1 = {admin1}", "fila country = {country}, admin1 = {admin1}",
     "linha country = {country}, admin1 = {admin1}"},
    {"report.trace.rows_states", "rows country = {country}: one per admin1, then admin1 = all",
     "filas country = {country}: una por admin1 y luego admin1 = all",
     "linhas country = {country}: uma por admin1 e depois admin1 = all"},
    {"report.trace.rows_sites", "rows country = {country}", "filas country = {country}", "linhas country = {country}"},
    {"report.trace.plan_layers", "layers of {plan}", "capas de {plan}", "camadas de {plan}"},
    {"report.trace.note",
     "(1) keeps the country's sites, as the report does: its figures are those of the country's dumps, landfills and "
     "towns, and its ranking ranks the country's dumps among themselves (write your source's country column in the "
     "filter). Coverage of the whole inventory would also count the country's towns near a dump across the border; "
     "the report does not. The commands print more decimals than the report writes, and shares as fractions (0.25 = 25%).",
     "(1) conserva los sitios del país, como el informe: sus cifras son las de los botaderos, rellenos y localidades del "
     "país, y su prioridad ordena los botaderos del país entre sí (escriba en el filtro la columna de país de su "
     "fuente). La cobertura de todo el inventario contaría además las localidades del país cercanas a un botadero del "
     "otro lado de la frontera; el informe no. Los comandos imprimen más decimales que el informe, y las proporciones "
     "como fracciones (0.25 = 25 %).",
     "(1) mantém os locais do país, como o relatório: seus números são os dos lixões, aterros e localidades do país, e "
     "sua prioridade ordena os lixões do país entre si (escreva no filtro a coluna de país da sua fonte). A cobertura "
     "do inventário inteiro contaria também as localidades do país perto de um lixão do outro lado da fronteira; o "
     "relatório não. Os comandos imprimem mais casas decimais que o relatório, e as proporções como frações (0.25 = 25%)."},
    {"report.trace.plan_places",
     "The plan made for this report estimated unknown tonnage from {places}; basural regionalize (2) estimates it from "
     "the shipped places, so its plan can differ.",
     "El plan elaborado para este informe estimó el tonelaje desconocido a partir de {places}; basural regionalize (2) lo "
     "estima a partir de las localidades incluidas, así que su plan puede diferir.",
     "O plano elaborado para este relatório estimou a tonelagem desconhecida a partir de {places}; basural regionalize (2) "
     "a estima a partir das localidades incluídas, então seu plano pode ser diferente."},

    // What the command prints.
    {"cmd.report.written", "{title}: {sections}, {maps} -> {file}", "{title}: {sections}, {maps} -> {file}",
     "{title}: {sections}, {maps} -> {file}"},
    {"count.sections:one", "{n} section", "{n} sección", "{n} seção"},
    {"count.sections:other", "{n} sections", "{n} secciones", "{n} seções"},
    {"count.maps:one", "{n} map", "{n} mapa", "{n} mapa"},
    {"count.maps:other", "{n} maps", "{n} mapas", "{n} mapas"},
});

// Regional words in the report's headings, labels and chart titles (running text keeps "botadero",
// which readers everywhere understand): "tiradero" and "sitio controlado" in Mexico, "basural" in
// Argentina, as in catalogue_terms.cpp.
constexpr std::array REPORT_REGIONAL = std::to_array<RegionalEntry>({
    {"report.title", Language::es, "MX", "{place}: tiraderos y rellenos sanitarios regionales"},
    {"report.fig.inadequate", Language::es, "MX", "Tiraderos a cielo abierto y sitios controlados activos"},
    {"report.fig.waste", Language::es, "MX", "Residuos a esos tiraderos"},
    {"report.col.active_dumps", Language::es, "MX", "Tiraderos activos"},
    {"report.chart.share_dumps", Language::es, "MX", "Parte de los tiraderos activos"},
    {"report.chart.dumps", Language::es, "MX", "Tiraderos"},
    {"report.chart.haul", Language::es, "MX", "Recorrido de cada tiradero a su relleno regional"},
    {"report.priority.title", Language::es, "MX", "Tiraderos a cerrar primero"},
    {"report.fig.people_located", Language::es, "MX", "{n} de los {of} tiraderos ubicados en la cabecera municipal o por un modelo"},
    {"report.title", Language::es, "AR", "{place}: basurales y rellenos sanitarios regionales"},
    {"report.fig.inadequate", Language::es, "AR", "Basurales a cielo abierto y controlados activos"},
    {"report.fig.waste", Language::es, "AR", "Residuos a esos basurales"},
    {"report.col.active_dumps", Language::es, "AR", "Basurales activos"},
    {"report.chart.share_dumps", Language::es, "AR", "Parte de los basurales activos"},
    {"report.chart.dumps", Language::es, "AR", "Basurales"},
    {"report.chart.haul", Language::es, "AR", "Recorrido de cada basural a su relleno regional"},
    {"report.priority.title", Language::es, "AR", "Basurales a cerrar primero"},
    {"report.fig.people_located", Language::es, "AR", "{n} de los {of} basurales ubicados en la cabecera municipal o por un modelo"},
});

}  // namespace

std::span<const CatalogueEntry> catalogue_report()
{
    return REPORT;
}

std::span<const RegionalEntry> catalogue_report_regional()
{
    return REPORT_REGIONAL;
}

}  // namespace basural::detail

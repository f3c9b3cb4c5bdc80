// Message catalogue, part 1: the words of the schema (site types, statuses, provenance, location
// precision), the 33 countries, units and common counts, in English, Spanish and Portuguese.
//
// Spanish follows the words of the region's ministries and laws where they agree: "relleno sanitario",
// "botadero a cielo abierto" (Peru, Colombia, Bolivia, Ecuador, Central America), with regional words
// at the end of the file ("tiradero" and "sitio controlado" in Mexico, NOM-083-SEMARNAT-2003;
// "basural" in Argentina). Portuguese follows Brazil's PNRS (Lei 12.305/2010) and SNIS: "lixão",
// "aterro controlado", "aterro sanitário". Country names: the UN/ISO short names in each language.
#include "base/catalogue.hpp"

#include <array>

namespace basural::detail {
namespace {

constexpr std::array TERMS = std::to_array<CatalogueEntry>({
    // Site types (schema values), as legend and table labels.
    {"site_type.open_dump", "Open dump", "Botadero a cielo abierto", "Lixão"},
    {"site_type.controlled_dump", "Controlled dump", "Botadero controlado", "Aterro controlado"},
    {"site_type.sanitary_landfill", "Sanitary landfill", "Relleno sanitario", "Aterro sanitário"},
    {"site_type.other", "Other", "Otro", "Outro"},
    // Counted in running text ("3 open dumps").
    {"count.open_dumps:one", "{n} open dump", "{n} botadero a cielo abierto", "{n} lixão"},
    {"count.open_dumps:other", "{n} open dumps", "{n} botaderos a cielo abierto", "{n} lixões"},
    {"count.controlled_dumps:one", "{n} controlled dump", "{n} botadero controlado", "{n} aterro controlado"},
    {"count.controlled_dumps:other", "{n} controlled dumps", "{n} botaderos controlados", "{n} aterros controlados"},
    {"count.sanitary_landfills:one", "{n} sanitary landfill", "{n} relleno sanitario", "{n} aterro sanitário"},
    {"count.sanitary_landfills:other", "{n} sanitary landfills", "{n} rellenos sanitarios", "{n} aterros sanitários"},
    {"count.other_sites:one", "{n} other", "{n} otro", "{n} outro"},
    {"count.other_sites:other", "{n} other", "{n} otros", "{n} outros"},
    {"count.sites:one", "{n} site", "{n} sitio", "{n} local"},
    {"count.sites:other", "{n} sites", "{n} sitios", "{n} locais"},
    {"count.facilities:one", "{n} facility", "{n} instalación", "{n} instalação"},
    {"count.facilities:other", "{n} facilities", "{n} instalaciones", "{n} instalações"},
    {"count.estimated:one", "{n} estimated", "{n} estimado", "{n} estimado"},
    {"count.estimated:other", "{n} estimated", "{n} estimados", "{n} estimados"},

    // Statuses.
    {"status.active", "Active", "En operación", "Em operação"},
    {"status.inactive", "Inactive", "Inactivo", "Inativo"},
    {"status.closing", "Closing", "En proceso de cierre", "Em encerramento"},
    {"status.closed", "Closed", "Cerrado", "Encerrado"},
    {"status.remediated", "Remediated", "Remediado", "Remediado"},
    {"status.unknown", "Unknown", "Desconocido", "Desconhecido"},

    // Provenance of a record or value, and how precisely a site is located.
    {"provenance.observed", "observed", "observado", "observado"},
    {"provenance.derived", "derived", "derivado", "derivado"},
    {"provenance.estimated", "estimated", "estimado", "estimado"},
    {"location_precision.surveyed", "surveyed", "levantada en campo", "levantada em campo"},
    {"location_precision.municipal_seat", "municipal seat", "cabecera municipal", "sede municipal"},
    {"location_precision.estimated", "estimated", "estimada", "estimada"},

    // Values.
    {"value.yes", "yes", "sí", "sim"},
    {"value.no", "no", "no", "não"},
    {"value.unknown", "unknown", "desconocido", "desconhecido"},
    {"value.none", "none", "ninguno", "nenhum"},
    {"value.unlimited", "unlimited", "sin límite", "ilimitada"},

    // Units (symbols in the language's usage).
    {"unit.t_per_day", "t/day", "t/día", "t/dia"},
    {"unit.t_per_year", "t/year", "t/año", "t/ano"},
    {"unit.km", "km", "km", "km"},

    // Countries: UN / ISO 3166 short names.
    {"country.ARG", "Argentina", "Argentina", "Argentina"},
    {"country.ATG", "Antigua and Barbuda", "Antigua y Barbuda", "Antígua e Barbuda"},
    {"country.BHS", "Bahamas", "Bahamas", "Bahamas"},
    {"country.BLZ", "Belize", "Belice", "Belize"},
    {"country.BOL", "Bolivia", "Bolivia", "Bolívia"},
    {"country.BRA", "Brazil", "Brasil", "Brasil"},
    {"country.BRB", "Barbados", "Barbados", "Barbados"},
    {"country.CHL", "Chile", "Chile", "Chile"},
    {"country.COL", "Colombia", "Colombia", "Colômbia"},
    {"country.CRI", "Costa Rica", "Costa Rica", "Costa Rica"},
    {"country.CUB", "Cuba", "Cuba", "Cuba"},
    {"country.DMA", "Dominica", "Dominica", "Dominica"},
    {"country.DOM", "Dominican Republic", "República Dominicana", "República Dominicana"},
    {"country.ECU", "Ecuador", "Ecuador", "Equador"},
    {"country.GRD", "Grenada", "Granada", "Granada"},
    {"country.GTM", "Guatemala", "Guatemala", "Guatemala"},
    {"country.GUY", "Guyana", "Guyana", "Guiana"},
    {"country.HND", "Honduras", "Honduras", "Honduras"},
    {"country.HTI", "Haiti", "Haití", "Haiti"},
    {"country.JAM", "Jamaica", "Jamaica", "Jamaica"},
    {"country.KNA", "Saint Kitts and Nevis", "San Cristóbal y Nieves", "São Cristóvão e Névis"},
    {"country.LCA", "Saint Lucia", "Santa Lucía", "Santa Lúcia"},
    {"country.MEX", "Mexico", "México", "México"},
    {"country.NIC", "Nicaragua", "Nicaragua", "Nicarágua"},
    {"country.PAN", "Panama", "Panamá", "Panamá"},
    {"country.PER", "Peru", "Perú", "Peru"},
    {"country.PRY", "Paraguay", "Paraguay", "Paraguai"},
    {"country.SLV", "El Salvador", "El Salvador", "El Salvador"},
    {"country.SUR", "Suriname", "Surinam", "Suriname"},
    {"country.TTO", "Trinidad and Tobago", "Trinidad y Tobago", "Trinidad e Tobago"},
    {"country.URY", "Uruguay", "Uruguay", "Uruguai"},
    {"country.VCT", "Saint Vincent and the Grenadines", "San Vicente y las Granadinas", "São Vicente e Granadinas"},
    {"country.VEN", "Venezuela", "Venezuela", "Venezuela"},
    {"region.LAC", "Latin America and the Caribbean", "América Latina y el Caribe", "América Latina e Caribe"},
});

// Regional words: what readers in one country call a site type.
constexpr std::array REGIONAL = std::to_array<RegionalEntry>({
    // Mexico: NOM-083-SEMARNAT-2003 and SEMARNAT's inventories say "tiradero a cielo abierto" and
    // "sitio controlado".
    {"site_type.open_dump", Language::es, "MX", "Tiradero a cielo abierto"},
    {"count.open_dumps:one", Language::es, "MX", "{n} tiradero a cielo abierto"},
    {"count.open_dumps:other", Language::es, "MX", "{n} tiraderos a cielo abierto"},
    {"site_type.controlled_dump", Language::es, "MX", "Sitio controlado"},
    {"count.controlled_dumps:one", Language::es, "MX", "{n} sitio controlado"},
    {"count.controlled_dumps:other", Language::es, "MX", "{n} sitios controlados"},
    {"column.open_dump", Language::es, "MX", "tiraderos"},
    // Argentina: "basural a cielo abierto" (ENGIRSU, Ministerio de Ambiente).
    {"column.open_dump", Language::es, "AR", "basurales"},
    {"site_type.open_dump", Language::es, "AR", "Basural a cielo abierto"},
    {"count.open_dumps:one", Language::es, "AR", "{n} basural a cielo abierto"},
    {"count.open_dumps:other", Language::es, "AR", "{n} basurales a cielo abierto"},
});

}  // namespace

std::span<const CatalogueEntry> catalogue_terms()
{
    return TERMS;
}

std::span<const RegionalEntry> catalogue_regional()
{
    return REGIONAL;
}

}  // namespace basural::detail

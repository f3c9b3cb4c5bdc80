#pragma once
/// \file methane.hpp
/// Methane from solid waste disposal sites by the first-order decay (FOD) model of the
/// 2006 IPCC Guidelines for National Greenhouse Gas Inventories, Vol. 5 (Waste), Ch. 3
/// (Solid Waste Disposal), eq. 3.1-3.6, run site by site. Formulation, defaults and their sources:
/// docs/methods/methane.md.

#include "basural/geo/climate_zone.hpp"
#include "basural/inventory/site.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace basural {

// ------------------------------------------------------------------------------------------------
// IPCC defaults (fractions, not percentages)

/// DOCf, fraction of DOC that decomposes (Vol. 5 Ch. 3 §3.2.3 default).
inline constexpr double IPCC_DOCF_DEFAULT = 0.5;
/// F, fraction of CH4 in generated landfill gas by volume (Ch. 3 §3.2.3 default).
inline constexpr double IPCC_F_DEFAULT = 0.5;
/// OX for a managed site covered with CH4-oxidising material such as soil or compost (Table 3.2);
/// every other site has OX = 0.
inline constexpr double IPCC_OX_COVERED = 0.1;
/// Mass of CH4 per mass of carbon, 16/12 (eq. 3.6).
inline constexpr double CH4_PER_C_MASS_RATIO = 16.0 / 12.0;
/// Global warming potentials of CH4 over 100 years: IPCC AR5 WG1 Table 8.7 (without climate-carbon
/// feedbacks; the values the Paris Agreement's transparency framework uses, decision 18/CMA.1) and
/// IPCC AR6 WG1 Table 7.15 for non-fossil methane (waste methane is biogenic).
inline constexpr double GWP100_CH4_AR5 = 28.0;
inline constexpr double GWP100_CH4_AR6_NON_FOSSIL = 27.0;

// ------------------------------------------------------------------------------------------------
// The FOD model on a series of annual deposits (knows nothing of sites)

/// Parameters of eq. 3.1-3.6 for one disposal site.
struct FodParameters {
    double doc_fraction = 0.0;       ///< DOC, degradable organic carbon, fraction of wet waste
    double docf_fraction = IPCC_DOCF_DEFAULT;
    double mcf = 1.0;                ///< methane correction factor (Table 3.1)
    double k_per_year = 0.0;         ///< decay rate constant (Table 3.3)
    double f_fraction = IPCC_F_DEFAULT;
    double ox_fraction = 0.0;        ///< oxidation factor (Table 3.2)
    double recovery_fraction = 0.0;  ///< R_T = recovery_fraction x CH4 generated_T
};

/// One year of the FOD model; masses in tonnes.
struct FodYear {
    int year = 0;
    double waste_t = 0.0;              ///< W_T, waste deposited during the year
    double ddocm_deposited_t = 0.0;    ///< DDOCmd_T = W_T x DOC x DOCf x MCF (eq. 3.2)
    double ddocm_accumulated_t = 0.0;  ///< DDOCma_T = DDOCmd_T + DDOCma_{T-1} e^-k, end of year (eq. 3.4)
    double ddocm_decomposed_t = 0.0;   ///< DDOCm decomp_T = DDOCma_{T-1} (1 - e^-k) (eq. 3.5)
    double ch4_generated_t = 0.0;      ///< DDOCm decomp_T x F x 16/12 (eq. 3.6)
    double ch4_recovered_t = 0.0;      ///< R_T
    double ch4_emitted_t = 0.0;        ///< (generated_T - R_T) x (1 - OX) (eq. 3.1)
};

/// Runs eq. 3.1-3.6 from `first_year` to `last_year` inclusive; waste_t_by_year[i] is deposited in
/// year first_year + i (no deposits after its end). Decay of a year's deposit starts on 1 January of
/// the next year, so a deposit emits nothing in its own year. Throws usage_error when
/// last_year < first_year, a deposit is negative or not finite, or a parameter is outside its range
/// (fractions in [0, 1], k > 0).
std::vector<FodYear> run_first_order_decay(int first_year, const std::vector<double>& waste_t_by_year,
                                           int last_year, const FodParameters& p);

// ------------------------------------------------------------------------------------------------
// Methane correction factor (Vol. 5 Ch. 3 Table 3.1)

enum class McfCategory { managed_anaerobic, managed_semi_aerobic, unmanaged_deep, unmanaged_shallow, uncategorised };
std::string_view to_string(McfCategory c) noexcept;
/// Table 3.1: 1.0, 0.5, 0.8, 0.4, 0.6.
double mcf_of(McfCategory c) noexcept;
/// Table 3.1's threshold between unmanaged shallow and deep sites.
inline constexpr double UNMANAGED_DEEP_MIN_DEPTH_M = 5.0;

/// How a controlled dump is classed. IPCC calls a site "managed" when it has controlled placement of
/// waste and at least one of cover material, mechanical compaction or levelling, which is what a
/// controlled dump adds to an open dump; `unmanaged_by_depth` treats it like an open dump instead
/// (a lower-bound sensitivity).
enum class ControlledDumpTreatment { managed, unmanaged_by_depth };

/// The category of a site: sanitary landfill -> managed_anaerobic; controlled dump -> managed_anaerobic
/// (or by depth, see above); open dump -> unmanaged_deep when depth_m >= 5, unmanaged_shallow when
/// depth_m < 5, uncategorised when the depth is unknown. std::nullopt for SiteType::other.
/// managed_semi_aerobic is never chosen: the schema does not record semi-aerobic design.
std::optional<McfCategory> mcf_category_for(SiteType type, std::optional<double> depth_m,
                                            ControlledDumpTreatment controlled = ControlledDumpTreatment::managed) noexcept;

// ------------------------------------------------------------------------------------------------
// Degradable organic carbon (Vol. 5 Ch. 2 Tables 2.3 and 2.4)

/// Shares of the degradable components in wet municipal solid waste (fractions of wet weight).
struct WasteComposition {
    double food = 0.0;
    double garden = 0.0;
    double paper = 0.0;     ///< paper and cardboard
    double wood = 0.0;
    double textiles = 0.0;
    double nappies = 0.0;
};

/// Table 2.4 default DOC per component, fraction of wet weight.
inline constexpr double DOC_FOOD = 0.15;
inline constexpr double DOC_GARDEN = 0.20;
inline constexpr double DOC_PAPER = 0.40;
inline constexpr double DOC_WOOD = 0.43;
inline constexpr double DOC_TEXTILES = 0.24;
inline constexpr double DOC_NAPPIES = 0.24;

/// Bulk DOC = sum over components of share_i x DOC_i (Ch. 2 §2.3).
double doc_fraction_of(const WasteComposition& c) noexcept;

/// The Table 2.3 regions the 33 LAC states fall in.
enum class IpccRegion { central_america, caribbean, south_america };
std::string_view to_string(IpccRegion r) noexcept;
/// The region of a LAC state by ISO 3166-1 alpha-3 code (Mexico is in Central America);
/// std::nullopt for any other code.
std::optional<IpccRegion> ipcc_region_of(std::string_view country_iso3) noexcept;
/// Table 2.3 regional default composition (only its degradable components; plastics, metal, glass,
/// rubber/leather and other have no DOC).
WasteComposition ipcc_default_composition(IpccRegion r) noexcept;

// ------------------------------------------------------------------------------------------------
// Decay rate (Vol. 5 Ch. 3 Table 3.3, bulk waste)

/// Table 3.3 bulk-waste defaults: temperate dry 0.05, temperate wet 0.09, tropical dry 0.065,
/// tropical wet 0.17 per year.
double k_bulk_waste_per_year(ClimateZone z) noexcept;

// ------------------------------------------------------------------------------------------------
// Per-site estimate

struct MethaneParams {
    int reporting_year = 0;                  ///< required: the year whose emissions are estimated
    int assumed_operating_years = 20;        ///< deposit years assumed when opening_year is unknown
    double docf_fraction = IPCC_DOCF_DEFAULT;
    double f_fraction = IPCC_F_DEFAULT;
    double ox_sanitary_landfill = IPCC_OX_COVERED;  ///< OX of sanitary landfills (soil cover)
    double ox_other = 0.0;                           ///< OX of every other site
    /// Share of generated CH4 recovered at sites whose gas_capture is flaring or energy. IPCC's default
    /// recovery is zero unless metered; inventories record that a system exists, not what it captures.
    double capture_recovery_fraction = 0.0;
    ControlledDumpTreatment controlled_dump = ControlledDumpTreatment::managed;
    double gwp100_ch4 = GWP100_CH4_AR5;
    /// DOC (fraction) by ISO3 code, replacing the Table 2.3 regional default for that country.
    std::map<std::string, double, std::less<>> doc_by_country;
};

/// One site's estimate and everything it was computed from, so a row explains itself.
struct SiteMethane {
    std::string site_id;
    std::string country_iso3;
    int reporting_year = 0;
    /// CH4 emitted in the reporting year, tonnes; std::nullopt when it cannot be estimated.
    std::optional<double> ch4_t_per_year;
    std::optional<double> co2e_t_per_year;           ///< ch4_t_per_year x gwp100_ch4
    std::optional<double> ch4_generated_t_per_year;  ///< before recovery and oxidation
    std::optional<double> ch4_recovered_t_per_year;
    std::string unknown_reason;                      ///< why ch4_t_per_year is unknown ("" when known)

    std::optional<McfCategory> mcf_category;
    double mcf = 0.0;
    std::optional<IpccRegion> region;                ///< region of the default DOC
    bool doc_from_country = false;                   ///< DOC came from MethaneParams::doc_by_country
    double doc_fraction = 0.0;
    ClimateZone climate_zone = ClimateZone::tropical_wet;
    double k_per_year = 0.0;
    double ox_fraction = 0.0;
    double recovery_fraction = 0.0;
    std::optional<double> annual_waste_t;            ///< waste_t_per_day x 365
    std::optional<int> first_deposit_year;
    std::optional<int> last_deposit_year;            ///< last year with deposits up to the reporting year
    bool first_deposit_year_assumed = false;         ///< opening_year unknown: assumed_operating_years used
    double gwp100_ch4 = 0.0;
};

/// Estimates one site with its climate zone from climate_zone_at(site.location).
/// Throws usage_error for invalid params (reporting year outside 1900-2200, fractions outside [0, 1]...).
SiteMethane estimate_site_methane(const Site& site, const MethaneParams& params);
/// The same with the climate zone given by the caller (better data than the position rule).
SiteMethane estimate_site_methane(const Site& site, const MethaneParams& params, ClimateZone zone);
/// Every site, in input order.
std::vector<SiteMethane> estimate_methane(const std::vector<Site>& sites, const MethaneParams& params);

/// Totals per country over the known estimates; the unknown ones are counted, not guessed, so a total
/// is a lower bound whenever sites_unknown > 0.
struct CountryMethane {
    std::string country_iso3;
    std::size_t sites = 0;
    std::size_t sites_estimated = 0;
    std::size_t sites_unknown = 0;
    /// Sum of the known estimates, t; std::nullopt when there are sites and none of them is known
    /// (unknown, not 0). A total over no sites at all is a true 0.
    std::optional<double> ch4_t_per_year = 0.0;
    std::optional<double> co2e_t_per_year = 0.0;
};
/// One row per country, sorted by ISO3 code.
std::vector<CountryMethane> methane_by_country(const std::vector<SiteMethane>& estimates);
/// The total of several rows (e.g. methane_by_country's, for LAC) named `country_iso3`: the counts and
/// the known sums added, unknown when no site of any row is known.
CountryMethane methane_total(const std::vector<CountryMethane>& rows, std::string country_iso3);

}  // namespace basural

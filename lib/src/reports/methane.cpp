#include "basural/reports/methane.hpp"

#include "basural/base/number_text.hpp"
#include "basural/base/error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace basural {
namespace {

bool is_fraction(double v) noexcept { return std::isfinite(v) && v >= 0.0 && v <= 1.0; }

void require_fraction(double v, std::string_view name)
{
    if (!is_fraction(v))
        throw usage_error("methane: " + std::string(name) + " must be a fraction in [0, 1], got " + format_value(v));
}

void validate(const FodParameters& p)
{
    require_fraction(p.doc_fraction, "DOC");
    require_fraction(p.docf_fraction, "DOCf");
    require_fraction(p.mcf, "MCF");
    require_fraction(p.f_fraction, "F");
    require_fraction(p.ox_fraction, "OX");
    require_fraction(p.recovery_fraction, "recovery fraction");
    if (!std::isfinite(p.k_per_year) || p.k_per_year <= 0.0)
        throw usage_error("methane: k must be a positive rate per year, got " + format_value(p.k_per_year));
}

constexpr int MIN_REPORTING_YEAR = 1900;
constexpr int MAX_REPORTING_YEAR = 2200;

void validate(const MethaneParams& p)
{
    if (p.reporting_year < MIN_REPORTING_YEAR || p.reporting_year > MAX_REPORTING_YEAR)
        throw usage_error("methane: reporting year " + std::to_string(p.reporting_year) + " is outside [" +
                          std::to_string(MIN_REPORTING_YEAR) + ", " + std::to_string(MAX_REPORTING_YEAR) + "]");
    if (p.assumed_operating_years < 1)
        throw usage_error("methane: assumed operating years must be at least 1, got " +
                          std::to_string(p.assumed_operating_years));
    require_fraction(p.docf_fraction, "DOCf");
    require_fraction(p.f_fraction, "F");
    require_fraction(p.ox_sanitary_landfill, "OX of sanitary landfills");
    require_fraction(p.ox_other, "OX");
    require_fraction(p.capture_recovery_fraction, "recovery fraction");
    if (!std::isfinite(p.gwp100_ch4) || p.gwp100_ch4 <= 0.0)
        throw usage_error("methane: GWP100 of CH4 must be positive, got " + format_value(p.gwp100_ch4));
    for (const auto& [iso3, doc] : p.doc_by_country)
        require_fraction(doc, "DOC of " + iso3);
}

// UN M49 sub-regions, which the regions of the 2006 IPCC Guidelines' Table 2.3 follow.
constexpr std::array<std::string_view, 8> CENTRAL_AMERICA{"BLZ", "CRI", "GTM", "HND", "MEX", "NIC", "PAN", "SLV"};
constexpr std::array<std::string_view, 13> CARIBBEAN{"ATG", "BHS", "BRB", "CUB", "DMA", "DOM", "GRD",
                                                    "HTI", "JAM", "KNA", "LCA", "TTO", "VCT"};
constexpr std::array<std::string_view, 12> SOUTH_AMERICA{"ARG", "BOL", "BRA", "CHL", "COL", "ECU",
                                                        "GUY", "PER", "PRY", "SUR", "URY", "VEN"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& codes, std::string_view code) noexcept
{
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool deposits_have_stopped(SiteStatus s) noexcept
{
    return s == SiteStatus::closed || s == SiteStatus::remediated || s == SiteStatus::inactive;
}

}  // namespace

std::vector<FodYear> run_first_order_decay(int first_year, const std::vector<double>& waste_t_by_year,
                                           int last_year, const FodParameters& p)
{
    validate(p);
    if (last_year < first_year)
        throw usage_error("methane: last year " + std::to_string(last_year) + " is before first year " +
                          std::to_string(first_year));
    const auto n_years = static_cast<std::size_t>(last_year - first_year) + 1;
    if (waste_t_by_year.size() > n_years)
        throw usage_error("methane: " + std::to_string(waste_t_by_year.size()) + " years of deposits from " +
                          std::to_string(first_year) + " run past the last year " + std::to_string(last_year));
    for (std::size_t i = 0; i < waste_t_by_year.size(); ++i)
        if (!std::isfinite(waste_t_by_year[i]) || waste_t_by_year[i] < 0.0)
            throw usage_error("methane: deposit of year " + std::to_string(first_year + static_cast<int>(i)) +
                              " is " + format_value(waste_t_by_year[i]) + " t");

    const double retained = std::exp(-p.k_per_year);  // e^-k: share of DDOCma left after one year
    std::vector<FodYear> years(n_years);
    double accumulated_prev_t = 0.0;                   // DDOCma_{T-1}
    for (std::size_t i = 0; i < n_years; ++i) {
        FodYear& y = years[i];
        y.year = first_year + static_cast<int>(i);
        y.waste_t = i < waste_t_by_year.size() ? waste_t_by_year[i] : 0.0;
        y.ddocm_deposited_t = y.waste_t * p.doc_fraction * p.docf_fraction * p.mcf;      // eq. 3.2
        y.ddocm_decomposed_t = accumulated_prev_t * (1.0 - retained);                      // eq. 3.5
        y.ddocm_accumulated_t = y.ddocm_deposited_t + accumulated_prev_t * retained;       // eq. 3.4
        y.ch4_generated_t = y.ddocm_decomposed_t * p.f_fraction * CH4_PER_C_MASS_RATIO;    // eq. 3.6
        y.ch4_recovered_t = y.ch4_generated_t * p.recovery_fraction;
        y.ch4_emitted_t = (y.ch4_generated_t - y.ch4_recovered_t) * (1.0 - p.ox_fraction);  // eq. 3.1
        accumulated_prev_t = y.ddocm_accumulated_t;
    }
    return years;
}

std::string_view to_string(McfCategory c) noexcept
{
    switch (c) {
    case McfCategory::managed_anaerobic: return "managed_anaerobic";
    case McfCategory::managed_semi_aerobic: return "managed_semi_aerobic";
    case McfCategory::unmanaged_deep: return "unmanaged_deep";
    case McfCategory::unmanaged_shallow: return "unmanaged_shallow";
    case McfCategory::uncategorised: return "uncategorised";
    }
    return "unknown";
}

double mcf_of(McfCategory c) noexcept
{
    switch (c) {  // 2006 IPCC Guidelines Vol. 5 Ch. 3 Table 3.1
    case McfCategory::managed_anaerobic: return 1.0;
    case McfCategory::managed_semi_aerobic: return 0.5;
    case McfCategory::unmanaged_deep: return 0.8;
    case McfCategory::unmanaged_shallow: return 0.4;
    case McfCategory::uncategorised: return 0.6;
    }
    return 0.6;
}

std::optional<McfCategory> mcf_category_for(SiteType type, std::optional<double> depth_m,
                                            ControlledDumpTreatment controlled) noexcept
{
    const auto unmanaged = [&]() -> McfCategory {
        if (!depth_m || !std::isfinite(*depth_m))
            return McfCategory::uncategorised;
        return *depth_m >= UNMANAGED_DEEP_MIN_DEPTH_M ? McfCategory::unmanaged_deep : McfCategory::unmanaged_shallow;
    };
    switch (type) {
    case SiteType::sanitary_landfill: return McfCategory::managed_anaerobic;
    case SiteType::controlled_dump:
        return controlled == ControlledDumpTreatment::managed ? McfCategory::managed_anaerobic : unmanaged();
    case SiteType::open_dump: return unmanaged();
    case SiteType::other: return std::nullopt;
    }
    return std::nullopt;
}

double doc_fraction_of(const WasteComposition& c) noexcept
{
    return c.food * DOC_FOOD + c.garden * DOC_GARDEN + c.paper * DOC_PAPER + c.wood * DOC_WOOD +
           c.textiles * DOC_TEXTILES + c.nappies * DOC_NAPPIES;
}

std::string_view to_string(IpccRegion r) noexcept
{
    switch (r) {
    case IpccRegion::central_america: return "central_america";
    case IpccRegion::caribbean: return "caribbean";
    case IpccRegion::south_america: return "south_america";
    }
    return "unknown";
}

std::optional<IpccRegion> ipcc_region_of(std::string_view country_iso3) noexcept
{
    if (contains(CENTRAL_AMERICA, country_iso3))
        return IpccRegion::central_america;
    if (contains(CARIBBEAN, country_iso3))
        return IpccRegion::caribbean;
    if (contains(SOUTH_AMERICA, country_iso3))
        return IpccRegion::south_america;
    return std::nullopt;
}

WasteComposition ipcc_default_composition(IpccRegion r) noexcept
{
    // 2006 IPCC Guidelines Vol. 5 Ch. 2 Table 2.3, percent of wet weight. Full rows (food, paper,
    // wood, textiles, rubber/leather, plastic, metal, glass, other):
    //   Central America 43.8 13.7 13.5 2.6 1.8  6.7 2.6 3.7 12.3
    //   South America   44.9 17.1  4.7 2.6 0.7 10.8 2.9 3.3 13.0
    //   Caribbean       46.9 17.0  2.4 5.1 1.9  9.9 5.0 5.7  3.5
    // The table has no garden or nappies column for these regions. Rubber/leather is left out: Table 2.4
    // brackets its DOC because natural rubber is unlikely to degrade anaerobically.
    WasteComposition c;
    switch (r) {
    case IpccRegion::central_america:
        c.food = 0.438;
        c.paper = 0.137;
        c.wood = 0.135;
        c.textiles = 0.026;
        break;
    case IpccRegion::south_america:
        c.food = 0.449;
        c.paper = 0.171;
        c.wood = 0.047;
        c.textiles = 0.026;
        break;
    case IpccRegion::caribbean:
        c.food = 0.469;
        c.paper = 0.170;
        c.wood = 0.024;
        c.textiles = 0.051;
        break;
    }
    return c;
}

double k_bulk_waste_per_year(ClimateZone z) noexcept
{
    switch (z) {  // 2006 IPCC Guidelines Vol. 5 Ch. 3 Table 3.3, bulk waste defaults
    case ClimateZone::temperate_dry: return 0.05;
    case ClimateZone::temperate_wet: return 0.09;
    case ClimateZone::tropical_dry: return 0.065;
    case ClimateZone::tropical_wet: return 0.17;
    }
    return 0.17;
}

SiteMethane estimate_site_methane(const Site& site, const MethaneParams& params)
{
    return estimate_site_methane(site, params, climate_zone_at(site.location));
}

namespace {

/// The IPCC parameters of a site that do not depend on its tonnage: MCF (from its type), DOC (the
/// country's, else its IPCC region's default composition), oxidation and recovery. False, with
/// r.unknown_reason set, when the model does not cover the site or its country.
bool set_site_parameters(const Site& site, const MethaneParams& params, SiteMethane& r)
{
    r.mcf_category = mcf_category_for(site.site_type, site.depth_m, params.controlled_dump);
    if (!r.mcf_category) {
        r.unknown_reason = "site type '" + std::string(to_string(site.site_type)) +
                           "' is not a solid waste disposal site the IPCC model covers";
        return false;
    }
    r.mcf = mcf_of(*r.mcf_category);

    r.region = ipcc_region_of(site.country_iso3);
    if (const auto it = params.doc_by_country.find(site.country_iso3); it != params.doc_by_country.end()) {
        r.doc_fraction = it->second;
        r.doc_from_country = true;
    } else if (r.region) {
        r.doc_fraction = doc_fraction_of(ipcc_default_composition(*r.region));
    } else {
        r.unknown_reason = "country '" + site.country_iso3 +
                           "' is not one of the 33 LAC states with an IPCC default waste composition; give its DOC";
        return false;
    }

    r.ox_fraction = site.site_type == SiteType::sanitary_landfill ? params.ox_sanitary_landfill : params.ox_other;
    r.recovery_fraction = site.gas_capture == GasCapture::flaring || site.gas_capture == GasCapture::energy
                              ? params.capture_recovery_fraction
                              : 0.0;
    return true;
}

/// The first and last years of deposits: the closure year (or the reporting year) and the opening
/// year (or assumed_operating_years before the last, flagged). False, with r.unknown_reason set, when
/// they cannot be known (a closure before the opening, deposits stopped in an unknown year).
bool set_deposit_years(const Site& site, const MethaneParams& params, SiteMethane& r)
{
    if (site.opening_year && site.closure_year && *site.closure_year < *site.opening_year) {
        r.unknown_reason = "closure_year " + std::to_string(*site.closure_year) + " is before opening_year " +
                           std::to_string(*site.opening_year);
        return false;
    }
    int last = params.reporting_year;
    if (site.closure_year)
        last = std::min(*site.closure_year, params.reporting_year);
    else if (deposits_have_stopped(site.status)) {
        r.unknown_reason = "status is '" + std::string(to_string(site.status)) +
                           "' but closure_year is unknown, so the years of deposits are unknown";
        return false;
    }
    int first = 0;
    if (site.opening_year) {
        first = *site.opening_year;
    } else {
        first = last - params.assumed_operating_years + 1;
        r.first_deposit_year_assumed = true;
    }
    r.first_deposit_year = first;
    r.last_deposit_year = last;
    return true;
}

}  // namespace

SiteMethane estimate_site_methane(const Site& site, const MethaneParams& params, ClimateZone zone)
{
    validate(params);
    SiteMethane r;
    r.site_id = site.site_id;
    r.country_iso3 = site.country_iso3;
    r.reporting_year = params.reporting_year;
    r.gwp100_ch4 = params.gwp100_ch4;
    r.climate_zone = zone;
    r.k_per_year = k_bulk_waste_per_year(zone);
    if (!set_site_parameters(site, params, r))
        return r;

    if (!site.waste_t_per_day) {
        r.unknown_reason = "waste_t_per_day is unknown";
        return r;
    }
    if (!std::isfinite(*site.waste_t_per_day) || *site.waste_t_per_day < 0.0) {
        r.unknown_reason = "waste_t_per_day '" + format_value(*site.waste_t_per_day) + "' is not a tonnage";
        return r;
    }
    r.annual_waste_t = *site.waste_t_per_day * 365.0;

    if (!set_deposit_years(site, params, r))
        return r;
    const int first = *r.first_deposit_year;
    const int last = *r.last_deposit_year;
    if (first > params.reporting_year) {  // opens after the reporting year: nothing deposited yet
        r.last_deposit_year.reset();
        r.ch4_t_per_year = r.co2e_t_per_year = r.ch4_generated_t_per_year = r.ch4_recovered_t_per_year = 0.0;
        return r;
    }

    const FodParameters fod{r.doc_fraction, params.docf_fraction, r.mcf,        r.k_per_year,
                            params.f_fraction, r.ox_fraction,      r.recovery_fraction};
    const std::vector<double> deposits(static_cast<std::size_t>(last - first) + 1, *r.annual_waste_t);
    const FodYear reported = run_first_order_decay(first, deposits, params.reporting_year, fod).back();
    r.ch4_t_per_year = reported.ch4_emitted_t;
    r.ch4_generated_t_per_year = reported.ch4_generated_t;
    r.ch4_recovered_t_per_year = reported.ch4_recovered_t;
    r.co2e_t_per_year = reported.ch4_emitted_t * params.gwp100_ch4;
    return r;
}

std::vector<SiteMethane> estimate_methane(const std::vector<Site>& sites, const MethaneParams& params)
{
    validate(params);
    std::vector<SiteMethane> out;
    out.reserve(sites.size());
    for (const auto& s : sites)
        out.push_back(estimate_site_methane(s, params));
    return out;
}

namespace {

/// A sum over sites none of which is known is unknown, not 0 (an empty sum stays 0).
void unknown_if_nothing_known(CountryMethane& c)
{
    if (c.sites > 0 && c.sites_estimated == 0)
        c.ch4_t_per_year = c.co2e_t_per_year = std::nullopt;
}

}  // namespace

std::vector<CountryMethane> methane_by_country(const std::vector<SiteMethane>& estimates)
{
    std::map<std::string, CountryMethane> by_iso3;
    for (const auto& e : estimates) {
        auto& c = by_iso3[e.country_iso3];
        c.country_iso3 = e.country_iso3;
        ++c.sites;
        if (e.ch4_t_per_year) {
            ++c.sites_estimated;
            *c.ch4_t_per_year += *e.ch4_t_per_year;
            *c.co2e_t_per_year += e.co2e_t_per_year.value_or(0.0);
        } else {
            ++c.sites_unknown;
        }
    }
    std::vector<CountryMethane> out;
    out.reserve(by_iso3.size());
    for (auto& [iso3, c] : by_iso3) {
        unknown_if_nothing_known(c);
        out.push_back(std::move(c));
    }
    return out;
}

CountryMethane methane_total(const std::vector<CountryMethane>& rows, std::string country_iso3)
{
    CountryMethane total;
    total.country_iso3 = std::move(country_iso3);
    for (const auto& c : rows) {
        total.sites += c.sites;
        total.sites_estimated += c.sites_estimated;
        total.sites_unknown += c.sites_unknown;
        *total.ch4_t_per_year += c.ch4_t_per_year.value_or(0.0);
        *total.co2e_t_per_year += c.co2e_t_per_year.value_or(0.0);
    }
    unknown_if_nothing_known(total);
    return total;
}

}  // namespace basural

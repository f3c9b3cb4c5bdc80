"""lac_country_waste.csv: What a Waste 2.0 figures of the 33 states."""

import os

from .common import NAME_BY_ISO3, csv_text, fixed, read_dict_csv, trimmed

WAW_COLUMNS = [
    ("composition_food_organic_pct", "composition_food_organic_waste_percent"),
    ("composition_paper_cardboard_pct", "composition_paper_cardboard_percent"),
    ("composition_wood_pct", "composition_wood_percent"),
    ("composition_yard_garden_green_pct", "composition_yard_garden_green_waste_percent"),
    ("composition_plastic_pct", "composition_plastic_percent"),
    ("composition_glass_pct", "composition_glass_percent"),
    ("composition_metal_pct", "composition_metal_percent"),
    ("composition_rubber_leather_pct", "composition_rubber_leather_percent"),
    ("composition_other_pct", "composition_other_percent"),
]
# Collection coverage: the first of these WaW columns that has a value (documented precedence).
WAW_COVERAGE_PRECEDENCE = [
    ("total, % of population", "waste_collection_coverage_total_percent_of_population"),
    ("total, % of households", "waste_collection_coverage_total_percent_of_households"),
    ("total, % of waste", "waste_collection_coverage_total_percent_of_waste"),
]
WAW_TREATMENT = {
    "open_dump": "waste_treatment_open_dump_percent",
    "controlled_landfill": "waste_treatment_controlled_landfill_percent",
    "sanitary_landfill": "waste_treatment_sanitary_landfill_landfill_gas_system_percent",
    "landfill_unspecified": "waste_treatment_landfill_unspecified_percent",
    "unaccounted": "waste_treatment_unaccounted_for_percent",
}
WAW_ACCOUNTED = [  # every treatment/disposal share except "unaccounted for"
    "waste_treatment_anaerobic_digestion_percent", "waste_treatment_compost_percent",
    "waste_treatment_controlled_landfill_percent", "waste_treatment_incineration_percent",
    "waste_treatment_landfill_unspecified_percent", "waste_treatment_open_dump_percent",
    "waste_treatment_other_percent", "waste_treatment_recycling_percent",
    "waste_treatment_sanitary_landfill_landfill_gas_system_percent",
    "waste_treatment_waterways_marine_percent"]
WAW_URL = "https://datacatalog.worldbank.org/search/dataset/0039597"


def waw_float(row, column):
    v = row.get(column, "").strip()
    return float(v) if v else None


def build_country_waste(shared, stats):
    path = os.path.join(shared, "waste_generation", "what_a_waste_2_country_level.csv")
    rows = {r["iso3c"]: r for r in read_dict_csv(path) if r["region_id"] == "LCN"}
    waw, out, missing = {}, [], []
    for iso3 in sorted(NAME_BY_ISO3):
        r = rows.get(iso3)
        if r is None:
            missing.append(iso3)
            out.append([iso3, NAME_BY_ISO3[iso3]] + [""] * 17)
            waw[iso3] = None
            continue
        pop = waw_float(r, "population_population_number_of_people")
        msw = waw_float(r, "total_msw_total_msw_generated_tons_year")
        kg = msw * 1000.0 / pop / 365.0 if (pop and msw) else None
        cov, cov_basis = None, ""
        for basis, column in WAW_COVERAGE_PRECEDENCE:
            cov = waw_float(r, column)
            if cov is not None:
                cov_basis = basis
                break
        shares = {k: waw_float(r, c) for k, c in WAW_TREATMENT.items()}
        accounted = [waw_float(r, c) for c in WAW_ACCOUNTED]
        accounted_sum = sum(v for v in accounted if v is not None)
        any_breakdown = any(v is not None for v in accounted) or shares["unaccounted"] is not None
        waw[iso3] = dict(population=pop, msw_t_per_year=msw, kg_per_capita_day=kg, coverage=cov,
                         coverage_basis=cov_basis, shares=shares, accounted=accounted_sum,
                         any_breakdown=any_breakdown, waw_name=r["country_name"])

        def pct(v):
            return "" if v is None else trimmed(v, 4)
        out.append([iso3, NAME_BY_ISO3[iso3],
                    "" if pop is None else fixed(pop, 0),
                    "" if msw is None else fixed(msw, 0),
                    "" if kg is None else fixed(kg, 3),
                    pct(cov), pct(shares["open_dump"]), pct(shares["controlled_landfill"]),
                    pct(shares["sanitary_landfill"]), pct(shares["landfill_unspecified"])]
                   + [pct(waw_float(r, c)) for _, c in WAW_COLUMNS])
    header = ["iso3", "name", "population", "msw_t_per_year", "msw_kg_per_capita_day",
              "collection_coverage_pct", "open_dump_pct", "controlled_landfill_pct",
              "sanitary_landfill_pct", "landfill_unspecified_pct"] + [k for k, _ in WAW_COLUMNS]
    stats["waw_missing"] = missing
    return csv_text(header, out), waw

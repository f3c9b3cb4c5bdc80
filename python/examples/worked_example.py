# %% [markdown]
# # Regional landfills for Central America, from a notebook
#
# A notebook-style script (cells marked `# %%`, runnable as it is or cell by cell in Jupyter, VS Code
# or Spyder) on basural's shipped inventory. docs/python.md walks through it; the test suite runs it
# (tests/python/test_worked_example.py), so it cannot rot.
#
#     PYTHONPATH=build/python /usr/bin/python3 python/examples/worked_example.py [OUTPUT_DIR]

# %%
import pathlib
import sys
import warnings

import basural

# The analyses issue what the commands print under "results rest on unknowns" as
# basural.DataWarning; this script prints those lines from the results instead (plan.warnings).
warnings.simplefilter("ignore", basural.DataWarning)

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "out/python_example")
OUT.mkdir(parents=True, exist_ok=True)
COUNTRIES = ["GTM", "SLV", "HND", "NIC"]

# %% [markdown]
# ## The inventory
# `read_inventory()` with no path reads the shipped inventory; any file GDAL reads (or a `PG:`
# connection) goes the same way, with the options of `basural import`. The sites are a
# GeoDataFrame in EPSG:4326 with the schema's columns; what the source does not say is missing
# (NaN, <NA>), never 0.

# %%
inventory = basural.read_inventory()
print(inventory.records_line())
sites = inventory.sites
central_america = sites[sites["country"].isin(COUNTRIES)]
print(central_america.groupby(["country", "site_type"]).size().unstack(fill_value=0))
print("sites whose tonnage is an estimate:",
      int((central_america["waste_provenance"] == "estimated").sum()), "of", len(central_america))

# %% [markdown]
# ## A regional plan
# The same plan `basural regionalize --country GTM --country SLV ... --reuse-existing` makes:
# p-median per country within a 50 km haul, existing landfills kept open, with the Lagrangian
# bound's gap per country. The solver runs with the GIL released; `progress` is optional.

# %%
plan = basural.regionalize(inventory, countries=COUNTRIES, reuse_existing=True, max_haul_km=50)
print("Assumptions:", *plan.assumptions, sep="\n  ")
print("Results rest on unknowns:", *plan.warnings, sep="\n  ")
print(plan.summary_text())
largest = plan.facilities.nlargest(5, "waste_t_per_day")
print(largest[["facility_id", "kind", "name", "waste_t_per_day", "sites_served", "mean_haul_km"]]
      .to_string(index=False))

# %% [markdown]
# Layers are GeoDataFrames: join, filter and plot them as any other. The haul of each assigned
# dump, by country, weighted by its tonnage:

# %%
a = plan.assignments
weighted = (a["haul_km"] * a["waste_t_per_day"]).groupby(a["country"]).sum() / a.groupby("country")[
    "waste_t_per_day"].sum()
print(weighted.round(1).rename("mean_haul_km").to_string())

# %% [markdown]
# ## Coverage, closure priority and methane
# The tables of `basural coverage --plan`, `prioritize --plan` and `methane`, as DataFrames.

# %%
coverage = basural.coverage(inventory, plan)
columns = ["country", "inadequate_active_sites", "inadequate_waste_t_per_day", "plan_share_sites_served",
           "plan_share_waste_served", "population_within_2km"]
print(coverage[coverage["country"].isin(COUNTRIES)][columns].to_string(index=False))

ranking = basural.prioritize(inventory, plan)
top = ranking[ranking["country"].isin(COUNTRIES)].head(5)
print(top[["rank", "site_id", "country", "total_score", "why"]].to_string(index=False))

methane = basural.methane(inventory, year=2024)
print(methane.countries[methane.countries["country"].isin(COUNTRIES)].to_string(index=False))

# %% [markdown]
# ## Files for colleagues
# The plan as the command writes it (open it in QGIS: docs/qgis.md), a map of Guatemala as
# `basural map --country GTM --plan` draws it, and the ranking.

# %%
plan.write(OUT / "central_america_plan.gpkg")
basural.map(inventory, "GTM", plan=plan, output=OUT / "gtm_plan.png")
ranking.to_csv(OUT / "ranking.csv", index=False)
print("wrote", ", ".join(sorted(p.name for p in OUT.iterdir())))

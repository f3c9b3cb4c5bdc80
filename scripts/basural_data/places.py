"""lac_places.csv: GeoNames populated places of the 33 states."""

import csv
import os

from .common import BuildError, ISO3_BY_A2, csv_text, fixed, read_dict_csv

def build_places(shared, stats):
    path = os.path.join(shared, "places", "lac_places_geonames.csv")
    rows = read_dict_csv(path)
    expected = ["geonameid", "name", "country", "featureCode", "adminCode", "population", "lon", "lat"]
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    if header != expected:
        raise BuildError(f"{path}: header {header} is not {expected}")
    places, out = [], []
    zero = 0
    for n, r in enumerate(rows, start=2):
        if r["country"] not in ISO3_BY_A2:
            raise BuildError(f"{path} line {n}: country '{r['country']}' is not one of the 33")
        pop = int(r["population"]) if r["population"].strip() else 0
        if pop < 0:
            raise BuildError(f"{path} line {n}: population '{r['population']}'")
        if pop == 0:
            zero += 1
        place = dict(geonameid=int(r["geonameid"]), name=r["name"], iso3=ISO3_BY_A2[r["country"]],
                     feature_code=r["featureCode"], admin1_code=r["adminCode"],
                     population=pop if pop > 0 else None,
                     lon=float(r["lon"]), lat=float(r["lat"]))
        places.append(place)
    places.sort(key=lambda p: p["geonameid"])
    if len({p["geonameid"] for p in places}) != len(places):
        raise BuildError(f"{path}: geonameid not unique")
    for p in places:
        out.append([p["geonameid"], p["name"], p["iso3"], p["feature_code"], p["admin1_code"],
                    "" if p["population"] is None else p["population"],
                    fixed(p["lon"], 5), fixed(p["lat"], 5)])
    stats["places_total"] = len(places)
    stats["places_zero_population"] = zero
    stats["places_population_sum"] = sum(p["population"] or 0 for p in places)
    header_out = ["geonameid", "name", "country", "feature_code", "admin1_code", "population", "lon", "lat"]
    return csv_text(header_out, out), places

"""lac_sites.csv: the schema's columns, one line per site, and the location check."""

from .common import COAST_TOLERANCE_KM, BuildError, fixed
from .geometry import distance_to_country_km, point_in_country

SITE_COLUMNS = [
    "site_id", "name", "country", "admin1_name", "admin1_code", "municipality_name",
    "municipality_code", "lon", "lat", "location_precision", "site_type", "status", "area_ha",
    "depth_m", "waste_t_per_day", "waste_in_place_t", "opening_year", "closure_year",
    "open_burning", "waste_pickers", "child_waste_pickers", "gas_capture",
    "receives_other_municipalities", "provenance", "waste_provenance", "source", "source_record",
    "derived_fields", "reporting_municipalities"]


def verify_locations(rows, parts_by_iso3, stats):
    """Every site must lie in its country polygon, or within the coastal tolerance of it."""
    worst = {}
    for r in rows:
        parts = parts_by_iso3[r["country"]]
        if r.get("verified_inside") or point_in_country(parts, r["lon"], r["lat"]):
            continue
        d = distance_to_country_km(parts, r["lon"], r["lat"])
        if r["provenance"] == "estimated" and d > COAST_TOLERANCE_KM:
            raise BuildError(f"{r['site_id']}: ({r['lon']}, {r['lat']}) is {d:.1f} km outside "
                             f"{r['country']}")
        key = (r["country"], r["provenance"])
        n, dmax = worst.get(key, (0, 0.0))
        worst[key] = (n + 1, max(dmax, d))
    stats["outside_polygon"] = worst


def derived_fields(r):
    """The row's derived columns, `;`-separated in schema order."""
    derived = set(r.get("derived", ()))
    unknown = derived - set(SITE_COLUMNS)
    if unknown:
        raise BuildError(f"{r['site_id']}: derived fields {sorted(unknown)} are not schema columns")
    return ";".join(c for c in SITE_COLUMNS if c in derived)


def site_line(r):
    def num(key, decimals):
        v = r.get(key)
        return "" if v is None else fixed(v, decimals)

    def integer(key):
        v = r.get(key)
        return "" if v is None else str(v)
    values = {
        "site_id": r["site_id"], "name": r["name"], "country": r["country"],
        "admin1_name": r["admin1_name"], "admin1_code": r["admin1_code"],
        "municipality_name": r["municipality_name"], "municipality_code": r["municipality_code"],
        "lon": fixed(r["lon"], 5), "lat": fixed(r["lat"], 5),
        "location_precision": r["location_precision"], "site_type": r["site_type"],
        "status": r["status"], "area_ha": "", "depth_m": "",
        "waste_t_per_day": num("waste_t_per_day", 3), "waste_in_place_t": "",
        "opening_year": integer("opening_year"), "closure_year": "",
        "open_burning": r.get("open_burning", ""), "waste_pickers": integer("waste_pickers"),
        "child_waste_pickers": integer("child_waste_pickers"), "gas_capture": r["gas_capture"],
        "receives_other_municipalities": r.get("receives_other_municipalities", ""),
        "provenance": r["provenance"], "waste_provenance": r.get("waste_provenance", ""),
        "source": r["source"], "source_record": r["source_record"],
        "derived_fields": derived_fields(r),
        "reporting_municipalities": r.get("reporting_municipalities", ""),
    }
    return [values[c] for c in SITE_COLUMNS]

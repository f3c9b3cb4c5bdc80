"""Mexico: INEGI's register of final disposal sites (Censo Nacional de Gobiernos Municipales y
Delegacionales 2015, layer SDF): 1,601 observed rows with surveyed coordinates."""

import collections
import os

from .common import MEX_STATES, BuildError, read_csv, read_dict_csv

INEGI_COLUMNS = ["GID", "CLAVE_2011", "CVE_ENT", "NOMBRE_ENT", "CVE_MUN", "NOMBRE_MUN", "NOMBRE",
                 "TIPODISP", "LATITUD", "LONGITUD", "OID", "cve_mun5"]
INEGI_TYPES = {"TIRADERO A CIELO ABIERTO": "open_dump", "SITIO CONTROLADO": "controlled_dump",
               "RELLENO SANITARIO": "sanitary_landfill"}
INEGI_EXPECTED = {"open_dump": 1264, "controlled_dump": 121, "sanitary_landfill": 216}  # readme of the source
INEGI_SOURCE = "INEGI CNGMD 2015 sitios de disposición final"


def municipalities(shared):
    """INEGI Marco Geoestadístico municipalities by 5-digit code (names in proper case, centroids)."""
    path = os.path.join(shared, "boundaries", "mexico_municipalities", "municipal_centroids_population_2020.csv")
    return {r["cvegeo"]: r for r in read_dict_csv(path)}


def build_mexico(shared, stats):
    path = os.path.join(shared, "inventories", "mexico_inegi_cngmd2015", "sdf_2015.csv")
    table = read_csv(path)
    if table[0] != INEGI_COLUMNS:
        raise BuildError(f"{path}: header {table[0]} is not {INEGI_COLUMNS}")
    muns = municipalities(shared)
    rows, names_from_register = [], []
    for line_no, rec in enumerate(table[1:], start=2):
        r = dict(zip(INEGI_COLUMNS, rec))
        where = f"{path} line {line_no}"
        site_type = INEGI_TYPES.get(r["TIPODISP"])
        if site_type is None:
            raise BuildError(f"{where}: TIPODISP '{r['TIPODISP']}' is not one of {sorted(INEGI_TYPES)}")
        state = MEX_STATES.get(r["CVE_ENT"])
        if state is None or r["cve_mun5"] != r["CVE_ENT"] + r["CVE_MUN"]:
            raise BuildError(f"{where}: state '{r['CVE_ENT']}' / municipality '{r['cve_mun5']}'")
        lon, lat = float(r["LONGITUD"]), float(r["LATITUD"])
        if not (-119.0 < lon < -86.0 and 14.0 < lat < 33.0):
            raise BuildError(f"{where}: ({lon}, {lat}) is not in Mexico")
        mun = muns.get(r["cve_mun5"])
        if mun is None:  # created after the 2020 framework's file was cut (03002 Mulegé is missing there)
            names_from_register.append((r["cve_mun5"], r["NOMBRE_MUN"]))
        rows.append({
            "site_id": f"MEX-INEGI-{int(r['OID']):04d}",
            "name": r["NOMBRE"].strip(),
            "country": "MEX",
            "admin1_name": state, "admin1_code": r["CVE_ENT"],
            "municipality_name": mun["nom_agem"] if mun else r["NOMBRE_MUN"].title(),
            "municipality_code": r["cve_mun5"],
            "lon": lon, "lat": lat,
            "location_precision": "surveyed",
            "site_type": site_type,
            # the register lists the sites municipalities reported using for their waste in the 2015
            # census: active as of 2015, a documented rule, hence `status` in derived_fields
            "status": "active",
            "derived": ["status"],
            "gas_capture": "unknown",
            "provenance": "observed",
            "source": INEGI_SOURCE,
            "source_record": f"OID {r['OID']} (CLAVE_2011 {r['CLAVE_2011']})",
        })
    counts = collections.Counter(r["site_type"] for r in rows)
    if dict(counts) != INEGI_EXPECTED:
        raise BuildError(f"{path}: types {dict(counts)}, expected the register's {INEGI_EXPECTED}")
    by_point = collections.Counter((r["lon"], r["lat"]) for r in rows)
    shared_points = {p: n for p, n in by_point.items() if n > 1}
    stats["mexico"] = dict(
        rows=len(rows), by_type=dict(counts), states=len({r["admin1_code"] for r in rows}),
        municipalities=len({r["municipality_code"] for r in rows}), unnamed=sum(1 for r in rows if not r["name"]),
        names_from_register=names_from_register, shared_points=len(shared_points),
        shared_point_rows=sum(shared_points.values()),
        shared_same_type=sum(1 for p in shared_points
                             if len({r["site_type"] for r in rows if (r["lon"], r["lat"]) == p}) == 1))
    return rows

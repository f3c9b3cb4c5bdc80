"""The shipped admin-1 layer (datasets/lac_admin1.geojson) and its point-in-polygon lookup.

Runs without ../shared: it reads the committed layer. Reference points are capitals and towns whose
state is known independently of the layer (national statistics offices; listed with each case)."""

import os

import pytest

from basural_data.admin1 import ADMIN1_CHECK_POINTS, Admin1Index, fold, load_layer
from basural_data.common import NAME_BY_ISO3, MEX_STATES

LAYER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                     "datasets", "lac_admin1.geojson")


@pytest.fixture(scope="module")
def units():
    return load_layer(LAYER)


def test_every_state_has_units_with_unique_ids(units):
    assert {u["iso3"] for u in units} == set(NAME_BY_ISO3)
    ids = [u["admin1_id"] for u in units]
    assert len(ids) == len(set(ids)) == 552
    for u in units:
        assert u["admin1_id"].startswith(u["iso3"] + "-")
        assert u["name"]


def test_codes_are_unique_within_a_country_and_official_in_mexico_and_brazil(units):
    seen = set()
    for u in units:
        key = (u["iso3"], u["admin1_code"])
        assert key not in seen
        seen.add(key)
    mex = {u["admin1_code"]: u["name"] for u in units if u["iso3"] == "MEX"}
    assert mex == MEX_STATES  # all 32 INEGI codes, with INEGI's names
    bra = {u["admin1_code"] for u in units if u["iso3"] == "BRA"}
    assert len(bra) == 27 and "35" in bra and "53" in bra  # IBGE: São Paulo 35, Distrito Federal 53
    others = [u for u in units if u["iso3"] not in ("MEX", "BRA")]
    assert all(u["admin1_code"] == u["admin1_id"] for u in others)


@pytest.mark.parametrize("iso3,lon,lat,name", ADMIN1_CHECK_POINTS + [
    ("MEX", -103.35, 20.67, "Jalisco"),          # Guadalajara
    ("MEX", -89.62, 20.97, "Yucatán"),           # Mérida
    ("BRA", -43.94, -19.92, "Minas Gerais"),     # Belo Horizonte
    ("BRA", -47.88, -15.79, "Distrito Federal"),  # Brasília
    ("ECU", -78.51, -0.22, "Pichincha"),         # Quito
    ("HND", -87.21, 14.07, "Francisco Morazán"),  # Tegucigalpa
])
def test_known_places_fall_in_their_state(units, iso3, lon, lat, name):
    unit, distance_km = Admin1Index(units).locate(iso3, lon, lat, 0.0)
    assert unit is not None and unit["name"] == name and distance_km == 0.0


def test_a_point_off_the_coast_gets_the_nearest_unit_only_within_the_tolerance(units):
    index = Admin1Index(units)
    # 0.05 degrees (about 5 km) off Veracruz's coast, in the Gulf of Mexico
    unit, d = index.locate("MEX", -96.05, 19.20, 10.0)
    assert unit is not None and unit["name"] == "Veracruz de Ignacio de la Llave" and 0 < d <= 10
    unit, d = index.locate("MEX", -96.05, 19.20, 0.5)
    assert unit is None and d > 0.5
    # Guayaquil's centre is on the Guayas estuary, which the generalized outline leaves out
    assert index.locate("ECU", -79.90, -2.19, 0.0)[0] is None
    assert index.locate("ECU", -79.90, -2.19, 1.0)[0]["name"] == "Guayas"


def test_names_sort_without_accents_or_case():
    names = ["Ñuble", "Zacatecas", "árbol", "Alta"]
    assert sorted(names, key=fold) == ["Alta", "árbol", "Ñuble", "Zacatecas"]

"""Constants and small helpers shared by every builder: the 33 LAC states, number formats, CSV, sphere."""

import csv
import hashlib
import io
import math

# ---------------------------------------------------------------------------------------------
# The 33 LAC states (CELAC): alpha-3, ISO 3166-1 numeric (Natural Earth `id`), alpha-2 (GeoNames),
# English short name.
LAC = [
    ("ATG", "028", "AG", "Antigua and Barbuda"),
    ("ARG", "032", "AR", "Argentina"),
    ("BHS", "044", "BS", "Bahamas"),
    ("BRB", "052", "BB", "Barbados"),
    ("BLZ", "084", "BZ", "Belize"),
    ("BOL", "068", "BO", "Bolivia"),
    ("BRA", "076", "BR", "Brazil"),
    ("CHL", "152", "CL", "Chile"),
    ("COL", "170", "CO", "Colombia"),
    ("CRI", "188", "CR", "Costa Rica"),
    ("CUB", "192", "CU", "Cuba"),
    ("DMA", "212", "DM", "Dominica"),
    ("DOM", "214", "DO", "Dominican Republic"),
    ("ECU", "218", "EC", "Ecuador"),
    ("SLV", "222", "SV", "El Salvador"),
    ("GRD", "308", "GD", "Grenada"),
    ("GTM", "320", "GT", "Guatemala"),
    ("GUY", "328", "GY", "Guyana"),
    ("HTI", "332", "HT", "Haiti"),
    ("HND", "340", "HN", "Honduras"),
    ("JAM", "388", "JM", "Jamaica"),
    ("MEX", "484", "MX", "Mexico"),
    ("NIC", "558", "NI", "Nicaragua"),
    ("PAN", "591", "PA", "Panama"),
    ("PRY", "600", "PY", "Paraguay"),
    ("PER", "604", "PE", "Peru"),
    ("KNA", "659", "KN", "Saint Kitts and Nevis"),
    ("LCA", "662", "LC", "Saint Lucia"),
    ("VCT", "670", "VC", "Saint Vincent and the Grenadines"),
    ("SUR", "740", "SR", "Suriname"),
    ("TTO", "780", "TT", "Trinidad and Tobago"),
    ("URY", "858", "UY", "Uruguay"),
    ("VEN", "862", "VE", "Venezuela"),
]
ISO3_BY_N3 = {n3: a3 for a3, n3, _, _ in LAC}
ISO3_BY_A2 = {a2: a3 for a3, _, a2, _ in LAC}
NAME_BY_ISO3 = {a3: name for a3, _, _, name in LAC}
N3_BY_ISO3 = {a3: n3 for a3, n3, _, _ in LAC}
assert len(LAC) == 33 and len(ISO3_BY_N3) == 33 and len(ISO3_BY_A2) == 33

# INEGI Marco Geoestadístico: names of Mexico's 32 states (AGEE), by INEGI code.
MEX_STATES = {
    "01": "Aguascalientes", "02": "Baja California", "03": "Baja California Sur", "04": "Campeche",
    "05": "Coahuila de Zaragoza", "06": "Colima", "07": "Chiapas", "08": "Chihuahua",
    "09": "Ciudad de México", "10": "Durango", "11": "Guanajuato", "12": "Guerrero", "13": "Hidalgo",
    "14": "Jalisco", "15": "México", "16": "Michoacán de Ocampo", "17": "Morelos", "18": "Nayarit",
    "19": "Nuevo León", "20": "Oaxaca", "21": "Puebla", "22": "Querétaro", "23": "Quintana Roo",
    "24": "San Luis Potosí", "25": "Sinaloa", "26": "Sonora", "27": "Tabasco", "28": "Tamaulipas",
    "29": "Tlaxcala", "30": "Veracruz de Ignacio de la Llave", "31": "Yucatán", "32": "Zacatecas",
}

COAST_TOLERANCE_KM = 3.0       # a point this close to its country polygon counts as inside it
EARTH_RADIUS_M = 6371008.8     # mean radius (IUGG), for the small offsets and nearest-place search
# GeoNames feature codes never used as anchors: sections of places, abandoned, historical, destroyed
EXCLUDED_FEATURE_CODES = {"PPLX", "PPLQ", "PPLH", "PPLW"}


class BuildError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Small helpers

def fixed(value, decimals):
    """Fixed-point text of a float; never '-0.000'."""
    text = f"{value:.{decimals}f}"
    if text.lstrip("-").strip("0.") == "":
        text = text.lstrip("-")
    return text


def trimmed(value, decimals):
    """Fixed-point text with trailing zeros removed (for percentages as published)."""
    text = fixed(value, decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def round_half_up(x):
    return int(math.floor(x + 0.5))


def csv_text(header, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row)
    return buf.getvalue()


def read_csv(path, delimiter=",", encoding="utf-8-sig"):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def read_dict_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def haversine_m(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def destination(lon, lat, bearing_deg, distance_m):
    """Point at a distance and bearing on a sphere (offsets of a few km: sphere error < 0.5%)."""
    d = distance_m / EARTH_RADIUS_M
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(l2), math.degrees(p2)


def seeded_unit(key, index):
    """Two numbers in [0, 1) from a SHA-256 of the key: reproducible on every platform."""
    digest = hashlib.sha256(f"{key}:{index}".encode()).digest()
    return (int.from_bytes(digest[0:8], "big") / 2.0 ** 64,
            int.from_bytes(digest[8:16], "big") / 2.0 ** 64)


def md_escape(text):
    return text.replace("|", "\\|")


def thousands(n):
    return f"{n:,}"

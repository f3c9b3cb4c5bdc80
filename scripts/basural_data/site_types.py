"""Site type from a site's name, for sources without a type column (Climate TRACE): a small table.

The name is folded (accents removed, lower case, punctuation to spaces) and the rules below are
tried in order; the first that matches gives the type: specific phrases ("relleno sanitario") before
dump words before bare landfill words, so "Basurero Municipal (El Relleno)" is a dump and "Basurero
Municipal (Relleno Sanitario)" a landfill. A name that matches none, or a generic label
that is not a name ("OpenStreetMap Landfill": OpenStreetMap's tag landuse=landfill, used for dumps
and landfills alike), gives no type (None): the caller writes `other` and says so.
"""

import re
import unicodedata

# (site_type, what the rule recognises, words or phrases; each must match whole words of the folded name)
RULES = [
    ("other", "not a disposal site: transfer stations, sorting, recycling and composting plants, "
              "construction-debris tips",
     ["estacion de transferencia", "estacao de transferencia", "transfer station", "planta de separacion",
      "planta de seleccion", "planta de reciclaje", "planta de compostaje", "centro de acopio",
      "separacion y reciclaje", "usina de triagem", "usina de compostagem", "unidade de triagem",
      "escombrera"]),
    ("controlled_dump", "controlled dumps and controlled landfills",
     ["controlado", "controlada", "controlled"]),
    ("sanitary_landfill", "sanitary landfills named as such (with the misspellings found in the sources)",
     ["relleno sanitario", "rellenos sanitarios", "releno sanitario", "rellleno sanitario",
      "entierro sanitario", "aterro sanitario", "sanitary landfill"]),
    ("open_dump", "open dumps: the words for a dump in Spanish, Portuguese and English",
     ["tiradero", "tiraderos", "basurero", "basureros", "basuron", "basural", "basurales", "botadero",
      "botaderos", "vertedero", "vertederos", "deposito de basura", "cielo abierto", "lixao", "lixoes",
      "vazadouro", "dump", "dumps", "dumpsite", "dumping site", "dumping ground"]),
    ("sanitary_landfill", "landfill words without a dump word: a landfill, an aterro, a waste complex",
     ["relleno", "aterro", "landfill", "complejo ambiental", "environmental complex",
      "central de tratamento de residuos", "ctr"]),
]

# Labels a data publisher puts in the name column when it has no name: they say nothing of the type.
GENERIC_NAMES = {"openstreetmap landfill"}


def fold(name):
    """Lower case, no accents, every run of non-letters and non-digits a single space."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare.casefold()).split())


_COMPILED = [(site_type, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"))
             for site_type, _, words in RULES]


def type_from_name(name):
    """(site_type or None, the rule's words that matched or why none did)."""
    folded = fold(name or "")
    if not folded:
        return None, "no name"
    if folded in GENERIC_NAMES:
        return None, "generic label, not a name"
    for site_type, pattern in _COMPILED:
        m = pattern.search(folded)
        if m:
            return site_type, m.group(0)
    return None, "no rule matches"


# Real names from Climate TRACE's LAC file and the type the rules must give them: the build runs this
# self-check before using the rules (scripts/tests/test_site_types.py tests many more).
SELF_CHECK = [
    ("Relleno Sanitario De Viesca", "sanitary_landfill"),
    ("Basurero Municipal (El Relleno)", "open_dump"),
    ("Sitio Controlado Barrancas", "controlled_dump"),
    ("Estação De Transferência De Resíduos Do Jangurussu, 1665, Estrada Do Itaperi", "other"),
    ("Tegucigalpa Dump", "open_dump"),
    ("Los Vazquez Sanitary Landfill", "sanitary_landfill"),
    ("OpenStreetMap Landfill", None),
    ("Loma Los Colorados", None),
]


def self_check():
    """[(name, expected, got)] for every self-check name the rules get wrong (empty when all pass)."""
    return [(name, want, type_from_name(name)[0]) for name, want in SELF_CHECK
            if type_from_name(name)[0] != want]

"""Site type from a site's name (scripts/basural_data/site_types.py), on real names from Climate TRACE's
2023 LAC file (Spanish, Portuguese, English), with the type a reader of the name would give."""

import pytest

from basural_data.site_types import SELF_CHECK, fold, self_check, type_from_name

REAL_NAMES = [
    # Spanish (Mexico, Argentina, Dominican Republic, Venezuela)
    ("Relleno Sanitario De Buenavista De Cuellar", "sanitary_landfill"),
    ("Relleno Sanitario Municipal, De Cabo Corrientes", "sanitary_landfill"),
    ("Rellleno Sanitario Ejido Peñitas", "sanitary_landfill"),        # misspelt in the source
    ("Releno Sanitario", "sanitary_landfill"),                        # misspelt in the source
    ("Entierro Sanitario", "sanitary_landfill"),
    ("Complejo Ambiental Gonzalez Catan", "sanitary_landfill"),
    ("Basurero Municipal De Akil", "open_dump"),
    ("Basuron Municipal De Opodepe", "open_dump"),
    ("Tiradero A Cielo Abierto El Guayabal.", "open_dump"),
    ("Deposito De Basura De Bacobampo", "open_dump"),
    ("Basural De Concepción", "open_dump"),
    ("Vertedero De Higüey, Autopista Del Coral, Higüey", "open_dump"),
    ("Basurero Municipal (El Relleno)", "open_dump"),                 # dump word beats a bare "relleno"
    ("Basurero Municipal (Relleno Sanitario)", "sanitary_landfill"),  # "relleno sanitario" beats a dump word
    ("Confinamiento Municipal Controlado De Zacatlan", "controlled_dump"),
    ("Sitio Controlado Barrancas", "controlled_dump"),
    ("Centro De Acopio De Separacion De Basura De Santa Ana Del Valle", "other"),
    ("Industria De Separacion Y Reciclaje Mareco", "other"),
    ("Escombrera San Nicolas", "other"),
    ("Sitio De Disposicion Final", None),                             # "final disposal site": any kind
    ("Loma Los Colorados", None),
    ("Parroquia La Concepción, Municipio Jesús Enrique Lossada, Zulia State", None),
    # Portuguese (Brazil)
    ("Estação De Transferência De Resíduos Do Jangurussu, 1665, Estrada Do Itaperi", "other"),
    ("Ctr-Pe", "sanitary_landfill"),
    ("Estrada Do Aurá, Aurá, Entroncamento", None),
    ("Jardim Gramacho", None),
    # English (Waste Atlas, OpenStreetMap)
    ("Ctr Candeias Landfill", "sanitary_landfill"),
    ("Los Vazquez Sanitary Landfill", "sanitary_landfill"),
    ("Naucalpan Landfill", "sanitary_landfill"),
    ("Environmental Complex Norte Iii C Module", "sanitary_landfill"),
    ("Tegucigalpa Dump", "open_dump"),
    ("Juliaca Dumpsite", "open_dump"),
    ("OpenStreetMap Landfill", None),                                 # a label, not a name
]


@pytest.mark.parametrize("name,expected", REAL_NAMES)
def test_real_names_get_the_type_their_words_say(name, expected):
    assert type_from_name(name)[0] == expected


def test_words_match_whole_words_only():
    assert type_from_name("Dumpty Park")[0] is None          # "dump" inside a word
    assert type_from_name("Aterrador")[0] is None             # "aterro" inside a word
    assert type_from_name("Aterro Sanitário de Caucaia")[0] == "sanitary_landfill"
    assert type_from_name("Lixão de Marituba")[0] == "open_dump"


def test_no_name_and_the_generic_label_say_why():
    assert type_from_name("") == (None, "no name")
    assert type_from_name(None) == (None, "no name")
    assert type_from_name("OpenStreetMap Landfill") == (None, "generic label, not a name")
    assert type_from_name("Bower") == (None, "no rule matches")


def test_fold_removes_accents_case_and_punctuation():
    assert fold("Estação De Transferência, 1665") == "estacao de transferencia 1665"
    assert fold("  K'Ara K'Ara ") == "k ara k ara"


def test_the_build_self_check_passes_and_is_in_the_table():
    assert self_check() == []
    for name, expected in SELF_CHECK:
        assert (name, expected) in REAL_NAMES or type_from_name(name)[0] == expected

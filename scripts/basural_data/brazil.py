"""Brazil: SNIS-RS 2022 units of type lixão / aterro controlado / aterro sanitário (observed rows)."""

import os

from .common import BuildError, read_csv, read_dict_csv

SNIS_TYPES = {"Lixão": "open_dump", "Aterro controlado": "controlled_dump",
              "Aterro sanitário": "sanitary_landfill"}
SNIS_COLUMNS = {
    "mun": "Código do Município", "unit": "Unidades", "name": "Nome da Unidade", "type": "Tipo da Unidade",
    "year_ref": "Ano de Referência",
    "up002": "UP002 - Ano de início da operação",
    "up012": "UP012 - Recebeu resíduos de outros municípios?",
    "up031": "UP031 - Existe drenagem de gases?",
    "up037": "UP037 - É feita queima de resíduos a céu aberto? ",
    "up051": "UP051 - A unidade de processamento esteve em operação no ano de referência?",
    "up052": "UP052 - Existe algum tipo de aproveitamento dos gases drenados?",
    "up081": "UP081 - Existem catadores de materiais recicláveis no lixão ou no aterro?",
    "up082": "UP082 - Quantidade de catadores até 14 anos?",
    "up083": "UP083 - Quantidade de catadores maiores de 14 anos?",
}


def snis_yes_no(value, where):
    v = value.strip()
    if v == "Sim":
        return True
    if v == "Não":
        return False
    if v == "":
        return None
    raise BuildError(f"{where}: yes/no answer '{value}' is neither 'Sim', 'Não' nor blank")


def snis_int(value, where):
    v = value.strip().replace(".", "")
    if v == "":
        return None
    if not v.isdigit():
        raise BuildError(f"{where}: '{value}' is not a whole number")
    return int(v)


def yes_no(b):
    return "" if b is None else ("yes" if b else "no")


def build_brazil(shared, stats):
    path = os.path.join(shared, "inventories", "brazil_snis", "snis_2022_unidades_processamento.csv")
    table = read_csv(path, delimiter=";")
    header = table[0]
    col = {}
    for key, name in SNIS_COLUMNS.items():
        if name not in header:
            raise BuildError(f"{path}: column '{name}' not found")
        col[key] = header.index(name)
    seats_path = os.path.join(shared, "boundaries", "brazil_municipalities", "municipal_seats.csv")
    seats = {}
    for r in read_dict_csv(seats_path):
        code6 = r["codigo_ibge"][:6]
        if code6 in seats:
            raise BuildError(f"{seats_path}: two seats share the 6-digit code {code6}")
        seats[code6] = r
    states = {r["codigo_uf"]: r for r in read_dict_csv(
        os.path.join(shared, "boundaries", "brazil_municipalities", "states.csv"))}

    rows, seen = [], set()
    s = dict(by_type={}, active_by_type={}, year_blank=0, year_rejected=[], gas={}, pickers={},
             name_fixed=0, units_read=len(table) - 1)
    for line_no, rec in enumerate(table[1:], start=2):
        where = f"{path} line {line_no}"
        site_type = SNIS_TYPES.get(rec[col["type"]])
        if site_type is None:
            continue
        if rec[col["year_ref"]] != "2022":
            raise BuildError(f"{where}: reference year '{rec[col['year_ref']]}' is not 2022")
        unit = rec[col["unit"]].strip().replace(".", "")
        if not unit.isdigit():
            raise BuildError(f"{where}: unit code '{rec[col['unit']]}'")
        if unit in seen:
            raise BuildError(f"{where}: unit code {unit} appears twice")
        seen.add(unit)
        mun6 = rec[col["mun"]].strip()
        seat = seats.get(mun6)
        if seat is None:
            raise BuildError(f"{where}: municipality {mun6} has no seat in {seats_path}")
        state = states.get(seat["codigo_uf"])
        if state is None:
            raise BuildError(f"{where}: state {seat['codigo_uf']} not in states.csv")

        operating = snis_yes_no(rec[col["up051"]], where + " UP051")
        status = "unknown" if operating is None else ("active" if operating else "inactive")
        s["by_type"][site_type] = s["by_type"].get(site_type, 0) + 1
        if status == "active":
            s["active_by_type"][site_type] = s["active_by_type"].get(site_type, 0) + 1

        year_text = rec[col["up002"]].strip()
        opening_year = snis_int(year_text, where + " UP002")
        if opening_year is None:
            s["year_blank"] += 1
        elif opening_year < 1900 or opening_year > 2022:
            s["year_rejected"].append((unit, year_text))
            opening_year = None

        drainage = snis_yes_no(rec[col["up031"]], where + " UP031")
        use = snis_yes_no(rec[col["up052"]], where + " UP052")
        if drainage is True:
            gas = "energy" if use is True else "drainage"
        elif drainage is False:
            gas = "unknown" if use is True else "none"
        else:
            gas = "energy" if use is True else "unknown"
        s["gas"][gas] = s["gas"].get(gas, 0) + 1

        pickers_present = snis_yes_no(rec[col["up081"]], where + " UP081")
        children = snis_int(rec[col["up082"]], where + " UP082")
        adults = snis_int(rec[col["up083"]], where + " UP083")
        if pickers_present is False:
            if children or adults:
                raise BuildError(f"{where}: UP081 'Não' but pickers counted ({children}, {adults})")
            pickers, child_pickers, rule = 0, 0, "UP081 no -> 0"
        elif pickers_present is True:
            child_pickers = children
            pickers = adults + children if (adults is not None and children is not None) else None
            rule = "UP081 yes, both counts" if pickers is not None else "UP081 yes, a count missing"
        else:
            pickers, child_pickers, rule = None, None, "UP081 blank"
            if children is not None or adults is not None:
                raise BuildError(f"{where}: pickers counted but UP081 blank")
        s["pickers"][rule] = s["pickers"].get(rule, 0) + 1

        rows.append({
            "site_id": f"BRA-SNIS-{unit}",
            "name": rec[col["name"]].strip(),
            "country": "BRA",
            "admin1_name": state["nome"],
            "admin1_code": state["codigo_uf"],
            "municipality_name": seat["nome"],
            "municipality_code": seat["codigo_ibge"],
            "lon": float(seat["longitude"]),
            "lat": float(seat["latitude"]),
            "location_precision": "municipal_seat",
            "site_type": site_type,
            "status": status,
            "opening_year": opening_year,
            "open_burning": yes_no(snis_yes_no(rec[col["up037"]], where + " UP037")),
            "waste_pickers": pickers,
            "child_waste_pickers": child_pickers,
            "gas_capture": gas,
            # the seat's point; gas handling from two questions; pickers as the sum of two counts
            "derived": ["lon", "lat", "gas_capture"] + (["waste_pickers"] if rule == "UP081 yes, both counts" else []),
            "receives_other_municipalities": yes_no(snis_yes_no(rec[col["up012"]], where + " UP012")),
            "provenance": "observed",
            "source": "SNIS-RS 2022 unidades de processamento",
            "source_record": unit,
        })
    active_lixoes = sum(1 for r in rows if r["site_type"] == "open_dump" and r["status"] == "active")
    if active_lixoes != 1572:
        raise BuildError(f"{path}: {active_lixoes} lixões in operation, expected the published 1,572")
    per_municipality = {}
    for r in rows:
        per_municipality[r["municipality_code"]] = per_municipality.get(r["municipality_code"], 0) + 1
    s["municipalities"] = len(per_municipality)
    s["shared_seat_rows"] = sum(n for n in per_municipality.values() if n > 1)
    stats["brazil"] = s
    return rows

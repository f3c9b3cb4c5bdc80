"""Estimated sites for the countries without a site-level source, calibrated to published counts."""

import math
import os
import statistics

from .common import (COAST_TOLERANCE_KM, EXCLUDED_FEATURE_CODES, MEX_STATES, NAME_BY_ISO3, BuildError,
                     destination, fixed, haversine_m, read_dict_csv, round_half_up, seeded_unit, trimmed)
from .geometry import distance_to_country_km, point_in_country

# Calibration of the estimated inventories to published national counts (counts/lac_dumpsite_counts.csv).
# `match` must occur in the row's figure_as_published: the build fails if the counts file changes.
# groups: (site_type, number of sites, noun used in the site name)
ECUADOR_CANTONES = 221  # Ecuador's municipalities (cantones), INEC División Político Administrativa
PUBLISHED = {
    "ARG": dict(
        year="2023", match="5.200", short="5,200 basurales",
        groups=[("open_dump", 5200, "open dump")],
        figure="about 5,200 open dumps (Informe del Estado del Ambiente 2023)",
        why="most recent official national figure (Subsecretaría de Ambiente, 2023); the 2017 "
            "study counted about 5,000"),
    "MEX": dict(
        year="2017", match="2,203", short="2,203 sitios de disposición final",
        groups=[("controlled_dump", 173, "controlled dump"), ("open_dump", 2030, "open dump")],
        # observed sites that count against each group: the 173 sites with infrastructure are matched
        # by observed sanitary landfills, the 2,030 without by observed open and controlled dumps
        absorbs={"controlled_dump": ("sanitary_landfill",), "open_dump": ("open_dump", "controlled_dump")},
        figure="2,203 final disposal sites, 173 with and 2,030 without leachate/biogas "
               "infrastructure (INEGI CNGM 2017)",
        why="the only national count (INEGI Censo Nacional de Gobiernos Municipales 2017, via "
            "SEMARNAT); observed sites (the 2015 register and located Climate TRACE sites) count "
            "against it, observed sanitary landfills against the 173 with infrastructure, observed "
            "open and controlled dumps against the 2,030 without; estimated open dumps fill what is "
            "left of the 2,030 (estimated controlled dumps what is left of the 173: the census does "
            "not say which of them are sanitary landfills)"),
    "PER": dict(
        year="2025", match="2026", short="2,026 áreas degradadas por residuos",
        groups=[("open_dump", 2026, "open dump")],
        figure="2,026 areas degraded by municipal solid waste (OEFA inventory, August 2025)",
        why="the August 2025 edition of the same OEFA national inventory whose earlier edition "
            "(c. 2018) counted 1,585 botaderos: the most recent official count; it counts every "
            "area degraded by municipal waste (1,975 to remediate, 51 to convert into landfills)"),
    "CHL": dict(
        year="2021", match="3.735", short="3,735 sitios de disposición ilegal",
        groups=[("open_dump", 243, "illegal dump"), ("open_dump", 3492, "microbasural")],
        figure="3,735 illegal disposal sites = 243 vertederos ilegales + 3,492 microbasurales "
               "(Diagnóstico Nacional 2021)",
        why="the only national count (Diagnóstico Nacional de Sitios de Disposición Ilegal de "
            "Residuos, 2021); both kinds are uncontrolled dumping, so both are open_dump"),
    "GTM": dict(
        year="2021", match="2.240", short="2,240 basureros",
        groups=[("open_dump", 2240, "open dump")],
        figure="2,240 basureros, 99% illegal (MARN, c. 2021)",
        why="most recent MARN figure; the older 634 (c. 2016) counted fewer kinds of site"),
    "COL": dict(
        year="2013", match="229", short="229 municipios con disposición inadecuada",
        groups=[("open_dump", 229, "open dump")],
        figure="229 of 1,102 municipalities dispose inadequately (Superservicios 2013)",
        why="Colombia publishes municipalities, not sites: one open dump per municipality that "
            "disposes inadequately"),
    "ECU": dict(
        year="n.d.", match="23%", short="23% y 26% de municipios con botaderos",
        groups=[("controlled_dump", int(math.floor(0.26 * ECUADOR_CANTONES + 0.5)), "controlled dump"),
                ("open_dump", int(math.floor(0.23 * ECUADOR_CANTONES + 0.5)), "open dump")],
        figure="23% of municipalities with open dumps, 26% with controlled dumps (INEC)",
        why="Ecuador publishes municipal shares: 23% and 26% of its 221 cantones, rounded, give "
            "51 open dumps and 57 controlled dumps (one per municipality)"),
}
# Published counts of *open dumps* used to calibrate the people-per-open-dump ratio for the
# countries without a count: (iso3, number of open dumps, where it comes from).
RATIO_CALIBRATION = [
    ("ARG", 5200, "about 5,200 basurales (2023)"),
    ("BRA", 1572, "1,572 lixões in operation (SNIS 2022)"),
    ("CHL", 3735, "3,735 illegal disposal sites (2021)"),
    ("GTM", 2240, "2,240 basureros (c. 2021)"),
    ("MEX", 2030, "2,030 sites without infrastructure (2017)"),
    ("PER", 2026, "2,026 degraded areas (2025)"),
]
COMPLETE_BREAKDOWN_PCT = 90.0  # WaW shares (other than "unaccounted") summing to this are complete

OFFSET_MIN_KM = 1.0
# Estimated sites of the same type are kept at least this far apart, so that none of them can be
# taken for a site entered twice (basural validate's near-duplicate check uses 50 m).
MIN_SEPARATION_M = 200.0
OFFSET_SPAN_KM = 4.0           # offsets of 1-5 km
OFFSET_ATTEMPTS = 8


def mexican_seat(municipality, places):
    minx, maxx, miny, maxy = municipality["bbox"]
    seats = [p for p in places if p["iso3"] == "MEX" and p["feature_code"] == "PPLA2"
             and p["name"] == municipality["name"] and minx <= p["lon"] <= maxx and miny <= p["lat"] <= maxy]
    seats.sort(key=lambda p: (-(p["population"] or 0), p["geonameid"]))
    return seats[0] if seats else None


def anchors_for(iso3, places, shared, parts, stats):
    """Real places a country's estimated sites are put near, ranked by population (largest first)."""
    excluded = []
    if iso3 == "MEX":
        path = os.path.join(shared, "boundaries", "mexico_municipalities",
                            "municipal_centroids_population_2020.csv")
        anchors = []
        for r in read_dict_csv(path):
            pop = int(r["pob"]) if r["pob"].strip() else 0
            anchors.append(dict(
                key=r["cvegeo"], name=r["nom_agem"], lon=float(r["centroid_lon"]),
                lat=float(r["centroid_lat"]), population=pop if pop > 0 else None,
                admin1_code=r["cve_agee"], admin1_name=MEX_STATES[r["cve_agee"]],
                municipality_code=r["cvegeo"], municipality_name=r["nom_agem"],
                bbox=(float(r["min_lon"]), float(r["max_lon"]), float(r["min_lat"]), float(r["max_lat"]))))
    else:
        anchors = []
        for p in places:
            if p["iso3"] != iso3:
                continue
            if p["feature_code"] in EXCLUDED_FEATURE_CODES:
                excluded.append((p["geonameid"], p["name"], "feature code " + p["feature_code"]))
                continue
            anchors.append(dict(key=p["geonameid"], name=p["name"], lon=p["lon"], lat=p["lat"],
                                population=p["population"], admin1_code="", admin1_name="",
                                municipality_code="", municipality_name="", bbox=None))
    kept = []
    for a in anchors:
        if not point_in_country(parts, a["lon"], a["lat"]):
            d = distance_to_country_km(parts, a["lon"], a["lat"])
            if d > COAST_TOLERANCE_KM and a["bbox"] is not None:
                # A Mexican municipality with offshore islands has its area centroid at sea: use
                # its seat instead, the GeoNames PPLA2 of the same name inside its bounding box.
                seat = mexican_seat(a, places)
                if seat is not None and point_in_country(parts, seat["lon"], seat["lat"]):
                    stats.setdefault("mex_seat_fallback", []).append(
                        (a["key"], a["name"], d, seat["geonameid"]))
                    a = dict(a, lon=seat["lon"], lat=seat["lat"])
                    d = 0.0
            if d > COAST_TOLERANCE_KM:
                excluded.append((a["key"], a["name"], f"{d:.1f} km outside the country polygon"))
                continue
        kept.append(a)
    # largest population first; unknown population after every known one; ties by identifier
    kept.sort(key=lambda a: (a["population"] is None, -(a["population"] or 0), a["key"]))
    stats.setdefault("anchors_excluded", {})[iso3] = excluded
    return kept


def waw_plan(iso3, waw, ratio, fallback_share):
    """Number and kind of sites for a country without a published count (documented rule)."""
    w = waw[iso3]
    od = w["shares"]["open_dump"]
    if od is not None:
        share, basis = od, "WaW open-dump share"
    elif w["any_breakdown"] and w["accounted"] >= COMPLETE_BREAKDOWN_PCT:
        share, basis = 0.0, f"WaW breakdown complete ({trimmed(w['accounted'], 2)}%) without open dumping"
    else:
        share, basis = fallback_share, "LAC median open-dump share (WaW has no usable breakdown)"
    n = round_half_up(w["population"] * share / 100.0 / ratio)
    if n > 0:
        return [("open_dump", n, "open dump")], share, basis, None
    # at least one site: the national disposal site, of the kind WaW says takes the most waste
    kinds = [("controlled_landfill", "controlled_dump", "controlled dump"),
             ("sanitary_landfill", "sanitary_landfill", "sanitary landfill"),
             ("landfill_unspecified", "other", "disposal site"),
             ("open_dump", "open_dump", "open dump")]
    best = kinds[3]  # open dump when WaW reports no disposal share at all
    for k in kinds:  # the largest reported share; ties go to the kind listed first
        if (w["shares"][k[0]] or 0.0) > (w["shares"][best[0]] or 0.0):
            best = k
    return [(best[1], 1, best[2])], share, basis, best[0]


def type_share(w, site_type, od_share):
    """WaW share (%) of the country's waste that goes to sites of this type; None when unknown."""
    if site_type == "open_dump":
        return od_share
    key = {"controlled_dump": "controlled_landfill", "sanitary_landfill": "sanitary_landfill",
           "other": "landfill_unspecified"}[site_type]
    return w["shares"][key]


def people_per_open_dump(waw, stats):
    """The median over the countries with a published count of open dumps, and the fallback share."""
    ratios = []
    for iso3, n, label in RATIO_CALIBRATION:
        w = waw[iso3]
        people = w["population"] * w["shares"]["open_dump"] / 100.0
        ratios.append((iso3, n, label, people, people / n))
    ratio = statistics.median(r[4] for r in ratios)
    reported = sorted(waw[i]["shares"]["open_dump"] for i in waw
                      if waw[i] is not None and waw[i]["shares"]["open_dump"] is not None)
    fallback_share = statistics.median(reported)
    stats["ratio_calibration"] = ratios
    stats["people_per_open_dump"] = ratio
    stats["fallback_open_dump_share"] = fallback_share
    stats["fallback_share_n"] = len(reported)
    return ratio, fallback_share


def country_plans(shared, waw, counts_rows, ratio, fallback_share):
    """How many sites of which type each country without a site-level census gets, and why."""
    counts_path = os.path.join(shared, "counts", "lac_dumpsite_counts.csv")
    plans = {}
    for iso3 in sorted(NAME_BY_ISO3):
        if iso3 == "BRA":
            continue
        if iso3 in PUBLISHED:
            cfg = PUBLISHED[iso3]
            hits = [(i, r) for i, r in enumerate(counts_rows, start=1)
                    if r["iso3"] == iso3 and r["year_of_data"].endswith(cfg["year"])
                    and cfg["match"] in r["figure_as_published"]]
            if len(hits) != 1:
                raise BuildError(f"{counts_path}: expected one {iso3} row of {cfg['year']} containing "
                                 f"'{cfg['match']}', found {len(hits)}")
            row_no, row = hits[0]
            w = waw[iso3]
            plans[iso3] = dict(
                groups=cfg["groups"], od_share=w["shares"]["open_dump"],
                source=f"basural estimate calibrated to {cfg['short']} ({row['year_of_data']})",
                source_record=f"lac_dumpsite_counts.csv row {row_no}",
                basis="published count", counts_row=row, counts_row_no=row_no, why=cfg["why"],
                figure=cfg["figure"])
        else:
            groups, share, basis, national_kind = waw_plan(iso3, waw, ratio, fallback_share)
            w = waw[iso3]
            n = groups[0][1]
            if national_kind is None:
                fig = (f"What a Waste 2.0: {fixed(w['population'], 0)} people x {trimmed(share, 2)}% "
                       f"open dumping / {fixed(ratio, 0)} people per open dump = {n} open dumps")
            else:
                fig = (f"What a Waste 2.0: no open dumping modelled; one national site "
                       f"({national_kind.replace('_', ' ')} {trimmed(w['shares'][national_kind], 2)}%)")
            plans[iso3] = dict(
                groups=groups, od_share=share,
                source="basural estimate from What a Waste 2.0 (2018)",
                source_record=f"what_a_waste_2_country_level.csv iso3c={iso3}",
                basis=basis, counts_row=None, why=basis, figure=fig)
    return plans


def shrink_for_observed(plans, observed_rows, stats):
    """Observed sites (registers, located sites) count against a country's figure: its estimated
    groups shrink by the observed sites of their type (or of the types listed in `absorbs`), the last
    group first, never below 0; then located sites of unknown type (written `other`) count against
    what is left, since each is one of the sites the figure counts or a landfill."""
    observed, unknown = {}, {}
    for r in observed_rows:
        if r.get("type_unknown"):
            unknown[r["country"]] = unknown.get(r["country"], 0) + 1
        else:
            key = (r["country"], r["site_type"])
            observed[key] = observed.get(key, 0) + 1
    shrunk = {}
    for iso3, plan in sorted(plans.items()):
        absorbs = PUBLISHED.get(iso3, {}).get("absorbs", {})
        left = {t: n for (c, t), n in observed.items() if c == iso3}
        left_unknown = unknown.get(iso3, 0)
        groups = []
        plan["absorbed_typed"] = plan["absorbed_unknown"] = 0
        for site_type, count, noun in reversed(plan["groups"]):
            take = 0
            for t in absorbs.get(site_type, (site_type,)):
                use = min(left.get(t, 0), count - take)
                take += use
                left[t] = left.get(t, 0) - use
            by_unknown = min(left_unknown, count - take)
            left_unknown -= by_unknown
            groups.append((site_type, count - take - by_unknown, noun))
            plan["absorbed_typed"] += take
            plan["absorbed_unknown"] += by_unknown
            if take or by_unknown:
                shrunk.setdefault(iso3, []).append((site_type, count, take, by_unknown))
        plan["planned_groups"] = plan["groups"]
        plan["groups"] = list(reversed(groups))
        plan["observed"] = {t: n for (c, t), n in observed.items() if c == iso3}
        plan["observed_unknown_type"] = unknown.get(iso3, 0)
    stats["estimated_shrunk"] = shrunk


def served_population(sites, anchors):
    """Per site type, each anchor's population goes to its own site(s) of that type, or to the nearest
    anchor hosting one; a host's population is split among its sites (sets s["population_served"])."""
    for site_type in sorted({s["site_type"] for s in sites}):
        group = [s for s in sites if s["site_type"] == site_type]
        per_host = {}
        for s in group:
            per_host[s["anchor"]] = per_host.get(s["anchor"], 0) + 1
        hosts = sorted(per_host)
        served = {h: None for h in hosts}

        def add(h, pop):
            if pop is not None:
                served[h] = (served[h] or 0) + pop
        for a_idx, a in enumerate(anchors):
            if a_idx in per_host:
                add(a_idx, a["population"])
                continue
            best = min(hosts, key=lambda h: (haversine_m(a["lon"], a["lat"], anchors[h]["lon"],
                                                         anchors[h]["lat"]), h))
            add(best, a["population"])
        for s in group:
            pop = served[s["anchor"]]
            s["population_served"] = None if pop is None else pop / per_host[s["anchor"]]


class Placer:
    """Moves estimated sites 1-5 km off their anchor, inside the country, apart from each other."""

    def __init__(self, parts):
        self.parts = parts
        self.taken = {}  # (type, grid cell) -> placed points

    @staticmethod
    def cell_of(lon, lat):
        return (int(math.floor(lon / 0.01)), int(math.floor(lat / 0.01)))

    def too_close(self, site_type, lon, lat):
        cx, cy = self.cell_of(lon, lat)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for (olon, olat) in self.taken.get((site_type, cx + dx, cy + dy), ()):
                    if haversine_m(lon, lat, olon, olat) < MIN_SEPARATION_M:
                        return True
        return False

    def place(self, site_id, site_type, anchor):
        """(lon, lat, moved off the anchor)."""
        a = anchor
        lon, lat = a["lon"], a["lat"]
        placed = False
        for attempt in range(OFFSET_ATTEMPTS * 4):
            u1, u2 = seeded_unit(site_id, attempt)
            # after OFFSET_ATTEMPTS tries the ring widens (crowded anchors, narrow coasts)
            widen = 1 + attempt // OFFSET_ATTEMPTS
            cand = destination(a["lon"], a["lat"], u1 * 360.0,
                               (OFFSET_MIN_KM + u2 * OFFSET_SPAN_KM * widen) * 1000.0)
            clon, clat = round(cand[0], 5), round(cand[1], 5)
            if a["bbox"] is not None:
                minx, maxx, miny, maxy = a["bbox"]
                if not (minx <= clon <= maxx and miny <= clat <= maxy):
                    continue
            if point_in_country(self.parts, clon, clat) and not self.too_close(site_type, clon, clat):
                lon, lat, placed = clon, clat, True
                break
        # an anchor kept by anchors_for() is inside its country or within the coastal tolerance
        if not placed and self.too_close(site_type, lon, lat):
            raise BuildError(f"{site_id} cannot be placed {MIN_SEPARATION_M} m from every other "
                             f"estimated {site_type}")
        self.taken.setdefault((site_type,) + self.cell_of(lon, lat), []).append((lon, lat))
        return lon, lat, placed


def estimate_country(iso3, plan, anchors, w, parts):
    """The estimated rows of one country and how they were placed."""
    sites = []
    j = 0
    for site_type, count, noun in plan["groups"]:
        for _ in range(count):
            sites.append(dict(index=j, anchor=j % len(anchors), site_type=site_type, noun=noun))
            j += 1
    served_population(sites, anchors)
    kg, cov = w["kg_per_capita_day"], w["coverage"]
    placer = Placer(parts)
    rows, moved = [], 0
    for s in sites:
        a = anchors[s["anchor"]]
        site_id = f"{iso3}-EST-{s['index'] + 1:05d}"
        lon, lat, placed = placer.place(site_id, s["site_type"], a)
        moved += placed
        share = type_share(w, s["site_type"], plan["od_share"])
        waste = None
        if None not in (s["population_served"], kg, cov, share):
            waste = s["population_served"] * kg / 1000.0 * cov / 100.0 * share / 100.0
        rows.append({
            "site_id": site_id,
            "name": f"Estimated {s['noun']} near {a['name']}",
            "country": iso3,
            "admin1_name": a["admin1_name"], "admin1_code": a["admin1_code"],
            "municipality_name": a["municipality_name"], "municipality_code": a["municipality_code"],
            "lon": lon, "lat": lat,
            "location_precision": "estimated",
            "site_type": s["site_type"],
            "status": "active",
            "waste_t_per_day": waste,
            "waste_provenance": "estimated" if waste is not None else "",
            "gas_capture": "unknown",
            "provenance": "estimated",
            "source": plan["source"],
            "source_record": plan["source_record"],
            "verified_inside": placed,
        })
    placement = dict(anchors=len(anchors), offset=moved, at_anchor=len(sites) - moved,
                     places_population=sum(a["population"] or 0 for a in anchors))
    return rows, placement


def build_estimated(shared, places, waw, parts_by_iso3, counts_rows, observed_rows, stats):
    ratio, fallback_share = people_per_open_dump(waw, stats)
    plans = country_plans(shared, waw, counts_rows, ratio, fallback_share)
    shrink_for_observed(plans, observed_rows, stats)
    # Mexico's estimated sites go to the municipalities its register lists no site for
    registered = {r["municipality_code"] for r in observed_rows if r["country"] == "MEX" and r["municipality_code"]}
    rows = []
    placement = {}
    for iso3, plan in sorted(plans.items()):
        if sum(n for _, n, _ in plan["groups"]) == 0:
            placement[iso3] = dict(anchors=0, offset=0, at_anchor=0, places_population=0)
            continue
        parts = parts_by_iso3[iso3]
        anchors = anchors_for(iso3, places, shared, parts, stats)
        if iso3 == "MEX":
            stats["mex_anchors_with_register_site"] = sum(1 for a in anchors if a["key"] in registered)
            anchors = [a for a in anchors if a["key"] not in registered]
        if not anchors:
            raise BuildError(f"{iso3}: no populated place to put estimated sites near")
        country_rows, placement[iso3] = estimate_country(iso3, plan, anchors, waw[iso3], parts)
        rows += country_rows
    stats["plans"] = plans
    stats["placement"] = placement
    return rows

"""datasets/README.md from scripts/datasets_readme.md.in, with the numbers of this build."""

import os

from .admin1 import readme_values as admin1_readme_values
from .readme_sources import country_table, source_values
from .common import NAME_BY_ISO3, BuildError, md_escape, round_half_up, thousands, trimmed
from .estimated import (COMPLETE_BREAKDOWN_PCT, ECUADOR_CANTONES, OFFSET_ATTEMPTS, OFFSET_MIN_KM,
                        OFFSET_SPAN_KM)
from .common import COAST_TOLERANCE_KM, EXCLUDED_FEATURE_CODES
from .waste import WAW_URL

README_TEMPLATE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                               "datasets_readme.md.in")

def build_readme(rows, assets, stats, waw, files):
    with open(README_TEMPLATE, encoding="utf-8") as f:
        template = f.read()
    plans = stats["plans"]
    table = country_table(rows, plans)

    ratio_lines = ["| country | open dumps counted | WaW population | WaW open-dump share | people per open dump |",
                   "|---|---|---:|---:|---:|"]
    for iso3, n, label, people, r in stats["ratio_calibration"]:
        w = waw[iso3]
        ratio_lines.append(f"| {NAME_BY_ISO3[iso3]} | {label} | {thousands(int(w['population']))} | "
                           f"{trimmed(w['shares']['open_dump'], 4)}% | {thousands(round_half_up(r))} |")

    waw_lines = ["| country | WaW population | open-dump share used | basis | sites (type) |",
                 "|---|---:|---:|---|---|"]
    for iso3, p in sorted(plans.items()):
        if p["counts_row"] is not None:
            continue
        w = waw[iso3]
        g = p["planned_groups"][0]
        waw_lines.append(f"| {NAME_BY_ISO3[iso3]} | {thousands(int(w['population']))} | "
                         f"{trimmed(p['od_share'], 4)}% | {p['basis']} | {thousands(g[1])} ({g[0]}) |")

    pub_lines = ["| country | figure chosen | sites the figure gives | why |", "|---|---|---|---|"]
    for iso3, p in sorted(plans.items()):
        if p["counts_row"] is None:
            continue
        groups = " + ".join(f"{n:,} {t}" for t, n, _ in p["planned_groups"])
        pub_lines.append(f"| {NAME_BY_ISO3[iso3]} | {md_escape(p['figure'])} "
                         f"(counts row {p['counts_row_no']}) | {groups} | {md_escape(p['why'])} |")

    cov_lines = ["| iso3 | coverage used | basis |", "|---|---:|---|"]
    for iso3 in sorted(NAME_BY_ISO3):
        w = waw[iso3]
        cov_lines.append(f"| {iso3} | {'' if w['coverage'] is None else trimmed(w['coverage'], 4)} | "
                         f"{w['coverage_basis'] or 'no total coverage in WaW: empty'} |")

    place_lines = ["| iso3 | anchors | known population of the anchors | % of WaW population "
                   "| sites moved off their anchor | sites left at their anchor |",
                   "|---|---:|---:|---:|---:|---:|"]
    for iso3, pl in sorted(stats["placement"].items()):
        if pl["anchors"] == 0:  # no estimated row in this country
            continue
        share = 100.0 * pl["places_population"] / waw[iso3]["population"]
        place_lines.append(f"| {iso3} | {thousands(pl['anchors'])} | {thousands(pl['places_population'])} | "
                           f"{share:.0f}% | {thousands(pl['offset'])} | {thousands(pl['at_anchor'])} |")
    excluded_lines, sections = [], []
    for iso3, ex in sorted(stats["anchors_excluded"].items()):
        codes = [e for e in ex if e[2].startswith("feature code")]
        if codes:
            sections.append(f"{iso3} {len(codes)}")
        for key, name, why in ex:
            if not why.startswith("feature code"):
                excluded_lines.append(f"- {iso3} GeoNames {key} {name}: {why}")
    excluded_lines.append("- sections of places and abandoned places (GeoNames feature codes "
                          + ", ".join(sorted(EXCLUDED_FEATURE_CODES)) + "), by country: "
                          + (", ".join(sections) or "none"))

    outside = ", ".join(f"{iso3} {prov}: {n} (max {d:.1f} km)"
                        for (iso3, prov), (n, d) in sorted(stats["outside_polygon"].items())) or "none"

    b = stats["brazil"]
    waste_est = [r for r in rows if r.get("waste_t_per_day") is not None]
    est_rows = [r for r in rows if r["provenance"] == "estimated"]
    values = {
        "TABLE": "\n".join(table),
        "RATIO_TABLE": "\n".join(ratio_lines),
        "WAW_TABLE": "\n".join(waw_lines),
        "PUBLISHED_TABLE": "\n".join(pub_lines),
        "COVERAGE_TABLE": "\n".join(cov_lines),
        "PLACEMENT_TABLE": "\n".join(place_lines),
        "EXCLUDED_ANCHORS": "\n".join(excluded_lines) or "- none",
        "PEOPLE_PER_OPEN_DUMP": thousands(round_half_up(stats["people_per_open_dump"])),
        "FALLBACK_SHARE": trimmed(stats["fallback_open_dump_share"], 4),
        "FALLBACK_SHARE_N": str(stats["fallback_share_n"]),
        "TOTAL_SITES": thousands(len(rows)),
        "TOTAL_OPEN_DUMPS": thousands(sum(1 for r in rows if r["site_type"] == "open_dump")),
        "TOTAL_ESTIMATED": thousands(len(est_rows)),
        "TOTAL_OBSERVED": thousands(len(rows) - len(est_rows)),
        "EST_WITH_WASTE": thousands(len(waste_est)),
        "EST_WITHOUT_WASTE": thousands(len(est_rows) - len(waste_est)),
        "BR_UNITS_READ": thousands(b["units_read"]),
        "BR_OPEN": thousands(b["by_type"].get("open_dump", 0)),
        "BR_OPEN_ACTIVE": thousands(b["active_by_type"].get("open_dump", 0)),
        "BR_CONTROLLED": thousands(b["by_type"].get("controlled_dump", 0)),
        "BR_CONTROLLED_ACTIVE": thousands(b["active_by_type"].get("controlled_dump", 0)),
        "BR_SANITARY": thousands(b["by_type"].get("sanitary_landfill", 0)),
        "BR_SANITARY_ACTIVE": thousands(b["active_by_type"].get("sanitary_landfill", 0)),
        "BR_TOTAL": thousands(sum(b["by_type"].values())),
        "BR_MUNICIPALITIES": thousands(b["municipalities"]),
        "BR_SHARED_SEAT_ROWS": thousands(b["shared_seat_rows"]),
        "MEX_SEAT_FALLBACK": ", ".join(f"{k} {n} (centroid {d:.0f} km outside the polygon; GeoNames {g})"
                                       for k, n, d, g in stats.get("mex_seat_fallback", []))
                             or "none in this build (Mexico needs no estimated row)",
        "COAST_TOLERANCE_KM": trimmed(COAST_TOLERANCE_KM, 1),
        "OFFSET_MIN_KM": trimmed(OFFSET_MIN_KM, 1),
        "OFFSET_MAX_KM": trimmed(OFFSET_MIN_KM + OFFSET_SPAN_KM, 1),
        "OFFSET_ATTEMPTS": str(OFFSET_ATTEMPTS),
        "COMPLETE_BREAKDOWN_PCT": trimmed(COMPLETE_BREAKDOWN_PCT, 1),
        "ECUADOR_CANTONES": str(ECUADOR_CANTONES),
        "WAW_URL": WAW_URL,
        "BR_YEAR_BLANK": str(b["year_blank"]),
        "BR_YEAR_REJECTED": str(len(b["year_rejected"])),
        "BR_YEAR_REJECTED_LIST": ", ".join(f"{u} ('{t}')" for u, t in b["year_rejected"]) or "none",
        "BR_GAS": ", ".join(f"{k} {v:,}" for k, v in sorted(b["gas"].items())),
        "BR_PICKERS": "; ".join(f"{k}: {v:,}" for k, v in sorted(b["pickers"].items())),
        "OUTSIDE_POLYGON": outside,
        "COUNTRIES_INVALID": str(stats["countries_invalid_in_source"]),
        "COUNTRY_PARTS": thousands(stats["countries_parts"]),
        "WORLD_CONTEXT_NAMES": ", ".join(stats["world_context_names"]),
        "PLACES_TOTAL": thousands(stats["places_total"]),
        "PLACES_ZERO": thousands(stats["places_zero_population"]),
        "PLACES_POP": thousands(stats["places_population_sum"]),
        "WAW_MISSING": ", ".join(stats["waw_missing"]) or "none (all 33 are in What a Waste 2.0)",
        "FILE_SIZES": "\n".join(f"| {name} | {thousands(size)} |" for name, size in sorted(files.items())),
    }
    values.update(admin1_readme_values(stats))
    values.update(source_values(rows, assets, stats))
    text = template
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        raise BuildError(f"{README_TEMPLATE}: unreplaced placeholder near "
                         f"'{text[text.index('{{'):text.index('{{') + 40]}'")
    return text

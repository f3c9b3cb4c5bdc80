"""The parts of datasets/README.md about the observed sources (INEGI, MINAM, Climate TRACE), admin-1
and how each country's total traces to its figure."""

import collections

from .climate_trace import (CT_UPSTREAM, DEDUP_ANY_TYPE_M, DEDUP_SAME_TYPE_M, DEDUP_SEAT_M, MATCH_MEX_M)
from .common import NAME_BY_ISO3, md_escape, thousands
from .inventory import ADMIN1_TOLERANCE_KM
from .peru import CT_MATCH_M, PERU_SEAT_ALIASES, PERU_SITE_ALIASES
from .site_types import GENERIC_NAMES, RULES
from .waste import WAW_URL

BRAZIL_TRACE = ("SNIS-RS 2022 units (observed): 2,374 lixões of which 1,572 in operation (\"1.572 lixões\", "
                "https://qcenews.com/cresce-o-numero-de-lixoes-irregulares-no-brasil-apesar-de-meta-de-eliminacao/), "
                "plus aterros controlados and sanitários")


def figure_of(plan):
    if plan["counts_row"] is not None:
        row = plan["counts_row"]
        return f"\"{row['figure_as_published']}\" ({row['year_of_data']}, {row['source_url']})"
    return f"{plan['figure']} ({WAW_URL})"


def reconciliation(plan):
    """'figure N − observed counted = estimated' for one country."""
    planned = sum(n for _, n, _ in plan["planned_groups"])
    written = sum(n for _, n, _ in plan["groups"])
    if planned == written:
        return f"{thousands(planned)} estimated"
    parts = []
    if plan["absorbed_typed"]:
        parts.append(f"{thousands(plan['absorbed_typed'])} observed of its types")
    if plan["absorbed_unknown"]:
        parts.append(f"{thousands(plan['absorbed_unknown'])} located of unknown type")
    return f"{thousands(planned)} − " + " − ".join(parts) + f" = {thousands(written)} estimated"


def country_table(rows, plans):
    per = collections.defaultdict(collections.Counter)
    for r in rows:
        c = per[r["country"]]
        c["total"] += 1
        c[r["provenance"]] += 1
        c["located"] += "-CT-" in r["site_id"]
        c["open_dump"] += r["site_type"] == "open_dump"
        c["sanitary_landfill"] += r["site_type"] == "sanitary_landfill"
    table = ["| country | iso3 | sites | observed | of which located by Climate TRACE | estimated | open dumps "
             "| sanitary landfills | traces to |", "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    keys = ["total", "observed", "located", "estimated", "open_dump", "sanitary_landfill"]
    tot = collections.Counter()
    for iso3 in sorted(NAME_BY_ISO3):
        c = per[iso3]
        tot.update({k: c[k] for k in keys})
        if iso3 == "BRA":
            trace = BRAZIL_TRACE + (f"; and {c['located']} located by Climate TRACE more than 30 km from every "
                                    "seat with SNIS units" if c["located"] else "")
        else:
            trace = f"{figure_of(plans[iso3])}: {reconciliation(plans[iso3])}"
        table.append(f"| {NAME_BY_ISO3[iso3]} | {iso3} | " + " | ".join(thousands(c[k]) for k in keys)
                     + f" | {md_escape(trace)} |")
    table.append("| **Total** | | " + " | ".join(f"**{thousands(tot[k])}**" for k in keys) + " | |")
    return table


def mexico_values(rows, assets, stats):
    m = stats["mexico"]
    ct_mex = [a for a in assets if a["iso3"] == "MEX"]
    added = collections.Counter((a["site_type"] or "other (type unknown)") for a in ct_mex if a["outcome"] == "added")
    plan = stats["plans"]["MEX"]
    estimated = sum(n for _, n, _ in plan["groups"])
    return {
        "MEX_ROWS": thousands(m["rows"]),
        "MEX_OPEN": thousands(m["by_type"]["open_dump"]),
        "MEX_CONTROLLED": thousands(m["by_type"]["controlled_dump"]),
        "MEX_SANITARY": thousands(m["by_type"]["sanitary_landfill"]),
        "MEX_STATES_N": str(m["states"]),
        "MEX_MUNICIPALITIES": thousands(m["municipalities"]),
        "MEX_UNNAMED": str(m["unnamed"]),
        "MEX_NAMES_FROM_REGISTER": ", ".join(f"{c} {n}" for c, n in m["names_from_register"]) or "none",
        "MEX_SHARED_POINTS": str(m["shared_points"]),
        "MEX_SHARED_POINT_ROWS": str(m["shared_point_rows"]),
        "MEX_SHARED_SAME_TYPE": str(m["shared_same_type"]),
        "MEX_NEAR_PAIRS": str(stats["checks"]["inegi_shared_pairs"]),
        "MEX_CT_TOTAL": thousands(len(ct_mex)),
        "MEX_CT_SAME": thousands(sum(1 for a in ct_mex if a["outcome"] == "same_site")),
        "MEX_CT_ADDED": thousands(sum(added.values())),
        "MEX_CT_ADDED_TYPES": ", ".join(f"{t} {thousands(n)}" for t, n in sorted(added.items())),
        "MEX_OBSERVED": thousands(sum(1 for r in rows if r["country"] == "MEX" and r["provenance"] == "observed")),
        "MEX_GAP": (f"{thousands(estimated)} estimated rows fill what is left (labelled `estimated`, placed in "
                    "municipalities the register lists no site for, largest first)" if estimated else
                    "no estimated row is needed: every Mexican row is observed"),
        "MEX_RECONCILIATION": reconciliation(plan),
    }


def peru_values(stats):
    p = stats["peru"]
    lines = ["| site_id | name (MINAM) | type | districts | t/year 2022 | located at | location_precision |",
             "|---|---|---|---:|---:|---|---|"]
    for t in p["table"]:
        lines.append(f"| {t['site_id']} | {md_escape(t['name'])} | {t['kind'].lower()} | {t['districts']} | "
                     f"{thousands(round(t['t_per_year']))} | {md_escape(t['located'])} | {t['precision']} |")
    return {
        "PERU_SITES": str(p["sites"]), "PERU_DISTRICTS": str(p["districts"]),
        "PERU_T_PER_YEAR": thousands(round(p["t_per_year"])),
        "PERU_T_PER_DAY": thousands(round(p["t_per_year"] / 365.0)),
        "PERU_BY_CT": str(p["by_ct"]), "PERU_TABLE": "\n".join(lines),
        "PERU_CT_MATCH_KM": f"{CT_MATCH_M / 1000:.0f}",
        "PERU_SITE_ALIASES": "; ".join(f"`{a}` -> `{b}`" for a, b in sorted(PERU_SITE_ALIASES.items())),
        "PERU_SEAT_ALIASES": "; ".join(f"{u}: {why}" for u, (_, why) in sorted(PERU_SEAT_ALIASES.items())),
    }


def climate_trace_values(assets, stats):
    rule_lines = ["| order | site_type | what | words (whole words of the folded name) |", "|---:|---|---|---|"]
    for k, (site_type, what, words) in enumerate(RULES, start=1):
        rule_lines.append(f"| {k} | `{site_type}` | {what} | {', '.join(words)} |")
    outcomes = collections.Counter(a["outcome"] for a in assets)
    typed = collections.Counter((a["site_type"] or "no type (written `other`)") for a in assets)
    added = [a for a in assets if a["outcome"] == "added"]
    per_country = collections.Counter(a["iso3"] for a in added)
    added_types = collections.Counter((a["site_type"] or "other (type unknown)") for a in added)
    upstream = collections.Counter(a["upstream"] for a in assets)
    mex_matched = [a for a in assets if a["iso3"] == "MEX" and a["match_site_id"]]
    bra_matched = [a for a in assets if a["iso3"] == "BRA" and a["match_site_id"]]
    return {
        "CT_TOTAL": thousands(len(assets)),
        "CT_RULES": "\n".join(rule_lines),
        "CT_GENERIC": ", ".join(f"\"{g}\"" for g in sorted(GENERIC_NAMES)),
        "CT_TYPED": ", ".join(f"{t} {thousands(n)}" for t, n in sorted(typed.items())),
        "CT_UPSTREAM": ", ".join(f"`{k}` {CT_UPSTREAM[k]} ({thousands(n)})" for k, n in sorted(upstream.items())),
        "CT_OUTCOMES": ", ".join(f"{k} {thousands(n)}" for k, n in sorted(outcomes.items())),
        "CT_ADDED": thousands(len(added)),
        "CT_ADDED_COUNTRIES": ", ".join(f"{k} {n}" for k, n in sorted(per_country.items())),
        "CT_ADDED_TYPES": ", ".join(f"{t} {thousands(n)}" for t, n in sorted(added_types.items())),
        "CT_OUTSIDE": ", ".join(f"{i} ({c}, {d:.1f} km)" for i, c, d in stats["ct_outside"]) or "none",
        "CT_DEDUP_ANY_M": thousands(round(DEDUP_ANY_TYPE_M)), "CT_DEDUP_SAME_KM": f"{DEDUP_SAME_TYPE_M / 1000:.0f}",
        "CT_DEDUP_SEAT_KM": f"{DEDUP_SEAT_M / 1000:.0f}", "CT_MATCH_MEX_M": thousands(round(MATCH_MEX_M)),
        "CT_MEX_MATCHED": thousands(len(mex_matched)), "CT_BRA_MATCHED": thousands(len(bra_matched)),
    }


def source_values(rows, assets, stats):
    a1 = stats["admin1_assignment"]
    derived = sum(1 for r in rows if "admin1_code" in r.get("derived", ()))
    observed = [r for r in rows if r["provenance"] == "observed"]
    values = {
        "N_SNIS": thousands(sum(1 for r in rows if r["site_id"].startswith("BRA-SNIS-"))),
        "N_INEGI": thousands(sum(1 for r in rows if r["site_id"].startswith("MEX-INEGI-"))),
        "N_MINAM": thousands(sum(1 for r in rows if r["site_id"].startswith("PER-MINAM-"))),
        "N_CT": thousands(sum(1 for r in rows if "-CT-" in r["site_id"])),
        "N_CT_COUNTRIES": str(len({r["country"] for r in rows if "-CT-" in r["site_id"]})),
        "N_OBSERVED_COUNTRIES": str(len({r["country"] for r in observed})),
        "ADMIN1_DERIVED": thousands(derived), "ADMIN1_AGREE": thousands(a1["agree"]),
        "ADMIN1_DISAGREE": thousands(a1["disagree"]), "ADMIN1_SITE_TOLERANCE_KM": f"{ADMIN1_TOLERANCE_KM:.0f}",
    }
    values.update(mexico_values(rows, assets, stats))
    values.update(peru_values(stats))
    values.update(climate_trace_values(assets, stats))
    return values

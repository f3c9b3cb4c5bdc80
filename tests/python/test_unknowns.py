"""What the commands say about results resting on unknowns (#12's one rule for status and tonnage)
reaches Python unchanged: the warning lines (issued as basural.DataWarning and kept on the result),
the assumptions printed before each table, and the refusal to report nothing (the command's "no
result:" with exit 1 is basural.NoResultError with the same message). Compared with the command's
own output on the same inputs, unwrapped from its 100-column terminal lines."""

import warnings

import pytest

import basural
from conftest import DATA, run_cli

UNKNOWN = DATA / "coverage_unknown_tonnage.csv"  # Uruguay's two dumps: no tonnage, no place near
SITES = DATA / "coverage_sites.csv"
WASTE = {"places": DATA / "coverage_places.csv", "country_waste": DATA / "coverage_country_waste.csv"}
WASTE_OPTIONS = ["--places", WASTE["places"], "--country-waste", WASTE["country_waste"]]


def unwrap(lines, item, continued):
    """The items of a list the command wraps: a line starting with `item` starts one, a line starting
    with `continued` goes on with it; anything else ends the list."""
    items = []
    for line in lines:
        if line.startswith(continued) and items:
            items[-1] += " " + line.strip()
        elif line.startswith(item) and line.strip():
            items.append(line[len(item):])
        else:
            break
    return items


def command_warnings(stderr, command):
    lines = stderr.splitlines()
    start = lines.index(f"basural {command}: warning: results rest on unknowns:") + 1
    return unwrap(lines[start:], "  - ", "    ")


def caught(call):
    """(result, messages of the basural.DataWarning issued while calling)."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        result = call()
    return result, [str(w.message) for w in record if issubclass(w.category, basural.DataWarning)]


def test_regionalize_warns_and_assumes_as_the_command(scratch):
    _, out, err = run_cli("regionalize", UNKNOWN, *WASTE_OPTIONS, "-o", scratch / "plan.gpkg")
    expected = command_warnings(err, "regionalize")
    assert len(expected) == 2 and expected[1].startswith("tonnage could not be estimated for 2 of 2 receiving")
    plan, issued = caught(lambda: basural.regionalize(UNKNOWN, **WASTE))
    assert plan.warnings == expected
    assert all(line in issued for line in expected)
    lines = out.splitlines()
    assumptions = unwrap(lines[lines.index("Assumptions:") + 1:], "  ", "    ")
    assert plan.assumptions == assumptions
    assert any("2 unknown" in line for line in assumptions)  # the tonnage sources
    assert plan.parameters["demand_sites_waste_unknown"] == "2"
    # Planned by site count, not as zeros: the summary's t/day is unknown.
    summary = plan.summary_table()
    assert list(summary["weighting"]) == ["site_count", "site_count"]
    assert summary["waste_t_per_day"].isna().all()
    # A plan read back has its assumptions (from its parameters), not the warnings of a run.
    plan.write(scratch / "mine.gpkg")
    back = basural.read_plan(scratch / "mine.gpkg")
    assert back.assumptions == assumptions and back.warnings == []


@pytest.mark.parametrize("command,call,no_result,extra", [
    ("coverage", lambda: basural.coverage(UNKNOWN, **WASTE), "no result", []),
    ("methane", lambda: basural.methane(UNKNOWN, **WASTE), "no estimate", []),
    ("prioritize", lambda: basural.prioritize(UNKNOWN, output=DATA / "never-written.csv", **WASTE), "no ranking",
     ["-o", "{scratch}/ranking.csv"]),
])
def test_nothing_to_report_is_an_error_with_the_commands_message(scratch, command, call, no_result, extra):
    extra = [a.format(scratch=scratch) for a in extra]
    code, _, err = run_cli(command, UNKNOWN, *WASTE_OPTIONS, *extra, check=False)
    assert code == 1
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"basural {command}: {no_result}: ")
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        with pytest.raises(basural.NoResultError) as raised:
            call()
    assert isinstance(raised.value, basural.Error)
    assert str(raised.value) == last.removeprefix(f"basural {command}: ")
    issued = [str(w.message) for w in record if issubclass(w.category, basural.DataWarning)]
    assert all(line in issued for line in command_warnings(err, command))
    assert not (DATA / "never-written.csv").exists() and not (scratch / "ranking.csv").exists()


def test_reports_carry_the_commands_assumptions(scratch):
    _, out, _ = run_cli("coverage", SITES, *WASTE_OPTIONS)
    lines = out.splitlines()
    coverage = basural.coverage(SITES, **WASTE)
    assert coverage.attrs["assumptions"] == unwrap(lines[1:], "", "  ")  # after the records line
    assert coverage.attrs["warnings"] == []
    assert any(line.startswith("Tonnage of the 2 receiving sites: 1 given, 1 estimated") for line in
               coverage.attrs["assumptions"])

    _, out, _ = run_cli("methane", SITES, *WASTE_OPTIONS)
    assert basural.methane(SITES, **WASTE).assumptions == unwrap(out.splitlines(), "", "  ")

    _, out, _ = run_cli("prioritize", SITES, *WASTE_OPTIONS, "-o", scratch / "ranking.csv")
    ranking = basural.prioritize(SITES, **WASTE)
    printed = unwrap(out.splitlines(), "", "  ")  # then the table's title, with no blank line
    assert printed[4].startswith("Top 1 of 1 sites")
    assert ranking.attrs["assumptions"] == printed[:4]  # status, tonnage, readiness, weights

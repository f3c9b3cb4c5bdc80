"""The library's errors reach Python as exceptions with the command line's messages (the command
prints "basural <command>: <message>"), and never end the process."""

import pytest

import basural
from conftest import DATA, run_cli


def cli_message(*args):
    code, _, err = run_cli(*args, check=False)
    assert code in (1, 2)
    line = err.strip().splitlines()[-1]
    prefix = f"basural {args[0]}: "
    assert line.startswith(prefix)
    return code, line[len(prefix):]


def test_a_missing_file_is_an_input_error_with_the_same_message(scratch):
    missing = scratch / "no_such.csv"
    code, message = cli_message("validate", missing)
    assert code == 1
    with pytest.raises(basural.InputError) as e:
        basural.read_inventory(missing)
    assert str(e.value) == message
    assert e.value.file == str(missing)
    assert e.value.record is None


def test_a_bad_field_assignment_is_a_usage_error_with_the_same_message():
    code, message = cli_message("validate", DATA / "sites_schema.csv", "--field", "colour=COLOR")
    assert code == 2
    with pytest.raises(basural.UsageError) as e:
        basural.read_inventory(DATA / "sites_schema.csv", fields={"colour": "COLOR"})
    assert str(e.value) == message
    assert isinstance(e.value, ValueError) and isinstance(e.value, basural.Error)


def test_a_bad_mapping_names_the_key():
    with pytest.raises(basural.InputError) as e:
        basural.read_inventory(DATA / "sites_es.csv", mapping={"fields": {"not_a_field": "ID"}})
    assert "not_a_field" in str(e.value)


def test_a_file_that_is_not_a_plan_is_refused_naming_the_layer():
    code, message = cli_message("coverage", DATA / "sites_schema.csv", "--plan", DATA / "sites_es.gpkg")
    with pytest.raises(basural.InputError) as e:
        basural.coverage(DATA / "sites_schema.csv", plan=DATA / "sites_es.gpkg")
    assert str(e.value) == message
    assert "facilities" in str(e.value)


def test_bad_options_of_the_solvers_are_usage_errors():
    code, message = cli_message("regionalize", DATA / "regionalize_sites.csv", "--max-haul-km", "-5",
                                "-o", "/tmp/never.gpkg")
    assert code == 2
    with pytest.raises(basural.UsageError) as e:
        basural.regionalize(DATA / "regionalize_sites.csv", max_haul_km=-5)
    assert str(e.value) == message
    with pytest.raises(basural.UsageError, match="eps_km"):
        basural.cluster(DATA / "sites_schema.csv")
    with pytest.raises(basural.UsageError, match="needs p"):
        basural.locate([[1.0]], model="p-median")


def test_a_bad_record_in_a_travel_matrix_is_an_input_error_naming_the_record(scratch):
    matrix = scratch / "matrix.csv"
    matrix.write_text("origin_id,destination_id,cost\nBRA-A,BRA-B,-3\n", encoding="utf-8")
    code, message = cli_message("regionalize", DATA / "regionalize_sites.csv", "--matrix", matrix,
                                "-o", scratch / "never.gpkg")
    with pytest.raises(basural.InputError) as e:
        basural.regionalize(DATA / "regionalize_sites.csv", matrix=matrix)
    assert str(e.value) == message
    assert e.value.record == 1 and e.value.field == "cost" and e.value.value == "-3"


def test_the_process_goes_on_after_an_error():
    for _ in range(3):
        with pytest.raises(basural.Error):
            basural.read_inventory(DATA / "empty.csv")
    assert basural.read_inventory(DATA / "sites_schema.csv").loaded == 5

"""What the public functions accept as an inventory, a plan or a path, turned into what the
compiled module takes."""

import os
import tempfile

from . import _basural
from . import _frames


def path_text(path):
    """A str, bytes or os.PathLike path as str ("" for None)."""
    if path is None:
        return ""
    return os.fsdecode(os.fspath(path))


def is_path(value):
    return isinstance(value, (str, bytes, os.PathLike))


def country_list(countries):
    """None, one ISO3 code or several, as a list."""
    if countries is None:
        return []
    if isinstance(countries, str):
        return [countries]
    return [str(c) for c in countries]


def inventory_handle(inventory):
    """The compiled inventory behind `inventory`: an Inventory, a path or PG: connection string
    (read with the default options), a (Geo)DataFrame in the site schema (written to a temporary
    file and read back, so it goes through the same checks), or None for the shipped inventory."""
    from ._inventory import Inventory, read_inventory

    if isinstance(inventory, Inventory):
        return inventory._handle
    if inventory is None or is_path(inventory):
        return read_inventory(inventory)._handle
    if _frames.have_pandas() and isinstance(inventory, _frames.pd.DataFrame):
        return _frame_inventory(inventory)._handle
    raise TypeError("inventory must be a basural.Inventory, a path, a PG: connection string, a "
                    f"(Geo)DataFrame in the site schema or None, not {type(inventory).__name__}")


def _frame_inventory(frame):
    from ._inventory import read_inventory

    with tempfile.TemporaryDirectory(prefix="basural-") as tmp:
        if _frames.have_geopandas() and isinstance(frame, _frames.gpd.GeoDataFrame):
            path = os.path.join(tmp, "sites.gpkg")
            frame.to_file(path, driver="GPKG", layer="sites")
        else:
            path = os.path.join(tmp, "sites.csv")
            frame.to_csv(path, index=False)
        return read_inventory(path)


def plan_handle(plan):
    """(handle, name for messages) of a Plan, a plan file or PG: connection, or None."""
    from ._plan import Plan

    if plan is None:
        return None, "plan"
    if isinstance(plan, Plan):
        return plan._handle, "plan"
    if is_path(plan):
        text = path_text(plan)
        return _basural.read_plan(text), text
    raise TypeError(f"plan must be a basural.Plan, a path or None, not {type(plan).__name__}")

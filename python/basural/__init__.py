"""basural for notebooks: the engine behind the ``basural`` command line, as Python functions.

    import basural
    inv = basural.read_inventory()                 # the shipped LAC inventory
    plan = basural.regionalize(inv, countries="GTM", reuse_existing=True)
    plan.facilities.plot()                         # GeoDataFrames in EPSG:4326
    basural.coverage(inv, plan)                    # pandas DataFrames

Every function does what the command of the same name does, with the same options, checks and
numbers (docs/python.md). Errors are basural.UsageError, basural.InputError,
basural.BackendError and basural.NoResultError, with the command line's messages; the command's
warnings are basural.DataWarning; nothing here exits the process.
"""

from ._basural import __version__
from .errors import BackendError, DataWarning, Error, InputError, NoResultError, UsageError
from ._inventory import Inventory, read_inventory
from ._cluster import Clustering, cluster
from ._locate import LocationResult, locate
from ._plan import Plan, read_plan, regionalize
from ._reports import Methane, coverage, methane, prioritize
from ._map import map

__all__ = [
    "__version__", "Error", "UsageError", "InputError", "BackendError", "NoResultError",
    "DataWarning",
    "Inventory", "read_inventory", "Clustering", "cluster", "LocationResult", "locate",
    "Plan", "read_plan", "regionalize", "Methane", "coverage", "methane", "prioritize", "map",
]

"""locate: LSCP, p-median and MCLP on a cost matrix, on points or on tables (``basural locate``)."""

import json

import numpy as np

from . import _basural
from . import _frames
from ._inputs import is_path, path_text


class LocationResult:
    """A location model's answer with its bound: the report ``basural locate --format json`` writes
    (``report``), the open facilities and every demand point's assignment as tables, and
    ``facility_index`` (candidate index per demand point, -1 when not assigned) and ``cost``
    (NaN when not assigned) as numpy arrays."""

    def __init__(self, result):
        self.report = json.loads(result["json"])
        self.facility_index = result["facility_index"]
        self.cost = result["cost"]
        for key in ("model", "cost_unit", "p", "max_cost", "objective", "lower_bound", "upper_bound",
                    "gap", "proven_optimal", "served_weight", "unserved_weight", "assigned_cost",
                    "unserved_cost", "time_ms"):
            setattr(self, key, self.report.get(key))
        self.closed_below_min_throughput = self.report["closed_below_min_throughput"]

    @property
    def facilities(self):
        """Open facilities: id, required, demand_points, weight, load, capacity (None: unlimited)."""
        return self._rows(self.report["facilities"], ["id", "required", "demand_points", "weight", "load",
                                                      "capacity"])

    @property
    def assignments(self):
        """Per demand point: demand_id, facility_id, cost, status."""
        return self._rows(self.report["assignments"], ["demand_id", "facility_id", "cost", "status"])

    @staticmethod
    def _rows(rows, columns):
        if _frames.have_pandas():
            return _frames.pd.DataFrame(rows, columns=columns)
        return {c: [r[c] for r in rows] for c in columns}

    def __repr__(self):
        return (f"<basural.LocationResult {self.model}: {len(self.report['facilities'])} facilities, "
                f"objective {self.objective:g}, gap {100 * self.gap:.2f}%>")


def _arguments(model, p, max_cost, capacity, min_throughput, p_excludes_required, detour_factor,
               unserved_cost, seed):
    args = _basural.LocateArguments()
    args.model = model
    args.p = p
    args.max_cost = None if max_cost is None else float(max_cost)
    args.capacity = None if capacity is None else float(capacity)
    args.min_throughput = None if min_throughput is None else float(min_throughput)
    args.p_excludes_required = bool(p_excludes_required)
    args.detour_factor = None if detour_factor is None else float(detour_factor)
    args.unserved_cost = None if unserved_cost is None else float(unserved_cost)
    args.seed = seed
    return args


def _points_input(weights, loads, capacities, required, demand_ids, candidate_ids):
    data = _basural.LocateInput()
    data.weights = [] if weights is None else np.asarray(weights, dtype=float).tolist()
    data.loads = [] if loads is None else np.asarray(loads, dtype=float).tolist()
    data.capacities = [] if capacities is None else np.asarray(capacities, dtype=float).tolist()
    data.required = [] if required is None else [int(i) for i in required]
    data.demand_ids = [] if demand_ids is None else [str(i) for i in demand_ids]
    data.candidate_ids = [] if candidate_ids is None else [str(i) for i in candidate_ids]
    return data


def locate(costs=None, *, demand=None, candidates=None, weights=None, loads=None, capacities=None,
           required=None, demand_ids=None, candidate_ids=None, model="p-median", p=None, max_cost=None,
           capacity=None, min_throughput=None, p_excludes_required=False, detour_factor=None,
           unserved_cost=None, seed=None):
    """Solves a location model (docs/methods/location_models.md) with a Lagrangian bound, on one of:

    - ``costs``: a demand x candidate numpy array; NaN or infinite entries are pairs not allowed;
    - ``demand`` and ``candidates``: (n, 2) arrays of WGS84 lon, lat: geodesic km within max_cost,
      times detour_factor;
    - tables, as ``basural locate``: ``demand``, ``candidates``, ``costs`` (the matrix table) and
      ``required`` given as paths (docs/cli/locate.md).

    With arrays: weights (default 1), loads (default the weights), capacities per candidate (NaN:
    ``capacity`` or unlimited), required candidate indices, and ids for the report (default the
    positions). model is "lscp", "p-median" or "mclp"; the other options are those of the command.
    The GIL is released while the model is solved.
    """
    args = _arguments(model, p, max_cost, capacity, min_throughput, p_excludes_required, detour_factor,
                      unserved_cost, seed)
    if any(is_path(x) for x in (costs, demand, candidates, required)):
        tables = _basural.LocateTables()
        tables.demand = path_text(demand)
        tables.candidates = path_text(candidates)
        tables.matrix = path_text(costs)
        tables.required = path_text(required)
        return LocationResult(_basural.locate_tables(tables, args))
    data = _points_input(weights, loads, capacities, required, demand_ids, candidate_ids)
    if costs is not None:
        if demand is not None or candidates is not None:
            raise _usage("give either a cost matrix or demand and candidate points, not both")
        return LocationResult(_basural.locate_matrix(np.asarray(costs, dtype=float), data, args))
    if demand is None or candidates is None:
        raise _usage("give a cost matrix, or demand and candidate points (n x 2 lon, lat)")
    return LocationResult(_basural.locate_points(np.asarray(demand, dtype=float),
                                                 np.asarray(candidates, dtype=float), data, args))


def _usage(message):
    from .errors import UsageError

    return UsageError(message)

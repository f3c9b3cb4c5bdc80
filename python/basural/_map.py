"""map: one country's map (``basural map --country``)."""

import os
import tempfile

from . import _basural
from . import _frames
from ._inputs import inventory_handle, is_path, path_text, plan_handle

FORMATS = ("png", "svg", "pdf", "html")


def _scores(ranking):
    """site_id -> score from a ranking DataFrame (score or total_score) or a dict."""
    if isinstance(ranking, dict):
        return {str(k): float(v) for k, v in ranking.items()}
    if _frames.have_pandas() and isinstance(ranking, _frames.pd.DataFrame):
        column = "score" if "score" in ranking.columns else "total_score"
        return {str(k): float(v) for k, v in zip(ranking["site_id"], ranking[column])}
    raise TypeError("ranking must be a path, a DataFrame with site_id and score (or total_score), or a dict")


def map(inventory=None, country=None, *, admin1=None, title=None, lang=None, plan=None, ranking=None,
        color_by="type", admin1_boundaries=None, places=None, width=1123, height=794, dpi=150.0, output=None,
        format="png"):
    """Draws one country's map as ``basural map --country`` does (docs/cli/map.md).

    country: ISO3 code. admin1: zoom to one state (name or code). title: instead of the default.
    lang: "es", "pt" or "en" (with a region, e.g. "es-MX"); default the environment's, as the command.
    plan: a Plan or plan file (facilities, catchments). ranking: a ranking file, a DataFrame from
    prioritize, or {site_id: score in [0, 1]} (for color_by="priority"). color_by: type, status,
    priority or cluster. admin1_boundaries, places: files replacing the shipped states and towns, or
    "none". width, height: layout pixels; dpi: PNG resolution.
    output: the file to write (.png, .svg, .pdf or .html; returns its path); without it the map
    is returned as bytes in ``format``.
    """
    from .errors import UsageError

    if country is None:
        raise UsageError("map needs a country (ISO3 code, e.g. country='GTM')")
    args = _basural.MapArguments()
    args.country = country
    args.admin1 = admin1 or ""
    args.title = title or ""
    args.lang = lang or ""
    args.admin1_path = path_text(admin1_boundaries)
    args.places_path = path_text(places)
    args.colour_by = color_by
    if ranking is not None:
        if is_path(ranking):
            args.ranking_path = path_text(ranking)
        else:
            args.scores = _scores(ranking)
    args.width_px = int(width)
    args.height_px = int(height)
    args.dpi = float(dpi)
    handle, _ = plan_handle(plan)
    inv = inventory_handle(inventory)
    if output is not None:
        path = path_text(output)
        if os.path.splitext(path)[1].lower() not in tuple("." + f for f in FORMATS):
            raise UsageError(f"output '{path}' must end in .png, .svg, .pdf or .html")
        _basural.draw_map(inv, handle, args, path)
        return path
    if format not in FORMATS:
        raise UsageError(f"format must be one of {', '.join(FORMATS)}, not '{format}'")
    with tempfile.TemporaryDirectory(prefix="basural-") as tmp:
        path = os.path.join(tmp, "map." + format)
        _basural.draw_map(inv, handle, args, path)
        with open(path, "rb") as f:
            return f.read()

"""read_inventory and Inventory: the loader of `basural import` and `basural validate`."""

import json
import warnings

from . import _basural
from . import _frames
from ._inputs import path_text
from .errors import DataWarning


class Inventory:
    """Sites loaded into the site schema (docs/data-schema.md), and the records that were not.

    ``records_read == loaded + merged + rejected``, always, as on the command line.
    """

    def __init__(self, handle):
        self._handle = handle
        self._columns = None
        self._sites = None
        self._rejects = None

    @property
    def source(self):
        """The source as given (a PG: connection string without its password)."""
        return self._handle.source

    @property
    def records_read(self):
        return self._handle.records_read

    @property
    def loaded(self):
        return self._handle.loaded

    @property
    def rejected(self):
        return self._handle.rejected

    @property
    def merged(self):
        """Records merged into an earlier site as one shared site (near duplicates of the same type)."""
        return self._handle.merged

    @property
    def merges(self):
        """The merged records: record, site_id, into_record, into_site_id, distance_m (a DataFrame)."""
        return _frames.table(self._handle.merge_columns())

    @property
    def notices(self):
        """What the loader decided on its own (an encoding assumed, a header row recognised, values
        derived), one sentence each: the command's "note:" lines."""
        return list(self._handle.notices)

    @property
    def warnings(self):
        """Fields that drive results and are mostly unknown (status, tonnage, type), with the option
        that mends them: the command's "warning:" lines."""
        return list(self._handle.warnings)

    def records_line(self):
        """"<source>: records read R = loaded L + ... + rejected J", as the command line prints it."""
        return self._handle.records_line()

    @property
    def sites(self):
        """The sites, one row per site in source order, with the schema's columns (docs/data-schema.md)
        as ``basural import`` writes them: unknown values are missing (NaN, <NA> or None), never 0.
        A GeoDataFrame of points in EPSG:4326; without GeoPandas a dict of columns whose ``lon`` and
        ``lat`` are numpy arrays."""
        if self._sites is None:
            self._sites = _frames.points(self._site_columns(), self.lon, self.lat)
        return self._sites

    @property
    def lon(self):
        """Longitudes of the sites (WGS84 degrees), a numpy array."""
        return self._column("lon")

    @property
    def lat(self):
        """Latitudes of the sites (WGS84 degrees), a numpy array."""
        return self._column("lat")

    def _site_columns(self):
        if self._columns is None:
            self._columns = self._handle.site_columns()
        return self._columns

    def _column(self, name):
        return next(values for column, _, values, _ in self._site_columns() if column == name)

    @property
    def rejects(self):
        """The records not loaded: file, record (1-based), field, value, reason, check and the whole
        message; a DataFrame (a dict of columns without pandas)."""
        if self._rejects is None:
            self._rejects = _frames.table(self._handle.reject_columns())
        return self._rejects

    def summary(self):
        """The tables of ``basural info``: "records", "countries" and "completeness" (a dict of
        DataFrames)."""
        return {name: _frames.table(columns) for name, columns in self._handle.summary_tables().items()}

    def write(self, path, layer="sites"):
        """Writes the sites as ``basural import -o`` does (format by extension, or a PG: table),
        atomically."""
        self._handle.write(path_text(path), layer)

    def write_rejects(self, path):
        """Writes the rejects as ``--rejects`` does (CSV: file,record,field,value,reason,check)."""
        self._handle.write_rejects(path_text(path))

    def __len__(self):
        return self.loaded

    def __repr__(self):
        return f"<basural.Inventory {self.records_line()}>"


def read_inventory(path=None, mapping=None, *, layer=None, crs=None, encoding=None, header="auto",
                   fields=None, countries=None, check_countries=True, coastal_tolerance_m=5000.0,
                   near_duplicate_m=50.0, near_duplicates="merge", progress=None, **defaults):
    """Reads any vector source GDAL reads (GeoPackage, Shapefile, GeoJSON, CSV with lon/lat, XLSX,
    FlatGeobuf, KML, a ``PG:`` connection string...) into the site schema, with the options and
    checks of ``basural import``. Bad records are rejected with their reason, never dropped.

    path: the source; None reads the shipped inventory (datasets/lac_sites.csv).
    mapping: a mapping file (docs/mapping.md) or the same as a dict with "fields", "values",
        "defaults".
    layer, crs, encoding, header: as --layer, --crs, --encoding, --header (auto, yes, no).
    fields: {schema_field: source_column}, as --field (overrides the mapping).
    countries: country boundaries to check against (default: the shipped ones), as --countries.
    check_countries, coastal_tolerance_m, near_duplicate_m, near_duplicates: as --no-country-check,
        --coastal-tolerance-m, --near-duplicate-m, --near-duplicates (merge, reject).
    progress: called as progress(stage, fraction) while reading; raising in it stops the read.
    **defaults: schema_field=value for fields the source lacks or leaves empty, as --default
        (e.g. ``country="BRA"``).

    The loader's notices and the warnings about mostly unknown fields (the command's "note:" and
    "warning:" lines) are issued as Python warnings of the category basural.DataWarning, and kept in
    ``notices`` and ``warnings``.

    Raises InputError (naming file, record, field and value) when the source as a whole cannot be
    read, UsageError for bad options.
    """
    args = _basural.ReadArguments()
    args.path = path_text(path)
    args.layer = layer or ""
    args.crs = crs or ""
    if isinstance(mapping, dict):
        args.mapping_json = json.dumps(mapping)
    elif mapping is not None:
        args.mapping_path = path_text(mapping)
    args.fields = {str(k): str(v) for k, v in (fields or {}).items()}
    args.defaults = {str(k): str(v) for k, v in defaults.items()}
    args.encoding = encoding or ""
    args.countries_path = path_text(countries)
    args.check_countries = bool(check_countries)
    args.coastal_tolerance_m = float(coastal_tolerance_m)
    args.near_duplicate_m = float(near_duplicate_m)
    args.near_duplicates = near_duplicates
    args.header = header
    inventory = Inventory(_basural.read_inventory(args, progress))
    for message in inventory.notices + inventory.warnings:
        warnings.warn(message, DataWarning, stacklevel=2)
    return inventory

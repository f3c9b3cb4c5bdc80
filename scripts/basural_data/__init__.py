"""Builders of basural's shipped datasets, one module per dataset or source (run by
scripts/build_datasets.py)."""

from osgeo import gdal, ogr

gdal.UseExceptions()
ogr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # GEOS validity chatter; real errors raise

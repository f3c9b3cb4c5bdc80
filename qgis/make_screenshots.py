"""Renders the screenshots of docs/qgis.md with QGIS headless (QT_QPA_PLATFORM=offscreen): the
Regionalize dialog as QGIS shows it, and the styled outputs of Regionalize for Guatemala on the
shipped inventory. Run after changing the provider or its styles, and commit the images:

    QT_QPA_PLATFORM=offscreen PYTHONPATH=build/python /usr/bin/python3 qgis/make_screenshots.py
"""

import os
import sys
import tempfile

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
IMAGES = os.path.join(ROOT, "docs", "images")


def start():
    app = QgsApplication([], True)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    sys.path.insert(0, HERE)
    from processing.core.Processing import Processing

    Processing.initialize()
    import basural_provider

    plugin = basural_provider.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def dialog_screenshot(path):
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    algorithm = QgsApplication.processingRegistry().algorithmById("basural:regionalize")
    dialog = AlgorithmDialog(algorithm.create(), False, None)
    dialog.resize(980, 760)
    dialog.show()
    QgsApplication.processEvents()
    dialog.grab().save(path)
    dialog.close()
    print("wrote", os.path.relpath(path, ROOT))


def map_screenshot(path, tmp):
    import processing

    import basural

    plan = os.path.join(tmp, "gtm_plan.gpkg")
    processing.run("basural:regionalize", {"COUNTRY": "GTM", "REUSE_EXISTING": True, "OUTPUT": plan})
    sites = os.path.join(tmp, "sites.gpkg")
    inventory = basural.read_inventory()
    gtm = inventory.sites[inventory.sites["country"] == "GTM"]
    gtm.to_file(sites, layer="sites", driver="GPKG")
    country = QgsVectorLayer(os.path.join(ROOT, "datasets", "lac_countries.geojson"), "countries", "ogr")
    country.setSubsetString("\"iso3\" = 'GTM'")
    country.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "#f5f1e6", "outline_color": "#4d4d4d", "outline_width": "0.3"}))
    neighbours = QgsVectorLayer(os.path.join(ROOT, "datasets", "lac_countries.geojson"), "neighbours", "ogr")
    neighbours.setSubsetString("\"iso3\" <> 'GTM'")
    neighbours.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "#e3e3e3", "outline_color": "#a6a6a6", "outline_width": "0.3"}))
    layers = [QgsVectorLayer(f"{plan}|layername={name}", name, "ogr")
              for name in ["facilities", "assignment_lines", "catchments"]]
    dumps = QgsVectorLayer(f"{sites}|layername=sites", "sites", "ogr")
    dumps.loadNamedStyle(os.path.join(HERE, "basural_provider", "styles", "sites_by_type.qml"))
    for layer in [country, neighbours, dumps, *layers]:
        assert layer.isValid(), layer.name()
        QgsProject.instance().addMapLayer(layer, False)
    settings = QgsMapSettings()
    settings.setLayers([layers[0], dumps, layers[1], layers[2], country, neighbours])  # top first
    settings.setBackgroundColor(QColor("#d4e6f1"))
    settings.setOutputSize(QSize(1200, 1000))
    settings.setOutputDpi(110)
    extent = country.extent()
    extent.scale(1.05)
    settings.setDestinationCrs(country.crs())
    settings.setExtent(QgsRectangle(extent))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(path)
    print("wrote", os.path.relpath(path, ROOT))


def main():
    app, plugin = start()
    try:
        dialog_screenshot(os.path.join(IMAGES, "qgis_regionalize_dialog.png"))
        with tempfile.TemporaryDirectory(prefix="basural-shots-") as tmp:
            map_screenshot(os.path.join(IMAGES, "qgis_regionalize_gtm.png"), tmp)
    finally:
        plugin.unload()
        app.exitQgis()


if __name__ == "__main__":
    main()

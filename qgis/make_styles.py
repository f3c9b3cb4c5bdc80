"""Writes the QML styles of the basural Processing provider (qgis/basural_provider/styles/) with
PyQGIS, from the palettes of docs/methods/maps.md. Run with Debian's python3 (python3-qgis) after
changing a style, and commit the .qml files:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis/make_styles.py
"""

import os

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.join(HERE, "basural_provider", "styles")

SITE_TYPES = [("open_dump", "Open dump", "#d7301f"), ("controlled_dump", "Controlled dump", "#fc8d59"),
              ("sanitary_landfill", "Sanitary landfill", "#2b8cbe"), ("other", "Other", "#969696")]
CLUSTER_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
                   "#17becf"]
YLORRD = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]


def marker(colour, size_mm, name="circle", outline="#ffffff"):
    return QgsMarkerSymbol.createSimple({"name": name, "color": colour, "outline_color": outline,
                                         "outline_width": "0.2", "size": str(size_mm)})


def save(geometry, fields, renderer, name, opacity=1.0):
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326&{fields}", name, "memory")
    layer.setRenderer(renderer)
    layer.setOpacity(opacity)
    path = os.path.join(STYLES, name + ".qml")
    message, ok = layer.saveNamedStyle(path)
    if not ok:
        raise RuntimeError(f"{path}: {message}")
    print("wrote", os.path.relpath(path, HERE))


def by_category(field, categories, size_mm, default=None):
    cats = [QgsRendererCategory(value, marker(colour, size_mm), label) for value, label, colour in categories]
    if default:
        cats.append(QgsRendererCategory(None, marker(default[1], size_mm), default[0]))
    return QgsCategorizedSymbolRenderer(field, cats)


def graduated(field, breaks, size_mm, label_format):
    ranges = []
    for i, colour in enumerate(YLORRD):
        low, high = breaks[i], breaks[i + 1]
        ranges.append(QgsRendererRange(low, high, marker(colour, size_mm, outline="#636363"),
                                       label_format.format(low, high)))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    ramp = QgsGradientColorRamp(QColor(YLORRD[0]), QColor(YLORRD[-1]), False,
                                [QgsGradientStop(i / 4, QColor(c)) for i, c in enumerate(YLORRD[1:-1], 1)])
    renderer.setSourceColorRamp(ramp)
    return renderer


def main():
    os.makedirs(STYLES, exist_ok=True)
    fields = "field=site_id:string&field=site_type:string"
    save("Point", fields, by_category("site_type", SITE_TYPES, 2.2, ("Unknown", "#bdbdbd")), "sites_by_type")

    facilities = QgsCategorizedSymbolRenderer("kind", [
        QgsRendererCategory("proposed", marker("#4a1486", 5.0, "star"), "Proposed regional landfill"),
        QgsRendererCategory("existing", marker("#252525", 3.6, "square"), "Existing sanitary landfill"),
    ])
    save("Point", "field=facility_id:string&field=kind:string", facilities, "facilities")

    catchment = QgsFillSymbol.createSimple({"color": "106,81,163,38", "outline_color": "#6a51a3",
                                            "outline_style": "dash", "outline_width": "0.4"})
    save("MultiPolygon", "field=facility_id:string", QgsSingleSymbolRenderer(catchment), "catchments")

    line = QgsLineSymbol.createSimple({"line_color": "#6a51a3", "line_width": "0.25"})
    save("LineString", "field=site_id:string&field=facility_id:string", QgsSingleSymbolRenderer(line),
         "assignment_lines", opacity=0.7)

    save("Point", "field=site_id:string", QgsSingleSymbolRenderer(marker("#d7301f", 1.8)), "assignments")
    save("Point", "field=site_id:string&field=reason:string",
         QgsSingleSymbolRenderer(marker("#e6550d", 3.0, "cross2", outline="#e6550d")), "unserved")
    # Existing landfills the plan does not use: hollow squares, darker when no dump is within reach.
    unused = QgsCategorizedSymbolRenderer("reason", [
        QgsRendererCategory("no_dump_within_reach", marker("#ffffff", 3.2, "square", outline="#252525"),
                            "Existing landfill not used: no dump within reach"),
        QgsRendererCategory("not_chosen", marker("#ffffff", 3.2, "square", outline="#969696"),
                            "Existing landfill not used: not chosen"),
    ])
    for category in unused.categories():
        category.symbol().symbolLayer(0).setStrokeWidth(0.5)
    save("Point", "field=site_id:string&field=reason:string", unused, "unused_landfills")

    # Cluster colours: the cycling palette of docs/methods/maps.md by label, noise grey.
    cluster = marker("#bdbdbd", 2.2)
    palette = ",".join(f"'{c}'" for c in CLUSTER_PALETTE)
    cluster.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, QgsProperty.fromExpression(
        f"CASE WHEN \"label\" < 0 THEN '#bdbdbd' ELSE array_get(array({palette}), \"label\" % 9) END"))
    save("Point", "field=cluster_id:string&field=label:integer", QgsSingleSymbolRenderer(cluster), "site_clusters")

    save("Point", "field=site_id:string&field=total_score:double",
         graduated("total_score", [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], 2.6, "score {0:.1f} - {1:.1f}"), "ranking")
    save("Point", "field=site_id:string&field=ch4_t_per_year:double",
         graduated("ch4_t_per_year", [0.0, 10.0, 100.0, 1000.0, 10000.0, 1e9], 2.6,
                   "CH4 {0:g} - {1:g} t/year"), "methane")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    try:
        main()
    finally:
        app.exitQgis()

"""QGIS plugin entry point: registers the basural Processing provider."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import BasuralPlugin

    return BasuralPlugin(iface)

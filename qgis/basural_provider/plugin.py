"""The plugin: adds the "basural" provider to the Processing registry (GUI and qgis_process)."""

from qgis.core import QgsApplication

from .provider import BasuralProvider


class BasuralPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 (QGIS's name): what qgis_process calls
        self.provider = BasuralProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

"""The "basural" Processing provider: algorithm ids basural:import, basural:cluster, ..."""

from qgis.core import QgsProcessingProvider

from .algorithms import ALGORITHMS


class BasuralProvider(QgsProcessingProvider):
    def id(self):
        return "basural"

    def name(self):
        return "basural"

    def longName(self):  # noqa: N802
        try:
            import basural

            return f"basural {basural.__version__}"
        except ImportError:
            return "basural (the basural Python module is not installed)"

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())

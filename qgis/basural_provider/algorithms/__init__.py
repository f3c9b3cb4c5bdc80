"""The basural Processing algorithms, in the order the toolbox lists them."""

from .cluster import ClusterSites
from .import_validate import ImportValidate
from .regionalize import Regionalize
from .reports import Coverage, Methane, Prioritize

ALGORITHMS = [ImportValidate, ClusterSites, Regionalize, Coverage, Prioritize, Methane]

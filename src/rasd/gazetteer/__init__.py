"""The gazetteer: GeoNames places with Arabic names, countries, curated additions.

``gazetteer()`` returns the loaded ``Gazetteer`` (built once, then cached on disk; see
``rasd.gazetteer.cache``). The places stage (``rasd.stages.places``) uses it.
"""

from rasd.gazetteer.build import Place
from rasd.gazetteer.lookup import Gazetteer, gazetteer

__all__ = ["Gazetteer", "Place", "gazetteer"]

"""Geo stage: toponym recognition, GeoNames resolution and event location.

Public API: ``Geoparser().find_places(doc)`` and ``Geoparser().locate(doc, trigger_index, places)``.
"""

from eventscope.geo.geoparser import Geoparser

__all__ = ["Geoparser"]

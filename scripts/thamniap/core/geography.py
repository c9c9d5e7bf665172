"""Official names and codes of provinces, districts and subdistricts, from the `geothai` package.

One source of truth: nothing in this project types a district or subdistrict name by hand.
Data: GeoThai (CC BY 4.0), codes of the Department of Provincial Administration (DOPA).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import geothai

CREDIT = "ข้อมูลเขตการปกครอง: GeoThai (CC BY 4.0) จากกรมการปกครอง"


@dataclass(frozen=True)
class Box:
    """A latitude/longitude box (degrees, WGS 84)."""
    south: float
    north: float
    west: float
    east: float

    def holds(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


# ASSUMPTION: a rough box around each province (geothai has no coordinates), with a margin of a
# few kilometres; it catches swapped or mistyped coordinates, not an office just over the border.
# Loei lies at about 16.8–18.2 N, 100.8–102.2 E.
PROVINCE_BOXES = {"42": Box(south=16.6, north=18.4, west=100.6, east=102.4)}


@lru_cache(maxsize=None)
def province(code: str):
    return next((p for p in geothai.provinces() if p.code == code), None)


@lru_cache(maxsize=None)
def provinces() -> tuple:
    return tuple(geothai.provinces())


@lru_cache(maxsize=None)
def districts(province_code: str) -> tuple:
    return tuple(geothai.districts(province_code))


@lru_cache(maxsize=None)
def district(code: str):
    return next((d for d in districts(code[:2]) if d.code == code), None)


@lru_cache(maxsize=None)
def subdistricts(district_code: str) -> tuple:
    return tuple(geothai.subdistricts(district_code))


@lru_cache(maxsize=None)
def subdistrict(code: str):
    return next((s for s in subdistricts(code[:4]) if s.code == code), None)

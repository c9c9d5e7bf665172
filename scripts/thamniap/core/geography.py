"""Official names and codes of provinces, districts and subdistricts, from the `geothai` package.

One source of truth: nothing in this project types a district or subdistrict name by hand.
Data: GeoThai (CC BY 4.0), codes of the Department of Provincial Administration (DOPA).
"""
from __future__ import annotations

from functools import lru_cache

import geothai

CREDIT = "ข้อมูลเขตการปกครอง: GeoThai (CC BY 4.0) จากกรมการปกครอง"


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

"""Tabular (arithmetical) Islamic calendar: Hijri <-> Gregorian conversion.

The civil tabular calendar: 30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26
and 29, months alternately of 30 and 29 days (Dhu al-Hijja 30 in a leap year), epoch 1 Muharram
AH 1 = 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian).

It is exact arithmetic, not an observation: the Umm al-Qura calendar (Saudi Arabia) and the
sighting-based calendars of other countries may differ from it by a day, sometimes two.

>>> to_gregorian(1444, 1, 1)
datetime.date(2022, 7, 30)
>>> to_gregorian(1443, 9, 1)  # Umm al-Qura: 2 April 2022
datetime.date(2022, 4, 3)
>>> from_gregorian(datetime.date(2022, 1, 8))  # Umm al-Qura: 5 Jumada al-Akhira
(1443, 6, 4)
"""

from __future__ import annotations

import datetime

EPOCH = datetime.date(622, 7, 19).toordinal()  # 1 Muharram 1 AH, proleptic Gregorian


def _month_start(year: int, month: int) -> int:
    """Days from the epoch to the first day of ``month`` of ``year`` (0-based)."""
    return (year - 1) * 354 + (3 + 11 * year) // 30 + (59 * (month - 1) + 1) // 2


def is_leap(year: int) -> bool:
    """True when ``year`` AH has 355 days (Dhu al-Hijja has 30)."""
    return (14 + 11 * year) % 30 < 11


def month_length(year: int, month: int) -> int:
    """29 or 30."""
    if month == 12:
        return 30 if is_leap(year) else 29
    return 30 if month % 2 == 1 else 29


def to_gregorian(year: int, month: int, day: int = 1) -> datetime.date:
    """The Gregorian date of ``day`` ``month`` ``year`` AH (day 30 of a 29-day month rolls over)."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        raise ValueError(f"not a Hijri date: {year}-{month}-{day}")
    return datetime.date.fromordinal(EPOCH + _month_start(year, month) + day - 1)


def from_gregorian(date: datetime.date) -> tuple[int, int, int]:
    """(year, month, day) AH of a Gregorian ``date`` (on or after the epoch)."""
    days = date.toordinal() - EPOCH
    if days < 0:
        raise ValueError("before the Hijri epoch")
    year = (30 * days + 10646) // 10631
    while _month_start(year + 1, 1) <= days:
        year += 1
    while _month_start(year, 1) > days:
        year -= 1
    month = 12
    while month > 1 and _month_start(year, month) > days:
        month -= 1
    return year, month, days - _month_start(year, month) + 1

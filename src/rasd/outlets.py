"""The home country of the outlet an article comes from.

A national paper or agency reports its own country without naming it: القبس writes «في منطقة
جليب الشيوخ» and never «الكويت». Rows of ``organisations.tsv`` with ``home`` 1 name such outlets;
their country is the default for places and statements an article leaves unlocated. Pan-Arab
channels and world wires have no home here.

The outlet is matched by its Arabic name (folded, without a head word such as صحيفة or a
trailing word) or by its Latin name, as article metadata gives either. A name that ends with a
nationality is that country's (الرأي الأردنية is Jordan's Al-Rai, not Kuwait's):

>>> home_country("القبس"), home_country("جريدة الرياض"), home_country("الرأي الأردنية")
('KW', 'SA', 'JO')
>>> home_country("Al-Riyadh"), home_country("Jawhara FM"), home_country("Shafaq News")
('SA', 'TN', 'IQ')
>>> home_country("الجزيرة نت") is None, home_country("Reuters") is None, home_country(None) is None
(True, True, True)
"""

from __future__ import annotations

from functools import cache, lru_cache

from rasd.arabic.normalise import fold
from rasd.lexicons import alternatives, read_tsv

HEADS = frozenset(fold(w) for w in ("صحيفة", "جريدة", "موقع", "قناة", "وكالة", "شبكة", "بوابة", "إذاعة"))


@cache
def _homes() -> dict[str, str]:
    """Folded Arabic names and lower-case Latin names (hyphens as spaces) → country."""
    out: dict[str, str] = {}
    for row in read_tsv("organisations.tsv"):
        country = row.get("country", "")
        if row.get("home") != "1" or not country:
            continue
        for name in alternatives(row.get("arabic", "")):
            out[fold(name)] = country
        if row.get("latin"):
            out[row["latin"].lower().replace("-", " ")] = country
    return out


def _keys(outlet: str) -> list[str]:
    """The forms to look up: as given, without a head word, without a last word."""
    if outlet.isascii():
        words = outlet.lower().replace("-", " ").split()  # Shafaq News, France 24 Arabic
        return [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    words = fold(outlet).split()
    if words and words[0] in HEADS:
        words = words[1:]
    keys = [" ".join(words)]
    if len(words) > 1:
        keys.append(" ".join(words[:-1]))  # الغد الأردنية, الشروق المصرية
    return keys


@lru_cache(maxsize=4096)
def home_country(outlet: str | None) -> str | None:
    """ISO code of the outlet's home country when it is a national outlet, else None (memoised:
    the places and events stages both ask, and a corpus repeats its outlets)."""
    if not outlet or not outlet.strip():
        return None
    homes = _homes()
    words = outlet.split()
    if len(words) > 1 and not outlet.isascii():
        from rasd.gazetteer.lookup import gazetteer

        named = gazetteer().is_demonym(fold(words[-1]))
        if named:
            return named  # الرأي الأردنية، الوطن الجزائرية: named for its home
    return next((homes[k] for k in _keys(outlet.strip()) if k in homes), None)

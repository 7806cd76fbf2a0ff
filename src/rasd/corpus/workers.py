"""Helpers for the worker processes of ``ingest`` and ``process``."""

from __future__ import annotations

import signal
import sys


def die_with_parent() -> None:
    """In a pool worker: end when the parent process ends, even by kill -9 (Linux only).

    A ``ProcessPoolExecutor`` worker whose parent was killed otherwise waits for work forever.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

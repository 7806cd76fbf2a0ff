"""Helpers for the worker processes of ``ingest`` and ``process``."""

from __future__ import annotations

import os
import signal
import sys


def die_with_parent(parent: int | None = None) -> None:
    """In a pool worker: end when the parent process ends, even by kill -9 (Linux only).

    A ``ProcessPoolExecutor`` worker whose parent was killed otherwise waits for work forever.
    ``parent``: the pid of the process that made the pool (``initargs=(os.getpid(),)``), for
    a parent that died before this worker started.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent:  # too late for the signal
        os.kill(os.getpid(), signal.SIGTERM)

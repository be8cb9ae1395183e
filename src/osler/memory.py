"""Building large, long-lived object graphs (the knowledge base, the checker's indexes) with less overhead."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many long-lived objects are built.

    Loading the knowledge base makes hundreds of thousands of objects that live as long as the process; every
    collection triggered on the way walks all of them and frees nothing (a quarter of start-up time). Reference
    counting still frees everything else as usual, and the collector's previous state is restored on exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

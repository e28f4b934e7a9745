"""The one place where the window imports code on first use instead of at start-up.

The window's frame is painted before the pages, the dialogs and the exporters are imported:
they pull in matplotlib, the record's models and the catalogue, which is most of the start-up
cost (docs/BENCHMARKS.md has the figures). Everything the frame names without importing it is
named here as ``"module:attribute"`` and loaded through ``load``; a module that is missing from
a build (or fails to import) gives None, and the caller leaves its feature out.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from typing import Any

log = logging.getLogger(__name__)


def available(target: str) -> bool:
    """Whether the module of ``target`` ("module" or "module:attribute") exists, without
    importing it."""
    module = target.partition(":")[0]
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def load(target: str) -> Any | None:
    """The object ``"module:attribute"`` names, importing its module now; None if it cannot."""
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    except Exception:  # a part that fails to import must not take the whole app down
        log.exception("%s could not be loaded", module_name)
        return None
    return getattr(module, attribute, None) if attribute else module

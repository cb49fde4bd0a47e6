"""The apps built on the directory contribute modules (demo data, home page sections) when they have them."""

import importlib
from types import ModuleType


def import_if_present(name: str) -> ModuleType | None:
    """The module, or None if it does not exist; an import error inside it is raised, not hidden."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None

"""What the installed package is: its version, and where the default knowledge base and the
theme overrides are (inside the package, as the wheel carries them in generator/_defaults/, or
at the top of a source checkout)."""
from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_defaults"
_CHECKOUT = Path(__file__).resolve().parent.parent


def default_path(name: str) -> Path:
    """The default `content` or `site_overrides` folder."""
    return (_PACKAGED if _PACKAGED.is_dir() else _CHECKOUT) / name


def package_version() -> str:
    """The installed version of followup-guide ("unknown" when run from a checkout without installing)."""
    import importlib.metadata  # only when asked for: it takes a while to import

    try:
        return importlib.metadata.version("followup-guide")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"

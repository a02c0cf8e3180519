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


def packaged_part(path: Path) -> str | None:
    """Where a file of the installed package's default guide is within it ("content/guide.yml"),
    or None for any other file (and for every file of a source checkout)."""
    try:
        return Path(path).resolve().relative_to(_PACKAGED).as_posix() if _PACKAGED.is_dir() else None
    except ValueError:
        return None


def installed_wheel() -> Path | None:
    """The wheel file this package was installed from, when it was a file on this computer that
    is still there (pip and pipx record where a package came from: PEP 610's direct_url.json);
    None when it came from a package index or a source folder."""
    import importlib.metadata
    import json
    from urllib.parse import unquote, urlsplit
    from urllib.request import url2pathname

    try:
        origin = json.loads(importlib.metadata.distribution("followup-guide").read_text("direct_url.json") or "null")
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None
    url = urlsplit(origin.get("url", "")) if isinstance(origin, dict) else None
    if url is None or url.scheme != "file" or not url.path.endswith(".whl"):
        return None
    wheel = Path(url2pathname(unquote(url.path)))
    return wheel if wheel.is_file() else None


def package_version() -> str:
    """The installed version of followup-guide ("unknown" when run from a checkout without installing)."""
    import importlib.metadata  # only when asked for: it takes a while to import

    try:
        return importlib.metadata.version("followup-guide")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"

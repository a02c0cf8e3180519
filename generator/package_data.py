"""Where the default knowledge base and the theme overrides are: inside the installed
package (the wheel carries them as generator/_defaults/), or at the top of a source checkout."""
from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_defaults"
_CHECKOUT = Path(__file__).resolve().parent.parent


def default_path(name: str) -> Path:
    """The default `content` or `site_overrides` folder."""
    return (_PACKAGED if _PACKAGED.is_dir() else _CHECKOUT) / name

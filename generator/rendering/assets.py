"""The guide's own scripts and styles, bundled and minified at build time: one script and one
style sheet for the browser to fetch, instead of six readable files."""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# In the order they must run: the theme's storage guard first, then the pure functions (core/,
# also run by Node in the tests), then what the others share, then each feature.
SCRIPTS = ("theme-storage-guard.js", "core/dates.js", "core/calendar.js", "core/records.js", "core/transfer.js",
           "guide-base.js", "store.js", "applications.js", "checklist.js", "templates.js", "planner.js", "travel.js")
STYLES = ("guide.css",)
SCRIPT_BUNDLE, STYLE_BUNDLE = "assets/followup-guide.min.js", "assets/followup-guide.min.css"


def bundles(overrides_dir: Path) -> dict[str, bytes]:
    assets = Path(overrides_dir) / "assets"
    script = ";\n".join(rjsmin.jsmin((assets / name).read_text(encoding="utf-8")) for name in SCRIPTS)
    style = "\n".join(rcssmin.cssmin((assets / name).read_text(encoding="utf-8")) for name in STYLES)
    return {SCRIPT_BUNDLE: script.encode() + b"\n", STYLE_BUNDLE: style.encode() + b"\n"}

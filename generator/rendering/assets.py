"""The guide's own scripts and styles, bundled and minified at build time: one script and one
style sheet for every page, instead of a dozen readable files, and one more script that only the
pages with the device link, the job-search log or the privacy page's button fetch (travel.js)."""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# In the order they must run: the theme's storage guard first, then the pure functions (core/,
# also run by Node in the tests), then what the others share, then each feature.
SCRIPTS = ("theme-storage-guard.js", "core/dates.js", "core/calendar.js", "core/records.js", "guide-base.js",
           "store.js", "applications.js", "checklist.js", "templates.js", "planner.js", "backup.js")
# Loaded by backup.js when a page needs it (guide.travel()).
TRAVEL_SCRIPTS = ("core/transfer.js", "travel.js")
STYLES = ("guide.css",)
SCRIPT_BUNDLE, STYLE_BUNDLE = "assets/followup-guide.min.js", "assets/followup-guide.min.css"
TRAVEL_BUNDLE = "assets/followup-guide-travel.min.js"


def bundles(overrides_dir: Path) -> dict[str, bytes]:
    assets = Path(overrides_dir) / "assets"

    def script(names):
        return (";\n".join(rjsmin.jsmin((assets / name).read_text(encoding="utf-8")) for name in names) + "\n").encode()

    style = "\n".join(rcssmin.cssmin((assets / name).read_text(encoding="utf-8")) for name in STYLES)
    return {SCRIPT_BUNDLE: script(SCRIPTS), TRAVEL_BUNDLE: script(TRAVEL_SCRIPTS), STYLE_BUNDLE: style.encode() + b"\n"}

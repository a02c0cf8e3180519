"""CHANGELOG.md names every content id a release adds, renames or removes: a career center's
changes.yml and readers' saved progress depend on them."""
from __future__ import annotations

import re

from support import DEFAULT_KB, ROOT

LINE = re.compile(r"^- (Phases added|Entries added|Templates added|Renamed|Removed): (.*)$", re.M)


def changelog_ids() -> tuple[set[str], set[str]]:
    """The ids the changelog says exist now, and those it says were removed, oldest release first."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.split(r"^## ", text, flags=re.M)[1:]
    present, removed = set(), set()
    for release in reversed(releases):
        for kind, ids in LINE.findall(release):
            if kind == "Renamed":
                for old, new in re.findall(r"`([^`]+)` → `([^`]+)`", ids):
                    present.discard(old)
                    present.add(new)
            elif kind == "Removed":
                names = set(re.findall(r"`([^`]+)`", ids))
                present -= names
                removed |= names
            else:
                present |= set(re.findall(r"`([^`]+)`", ids))
    return present, removed


def test_every_id_of_the_default_content_is_in_the_changelog():
    present, removed = changelog_ids()
    ids = {p.id for p in DEFAULT_KB.phases} | set(DEFAULT_KB.entries) | {t.id for t in DEFAULT_KB.templates}
    assert ids - present == set(), "add these ids under '## Unreleased' in CHANGELOG.md"
    assert present - ids == set(), "these ids left the content: list them as removed or renamed in CHANGELOG.md"
    assert removed & ids == set()


def test_unreleased_changes_never_carry_a_released_version_number():
    """Two different wheels under one number: pip (and `pipx install --force`) keeps the one installed,
    so a center following the upgrade steps would silently keep the old code. Between releases the
    version is the next one's development release (0.2.0.dev0)."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)[1]
    released = re.findall(r"^## (\d[^ \n]*)", text, re.M)
    unreleased = re.search(r"^## Unreleased\n(.*?)(?=^## )", text, re.M | re.S)
    assert version not in released or not (unreleased and unreleased[1].strip()), (
        f"CHANGELOG.md has unreleased changes, but pyproject.toml still says {version}, a released version")

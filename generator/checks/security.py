"""A strict Content-Security-Policy for the built site.

Scripts may come only from the site itself, plus the inline scripts the theme writes
outside the page content, allowed by their sha256 hashes; never 'unsafe-inline'. The
policy goes into every page as <meta http-equiv> and into `_headers` for hosts that read
one (Netlify, Cloudflare Pages). The same check fails the build on an inline script in
the page content, an inline event handler or a javascript: URL anywhere.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from ..problems import display_path
from .built_site import BuiltPage, ContentMarker, read_site

_DATA_TYPE = re.compile(r'\btype="(?!(?:text|application)/(?:java|ecma)script|module)[^"]+"', re.I)
# These two are matched against the page in lowercase; a pattern that starts with plain text is
# found many times faster than one that starts with a character class or ignores case.
_EVENT_HANDLER = re.compile(r"on([a-z]+)\s*=")
_SCRIPT_URL = re.compile(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript):""")
_ATTRIBUTE_BOUNDARY = " \t\n\r\f/\"'"  # what may stand before an attribute name inside a tag
_AFTER_CHARSET = re.compile(r"<meta charset=[^>]*>\s*", re.I)  # the charset must stay in the first 1024 bytes

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'{style_hashes}; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
HEADERS = ("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer", "X-Frame-Options: DENY")


class UnsafeMarkup(Exception):
    pass


def apply_content_security_policy(site_dir: Path, marker: ContentMarker | None = None,
                                  pages: dict[Path, BuiltPage] | None = None, styles: tuple[str, ...] = ()) -> str:
    """Check every page, then write the policy into each one and into _headers.

    Inline scripts are allowed (by their hashes) only outside the page content, which the engine
    adapter's `marker` finds. It fails closed: on a page where the marker is not found, every
    inline script counts as content and fails the check. `styles`: the text of style elements
    the engine's own scripts insert, allowed by their hashes (the engine adapter finds them).
    """
    pages = pages if pages is not None else read_site(site_dir, marker)
    problems, hashes = [], set()
    for path, page in pages.items():
        content = page.content
        for attributes, script in page.inline_scripts:
            if _DATA_TYPE.search(attributes):
                continue  # a data block such as the theme's JSON configuration: never run
            if content is None:
                problems.append(f"{display_path(path)}: an inline script on a page whose content cannot be found "
                                "(the theme's content marker is missing) is not allowed")
            elif script in content:
                problems.append(f"{display_path(path)}: an inline script in the page content is not allowed")
            else:
                hashes.add(f"'{_sha256(script)}'")
        lowered = page.lowered
        problems += [f"{display_path(path)}: the event handler attribute '{name}' is not allowed"
                     for name in _event_handlers(lowered)]
        if "script:" in lowered and _SCRIPT_URL.search(lowered):
            problems.append(f"{display_path(path)}: a javascript: URL is not allowed")
    if problems:
        raise UnsafeMarkup("\n".join(problems))
    style_hashes = "".join(f" '{_sha256(style)}'" for style in sorted(set(styles)))
    policy = POLICY.format(hashes=" ".join(sorted(hashes)), style_hashes=style_hashes)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    for path, page in pages.items():
        path.write_text(_AFTER_CHARSET.sub(lambda m: m[0] + meta, page.text, count=1), encoding="utf-8")
    headers = "\n".join(f"  {line}" for line in (f"Content-Security-Policy: {policy}; frame-ancestors 'none'", *HEADERS))
    (Path(site_dir) / "_headers").write_text(f"/*\n{headers}\n", encoding="utf-8")
    return policy


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def _event_handlers(lowered: str) -> list[str]:
    """The on... attributes of the tags in a page (given in lowercase), however they are
    separated: `<img src=x onerror=...>`, `<svg/onload=...>`."""
    return [
        "on" + match[1] for match in _EVENT_HANDLER.finditer(lowered)
        if lowered[match.start() - 1] in _ATTRIBUTE_BOUNDARY
        and lowered.rfind("<", 0, match.start()) > lowered.rfind(">", 0, match.start())
    ]

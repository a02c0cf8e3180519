"""A strict Content-Security-Policy for the built site, and the check behind it.

Scripts may come only from the site itself, plus the inline scripts the theme is known to
write, allowed by their sha256 hashes; never 'unsafe-inline'. Which inline scripts are known
is the engine adapter's to say (material_theme.known_inline_scripts): any other inline script,
wherever it comes from (a theme override, a raw HTML page, a title that slipped through),
fails the build. So do an event handler attribute or a javascript: URL anywhere. The check
fails closed: it needs no marker of where the page content is, and trusts nothing unknown.

The policy goes into every page as <meta http-equiv> and into `_headers` for hosts that read
one (Netlify, Cloudflare Pages).
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Callable, Iterable

from .html_scan import Page, Tag, url_parts

# Script types a browser treats as data and never runs; every other type counts as a script.
DATA_TYPES = {"application/json", "application/ld+json"}
# Attributes whose value is a URL a browser may follow or load.
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping", "cite",
    "longdesc", "manifest", "codebase", "lowsrc", "dynsrc",
}
_SCRIPT_SCHEME = re.compile(r"(?:java|vb)script:", re.I)
# Where the policy goes: after the charset, which must stay in the first 1024 bytes; in a page
# without one (a raw HTML page), at the start of its head.
_POLICY_PLACES = (re.compile(r"<meta charset=[^>]*>\s*", re.I), re.compile(r"<head\b[^>]*>\s*", re.I))

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'{style_hashes}; img-src 'self' data:{images}; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")
HEADERS = ("X-Content-Type-Options: nosniff", "Referrer-Policy: no-referrer", "X-Frame-Options: DENY")


class UnsafeMarkup(Exception):
    pass


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def tag_problems(tag: Tag, known_scripts: Iterable[re.Pattern]) -> tuple[list[str], str | None]:
    """What the policy does not allow in one tag, and the hash of a known inline script."""
    problems = []
    for name, value in tag.attributes.items():
        if name.startswith("on"):
            problems.append(f"the event handler attribute '{name}' is not allowed")
        elif name in URL_ATTRIBUTES and _SCRIPT_SCHEME.match(url_parts(value)):
            problems.append(f"a {url_parts(value).split(':')[0].lower()}: URL is not allowed")
    if tag.name == "meta" and tag.attributes.get("http-equiv", "").strip().lower() == "refresh":
        problems.append("a page that sends the reader to another address by itself (meta refresh) is not "
                        "allowed; link to the address instead")
    if tag.name != "script" or "src" in tag.attributes:
        return problems, None
    if tag.attributes.get("type", "").strip().lower() in DATA_TYPES:
        return problems, None  # a data block such as the theme's JSON configuration: never run
    if any(pattern.fullmatch(tag.text) for pattern in known_scripts):
        return problems, script_hash(tag.text)
    problems.append("an inline script that neither the guide nor its theme ships is not allowed "
                    f"(it starts '{tag.text.strip()[:40]}'); remove it")
    return problems, None


def page_problems(page: Page, known_scripts: Iterable[re.Pattern],
                  read: dict[Tag, tuple[list[str], str | None]] | None = None) -> tuple[list[str], set[str]]:
    """What the policy does not allow on one page, and the hashes of its known inline scripts.
    `read`: what tag_problems found in each tag already checked (scan_site's tags repeat on every page)."""
    read = {} if read is None else read
    problems, hashes = [], set()
    for tag in page.tags:
        if tag not in read:
            read[tag] = tag_problems(tag, known_scripts)
        found, allowed = read[tag]
        problems += found
        if allowed:
            hashes.add(allowed)
    return problems, hashes


def apply_content_security_policy(site_dir: Path, pages: dict[Path, tuple[str, Page]],
                                  known_scripts: list[re.Pattern], describe: Callable[[Path], str],
                                  image_origins: tuple[str, ...] = (), known_styles: Iterable[str] = ()) -> str:
    """Check every page (`pages`: each page's file, text and scan), then write the policy into each
    one and into _headers. `describe` names a page for the person who can fix it; `image_origins`
    are the only other sites images may come from (a center's own page-view counter); `known_styles`:
    the text of style elements the engine's own scripts insert, allowed by their hashes (the
    engine adapter names them, as it names the known scripts)."""
    found_on: dict[str, list[Path]] = {}  # each problem -> the pages it is on
    hashes, read = set(), {}
    for path, (_, page) in sorted(pages.items()):
        found, allowed = page_problems(page, known_scripts, read)
        for problem in dict.fromkeys(found):
            found_on.setdefault(problem, []).append(path)
        hashes |= allowed
    if found_on:
        raise UnsafeMarkup("\n".join(
            f"{describe(paths[0])}" + (f" and {len(paths) - 1} other pages" if len(paths) > 3 else "") + f": {problem}"
            if len(paths) > 3 else "\n".join(f"{describe(path)}: {problem}" for path in paths)
            for problem, paths in found_on.items()
        ))
    style_hashes = "".join(f" {script_hash(style)}" for style in sorted(set(known_styles)))
    policy = POLICY.format(hashes=" ".join(sorted(hashes)), style_hashes=style_hashes,
                           images="".join(f" {origin}" for origin in image_origins))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
    for path, (text, _) in pages.items():
        place = next((match for pattern in _POLICY_PLACES if (match := pattern.search(text))), None)
        if place:
            text = text[:place.end()] + meta + text[place.end():]
        path.write_text(text, encoding="utf-8")
    headers = "\n".join(f"  {line}" for line in (f"Content-Security-Policy: {policy}; frame-ancestors 'none'", *HEADERS))
    (Path(site_dir) / "_headers").write_text(f"/*\n{headers}\n", encoding="utf-8")
    return policy


_META_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_SCRIPT_SRC = re.compile(r"script-src [^;]*")


def unify_policies(site_dir: Path) -> None:
    """One policy for a site made of several builds (a language in each folder): each build
    allowed the inline scripts of its own pages, whose theme scripts differ by their folder; a
    host reads one `_headers` for the whole site. Every page and every _headers get the policy
    that allows the scripts of all of them, and nothing else."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(Path(site_dir).rglob("*.html"))}
    policies = {path: match[1] for path, text in pages.items() if (match := _META_POLICY.search(text))}
    distinct = set(policies.values())
    if len(distinct) <= 1:
        return
    if len({_SCRIPT_SRC.sub("", policy) for policy in distinct}) != 1:
        raise UnsafeMarkup("the builds of the site's languages wrote policies that differ beyond their scripts")
    hashes = sorted({h for policy in distinct for h in _SCRIPT_SRC.search(policy)[0].split()[1:] if h != "'self'"})
    union = _SCRIPT_SRC.sub(lambda _: "script-src 'self' " + " ".join(hashes), next(iter(distinct)))
    for path, policy in policies.items():
        if policy != union:
            path.write_text(pages[path].replace(f'content="{policy}"', f'content="{union}"', 1), encoding="utf-8")
    for headers in Path(site_dir).rglob("_headers"):
        text = headers.read_text(encoding="utf-8")
        headers.write_text(re.sub(r"Content-Security-Policy: [^\n]*?; frame-ancestors 'none'",
                                  lambda _: f"Content-Security-Policy: {union}; frame-ancestors 'none'", text),
                           encoding="utf-8")

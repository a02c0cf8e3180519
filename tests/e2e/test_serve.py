"""`followup-guide serve` as career-center staff use it while they edit: the whole guide, every
language, at one address on 127.0.0.1; built again when a file changes, the open page reloading
itself; a problem in an edit reported as `build` reports it, the last good guide still served,
and the next good edit served again. One server for the module, on a copy of the default guide."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect
from support import copy_guide

COMMAND = str(Path(sys.executable).with_name("followup-guide"))
REBUILD_SECONDS = 90  # two languages, on a machine shared with other test runs
SWITCH_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)"[^>]*class="md-select__link"')


@dataclass
class Served:
    guide: Path
    url: str
    stderr: Path

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.guide / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{path} no longer holds {old!r}; update this test"
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    def messages(self) -> str:
        return self.stderr.read_text(encoding="utf-8")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def article(url: str) -> str:
    """The page's content (the server writes a new live-reload script into every response)."""
    status, page = fetch(url)
    assert status == 200
    return re.search(r"<article.*</article>", page, re.S)[0]


def wait_until(condition, what: str, seconds: float = REBUILD_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if result := condition():
                return result
        except OSError:  # not answering yet
            pass
        time.sleep(0.3)
    pytest.fail(f"waited {seconds} s for {what}")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    guide = copy_guide(folder / "guide")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    stderr = folder / "stderr.txt"
    with stderr.open("w") as errors:
        server = subprocess.Popen([COMMAND, "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=guide,
                                  stdout=subprocess.DEVNULL, stderr=errors)
    served = Served(guide, f"http://127.0.0.1:{port}/", stderr)
    try:
        wait_until(lambda: server.poll() is not None or fetch(served.url)[0] == 200, "the server to answer")
        assert server.poll() is None, served.messages()
        yield served
    finally:
        server.terminate()  # stops it as Ctrl+C does (SIGINT is ignored where the tests run in the background)
        assert server.wait(timeout=30) == 0, served.messages()
    assert "Traceback" not in served.messages()


@pytest.mark.parametrize("path", ["", "checklist/"])
def test_every_language_is_served_and_the_switch_leads_to_pages_that_exist(served, path):
    status, english = fetch(served.url + path)
    assert status == 200 and '<html lang="en"' in english
    switch = SWITCH_LINK.findall(english)
    assert [language for _, language in switch] == ["en", "es"]
    for href, language in switch:
        status, page = fetch(urljoin(served.url + path, href))
        assert status == 200 and f'<html lang="{language}"' in page
    assert urljoin(served.url + path, switch[1][0]) == served.url + "es/" + path


def test_an_edit_is_served_in_every_language_and_the_open_page_reloads(served, page):
    page.goto(served.url + "phases/afterwards/")
    title = page.locator("#stay-in-touch")
    expect(title).to_contain_text("Stay in touch, now and then")
    served.edit("content/advice/afterwards.yml", "Stay in touch, now and then", "Keep in touch, now and then")
    served.edit("content/translations/es/advice/afterwards.yml", "Mantén el contacto, de vez en cuando",
                "Sigue en contacto, de vez en cuando")
    expect(title).to_contain_text("Keep in touch, now and then", timeout=REBUILD_SECONDS * 1000)  # no reload by the test
    assert "Sigue en contacto, de vez en cuando" in fetch(served.url + "es/phases/afterwards/")[1]


def test_a_problem_is_reported_as_build_reports_it_and_the_last_good_guide_stays_served(served):
    before = article(served.url + "phases/afterwards/")
    extra = served.guide / "content/advice/extra.yml"
    extra.write_text("entries:\n  - id: extra-step\n    kind: do\n    phase: afterwards\n"
                     "    titel: Write down what you learned\n    summary: A line or two.\n    body: Soon after.\n")
    report = ("content/advice/extra.yml:5:5: unknown field 'titel' (did you mean 'title'?)\n"
              "1 problem in the content; nothing was built.\n"
              "followup-guide: still serving the last guide that built; it is built again when you save a change.\n")
    wait_until(lambda: report in served.messages(), "the problem to be reported")
    assert article(served.url + "phases/afterwards/") == before

    extra.write_text(extra.read_text().replace("titel:", "title:"))
    wait_until(lambda: "Write down what you learned" in fetch(served.url + "phases/afterwards/")[1],
               "the fixed content to be served")
    assert "Write down what you learned" in fetch(served.url + "es/phases/afterwards/")[1]  # in English, marked so


def test_the_theme_overrides_and_the_settings_are_watched_too(served):
    content = "{{ super() }}"  # the page's content, on every page (the contact block is only a center's)
    served.edit("site_overrides/main.html", content, content + "<p>edited while serving</p>")
    wait_until(lambda: "edited while serving" in fetch(served.url + "es/")[1], "the edited theme to be served")
    served.edit("mkdocs.yml", "primary: indigo", "primary: teal")
    wait_until(lambda: 'data-md-color-primary="teal"' in fetch(served.url)[1], "the edited settings to be served")

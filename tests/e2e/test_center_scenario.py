"""A career center's whole path, as the "Host your own copy" page and the README tell it, with
nothing of this repository but the wheel: install the tool with pipx exactly as the page writes
it, `init` a folder, brand it, change, hide and add entries by id, add its own page and a message
to the center, `validate`, `build`, publish under a sub-path of a real nginx (the page's recipe,
the server started as an unprivileged user) next to a second guide, and make the offline copy.
Then, in Chromium: every page and file served with the security headers, the guide's 404 page,
each guide's own progress, the center's changes, its own page linked from its entry, the printed
checklist with the logo and booking link, and search in the offline copy in both languages."""
from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browsing import assert_center_prints_compactly, printed_sheets
from playwright.sync_api import expect
from support import DEFAULT_KB as KB
from support import SPANISH_KB
from support import DEBRIEF_TEMPLATE, ROOT, TINY_PNG

HOST_PAGE = (ROOT / "content/pages/host-your-own-copy.md").read_text()
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)
SETPRIV = shutil.which("setpriv")
RECIPE = re.search(r"```nginx\n(.*?)```", HOST_PAGE, re.S)[1]
CENTER, OTHER = "careers/after-the-interview", "other-guide"  # sub-paths of the one web site

BRANDING = """\
name: Riverside Careers
logo: logo.png
colors:
  primary: indigo
contact:
  email: careers@riverside.example
  website: https://careers.riverside.example/
  booking_link: https://careers.riverside.example/book
"""
CHANGES = """\
change:
  entries:
    send-one-follow-up:
      title: Send one short follow-up, then give them time
hide:
  entries: [raise-salary-expectations]
"""
ADVICE = """\
entries:
  - id: practise-with-us
    kind: do
    phase: while-you-wait
    title: Practise for the next round with us
    summary: A mock interview makes the next one easier.
    body: Our [mock interviews](mock-interviews.md) run every week.
    checklist: Book a mock interview
"""
# The center's additions and changes in Spanish, by the same ids (its copy publishes both).
SPANISH = {
    "content/translations/es/advice/our-advice.yml": """\
entries:
  practise-with-us:
    title: Prepárate con nosotros para la siguiente etapa
    summary: Una entrevista de práctica hace que la próxima sea más fácil.
    body: Nuestras [entrevistas de práctica](mock-interviews.md) son cada semana.
    checklist: Pide una entrevista de práctica
  send-one-follow-up:
    title: Envía un solo seguimiento breve y luego dales tiempo
""",
    "content/translations/es/message-templates.yml": """\
templates:
  ask-for-a-debrief:
    title: Pídenos una reunión de repaso
    when: Uno o dos días después de la entrevista.
    subject: Una reunión de repaso después de mi entrevista con {company}
    body: |
      Hola, {center-name}:

      Me gustaría repasar mi entrevista con {company} con una persona de orientación.

      {your-name}
""",
    "content/translations/es/pages/mock-interviews.md": "# Entrevistas de práctica\n\nCada martes al mediodía.\n",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def install_tool(home: Path):
    """pipx installs the followup-guide command from the wheel, with the command exactly as the
    page writes it; returns `run(*command, cwd=...)`, which runs a command where pipx put it."""
    commands = re.findall(r"^pipx install \./followup_guide-.*\.whl$", HOST_PAGE, re.M)
    assert len(commands) == 1, "the page gives one command to install a wheel file"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # pipx comes with the test extra (next to this Python), alone on the PATH: the command the page
    # gives finds it there, and followup-guide is found only where pipx puts it.
    (home / "tools").mkdir()
    (home / "tools/pipx").symlink_to(Path(sys.executable).with_name("pipx"))
    env.update(PIPX_HOME=str(home / "pipx"), PIPX_BIN_DIR=str(home / "bin"),
               PATH=f"{home / 'bin'}:{home / 'tools'}:{env['PATH']}")

    def run(*args, cwd=None):
        return subprocess.run(args, check=True, env=env, capture_output=True, text=True, cwd=cwd)

    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(home / "dist"), str(ROOT))
    run("bash", "-c", commands[0], cwd=home / "dist")  # exactly as the page writes it
    return run


# The install takes about 25 s, mostly pip downloading and unpacking: tests/e2e/conftest.py starts
# it in the background as soon as the session's tests are chosen, and the fixture takes it over.
STARTED: dict = {}


@pytest.fixture(scope="module")
def tool(tmp_path_factory):
    """`run(*command, cwd=...)` with the followup-guide command pipx installed from the wheel."""
    started = STARTED.pop("install", None)
    return started.result() if started else install_tool(tmp_path_factory.mktemp("pipx"))


@pytest.fixture(scope="module")
def published(tool, tmp_path_factory):
    """(the web site's URL, its folder, the center's folder, the output of its first build)."""
    if not (NGINX and SETPRIV):
        pytest.skip("nginx and setpriv are needed (make test installs Debian's nginx where apt-get can; "
                    "elsewhere install nginx to run this test)")
    work = tmp_path_factory.mktemp("centers")
    shared = Path(tempfile.mkdtemp(prefix="followup-guide-nginx-"))  # readable by an unprivileged user
    shared.chmod(0o755)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    version = tool("followup-guide", "--version", cwd=work).stdout
    assert re.fullmatch(r"followup-guide \d+\.\d+\.\d+(\.dev\d+)?\n", version)  # (between releases, .devN)
    assert "## Unreleased" in tool("followup-guide", "changelog", cwd=work).stdout  # shipped in the wheel

    tool("followup-guide", "init", "riverside", "--name", "Riverside Careers", cwd=work)
    center = work / "riverside"
    # Installed from a wheel file: the folder carries that file, and publishing installs it.
    wheel = f"followup_guide-{version.split()[1]}-py3-none-any.whl"
    assert f"./{wheel}" in (center / "requirements.txt").read_text().splitlines()
    assert (center / wheel).is_file()
    (center / "logo.png").write_bytes(TINY_PNG)
    for name, text in (("branding.yml", BRANDING), ("content/changes.yml", CHANGES),
                       ("content/advice/our-advice.yml", ADVICE), ("content/message-templates.yml", DEBRIEF_TEMPLATE),
                       ("content/pages/mock-interviews.md", "# Mock interviews\n\nEvery Tuesday at noon.\n"),
                       *SPANISH.items()):
        (center / name).parent.mkdir(parents=True, exist_ok=True)
        (center / name).write_text(text)
    settings = center / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("# site_url: https://careers.example.edu/after-the-interview/",
                                                     f"site_url: {url}{CENTER}/"))
    tool("followup-guide", "validate", cwd=center)
    first = tool("followup-guide", "build", "-d", str(shared / "www" / CENTER), cwd=center)
    tool("followup-guide", "init", "other", "--name", "Other Careers", cwd=work)
    (work / "other/mkdocs.yml").write_text((work / "other/mkdocs.yml").read_text().replace(
        "# site_url: https://careers.example.edu/after-the-interview/", f"site_url: {url}{OTHER}/"))
    tool("followup-guide", "build", "-d", str(shared / "www" / OTHER), cwd=work / "other")
    (shared / "www" / "careers").chmod(0o755)

    locations = "".join(RECIPE.replace("/var/www/after-the-interview/", "FOLDER").replace("/after-the-interview", f"/{path}")
                        .replace("FOLDER", f"{shared}/www/{path}/") for path in (CENTER, OTHER))
    for name in ("logs", "temp"):
        (shared / name).mkdir()
        shutil.chown(shared / name, "nobody", "nogroup")
    temp = shared / "temp"
    (shared / "nginx.conf").write_text(f"""
        daemon off;
        worker_processes 1;
        pid {shared}/logs/nginx.pid;
        error_log stderr;
        events {{}}
        http {{
            include /etc/nginx/mime.types;
            access_log off;
            client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
            uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
            server {{
                listen 127.0.0.1:{port};
                {locations}
            }}
        }}
    """)
    server = subprocess.Popen([SETPRIV, "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                               NGINX, "-e", "stderr", "-c", str(shared / "nginx.conf")],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert server.poll() is None, server.stdout.read()
            time.sleep(0.1)
    yield url, shared / "www", center, first.stdout
    server.terminate()
    server.communicate()
    shutil.rmtree(shared)


def fetch(url: str):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


def test_every_page_and_file_is_served_with_the_security_headers_and_usual_permissions(published):
    url, www, _, output = published
    assert output.startswith(f"The guide is in {www / CENTER}")
    for path in (CENTER, OTHER):
        files = sorted(p for p in (www / path).rglob("*") if p.is_file())
        assert len(files) > 30
        for file in files:
            assert stat.S_IMODE(file.stat().st_mode) == 0o644, file
            status, _, _ = fetch(url + file.relative_to(www).as_posix().removesuffix("index.html"))
            assert status == 200, file
        assert all(stat.S_IMODE(d.stat().st_mode) == 0o755 for d in (www / path).rglob("*") if d.is_dir())
        _, headers, _ = fetch(f"{url}{path}/")
        assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"
        with urllib.request.urlopen(f"{url}{path}") as typed_without_slash:  # sent on to the guide
            assert typed_without_slash.url == f"{url}{path}/"
        _, headers, _ = fetch(f"{url}{path}/downloads/thank-you-email.txt")
        assert headers["Content-Type"] == "text/plain; charset=utf-8"  # accents shown right when opened
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_an_address_that_does_not_exist_shows_the_guides_404_page(published, page):
    url, _, _, _ = published
    status, _, body = fetch(f"{url}{CENTER}/no/such/page/")
    assert status == 404 and KB.labels["not_found_title"] in body
    page.goto(f"{url}{CENTER}/no/such/page/")
    expect(page.locator("h1")).to_have_text(KB.labels["not_found_title"])
    expect(page.locator("link[rel=stylesheet]").first).to_have_attribute(
        "href", re.compile("^" + re.escape(f"{url}{CENTER}/assets/")))
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # styled
    # The server shows the same page for a missing address under /es/: it says so in Spanish too,
    # with a link to the Spanish home page.
    spanish = SPANISH_KB.labels
    status, _, body = fetch(f"{url}{CENTER}/es/no/such/page/")
    assert status == 404 and spanish["not_found_title"] in body
    page.goto(f"{url}{CENTER}/es/no/such/page/")
    expect(page.locator('section[lang="es"] h2')).to_have_text(spanish["not_found_title"])
    page.locator('section[lang="es"] a').click()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert page.url == f"{url}{CENTER}/es/"


def test_the_centers_copy_has_its_changes_its_page_and_its_message(published, page):
    url, www, _, _ = published
    base = f"{url}{CENTER}/"
    page.goto(base + "phases/after-the-date/")
    expect(page.locator("#send-one-follow-up")).to_have_text("Send one short follow-up, then give them time")
    assert not any("raise-salary-expectations" in p.read_text() for p in (www / CENTER).rglob("*.html"))
    assert not (www / CENTER / "editing-the-guide").exists()  # the staff pages are left out
    page.goto(base + "phases/while-you-wait/")
    page.locator("#practise-with-us ~ * a", has_text="mock interviews").first.click()
    expect(page.locator("h1")).to_have_text("Mock interviews")
    page.goto(base + "templates/")
    debrief = page.locator('[data-fg-template="ask-for-a-debrief"]')
    expect(debrief.locator("[data-fg-body]")).to_contain_text("Hello Riverside Careers,")
    expect(debrief.locator("[data-fg-mailto]")).to_have_attribute("href", re.compile(r"^mailto:careers@riverside"))


def test_each_guide_keeps_its_own_progress(published, page):
    url, _, _, _ = published
    page.goto(f"{url}{CENTER}/checklist/")
    page.locator('[data-fg-item="practise-with-us"]').check()
    page.reload()
    expect(page.locator('[data-fg-item="practise-with-us"]')).to_be_checked()
    page.goto(f"{url}{OTHER}/checklist/")
    expect(page.get_by_role("checkbox", checked=True)).to_have_count(0)


def test_the_printed_checklist_shows_the_logo_and_the_booking_link(published, page):
    url, _, _, _ = published
    page.goto(f"{url}{CENTER}/checklist/")
    expect(page.locator(".fg-print-center")).to_be_hidden()  # on paper only
    page.emulate_media(media="print")
    contact = page.locator(".fg-contact")
    expect(page.locator(".fg-contact__logo")).to_be_visible()
    expect(contact).to_contain_text("https://careers.riverside.example/book")
    expect(contact).to_contain_text("https://careers.riverside.example/")
    expect(contact.locator("a.fg-button")).to_be_hidden()  # the address written out, not a button
    expect(page.locator(".fg-print-center")).to_have_text("Riverside Careers")  # at the top of the page
    expect(page.locator(".fg-print-center img")).to_be_visible()  # beside the logo
    assert page.evaluate("""() => { const logo = document.querySelector('.fg-contact__logo');
        return logo.closest('.fg-contact-group').contains(document.querySelector('.fg-contact')); }""")
    # On paper, in both languages, on both sizes: no phase cut from its lines, and the center's
    # details on the sheet of the last lines, never on a sheet of their own.
    for kb, path in ((KB, ""), (SPANISH_KB, "es/")):
        if path:
            page.goto(f"{url}{CENTER}/{path}checklist/")
        phases = {phase.title: [entry.checklist for entry in phase.entries if entry.checklist] for phase in kb.phases}
        lines = [line for phase_lines in phases.values() for line in phase_lines]
        for paper in ("Letter", "A4"):
            sheets = printed_sheets(page, paper)
            assert_center_prints_compactly(sheets, "Riverside Careers", lines, "https://careers.riverside.example/book")
            for title, phase_lines in phases.items():
                assert not phase_lines or any(title in sheet.text and all(line in sheet.text for line in phase_lines)
                                              for sheet in sheets), (paper, title)


def test_the_offline_copy_searches_from_files(published, tool, watched, page):
    _, _, center, _ = published
    tool("followup-guide", "build", "--offline", "-d", "offline", cwd=center)
    page.goto((center / "offline" / "checklist.html").as_uri())
    page.locator(".md-search__input").press_sequentially("thank")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    # The Spanish copy searches its own index, in Spanish, from files too.
    page.goto((center / "offline" / "es" / "checklist.html").as_uri())
    page.locator(".md-search__input").press_sequentially("agradecimiento")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    expect(page.locator(".md-search-result__item").first).to_contain_text("agradecimiento")
    assert watched.page_errors == [] and watched.offsite_requests == []

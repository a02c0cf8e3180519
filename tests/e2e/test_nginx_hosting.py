"""The nginx recipe of the "Host your own copy" page, as written, in a real nginx started as an
unprivileged user: two guides under sub-paths of one site, every page served, the guide's own
404 page, the security headers, and each guide's checklist keeping its own progress."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect
from support import DEFAULT_KB, ROOT, copy_guide

from generator.cli import build_site

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)
SETPRIV = shutil.which("setpriv")
pytestmark = pytest.mark.skipif(not (NGINX and SETPRIV), reason="nginx and setpriv are needed (make test installs "
                                "Debian's nginx where apt-get can; elsewhere install nginx to run this test)")
RECIPE = re.search(r"```nginx\n(.*?)```", (ROOT / "content/pages/host-your-own-copy.md").read_text(), re.S)[1]
GUIDES = {"after-the-interview": "after-the-interview", "other-guide": "other-guide"}  # sub-path: site_id


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory):
    shared = Path(tempfile.mkdtemp(prefix="followup-guide-nginx-"))  # readable by an unprivileged user
    shared.chmod(0o755)
    port = free_port()
    locations = []
    for path, site_id in GUIDES.items():
        source = copy_guide(tmp_path_factory.mktemp(path))
        config = source / "mkdocs.yml"
        config.write_text(config.read_text().replace("content_dir: content", f"content_dir: content\n      site_id: {site_id}"))
        build_site(str(config), str(shared / "www" / path), site_url=f"http://127.0.0.1:{port}/{path}/")
        locations.append(RECIPE.replace("/var/www/after-the-interview/", f"{shared}/www/{path}/")
                         .replace("/after-the-interview/", f"/{path}/"))
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
                {"".join(locations)}
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
    yield f"http://127.0.0.1:{port}/", shared / "www"
    server.terminate()
    server.communicate()
    shutil.rmtree(shared)


def fetch(url: str):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode(errors="replace")


def test_every_page_and_file_is_served_with_the_security_headers(nginx_site):
    url, www = nginx_site
    for path in GUIDES:
        files = sorted(p.relative_to(www).as_posix() for p in (www / path).rglob("*") if p.is_file())
        assert len(files) > 30
        for file in files:
            status, headers, _ = fetch(url + file.removesuffix("index.html"))
            assert status == 200, file
        status, headers, _ = fetch(f"{url}{path}/")
        assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["X-Frame-Options"] == "DENY"


def test_an_address_that_does_not_exist_shows_the_guides_404_page(nginx_site, page):
    url, _ = nginx_site
    status, headers, body = fetch(url + "after-the-interview/no/such/page/")
    assert status == 404 and DEFAULT_KB.labels["not_found_title"] in body
    page.goto(url + "after-the-interview/no/such/page/")
    expect(page.locator("h1")).to_have_text(DEFAULT_KB.labels["not_found_title"])
    expect(page.locator("link[rel=stylesheet]").first).to_have_attribute(
        "href", re.compile("^" + re.escape(url + "after-the-interview/assets/")))
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # styled


def test_each_guide_keeps_its_own_progress_under_nginx(nginx_site, page):
    url, _ = nginx_site
    page.goto(url + "after-the-interview/checklist/")
    page.locator('[data-fg-item="send-a-thank-you"]').check()
    page.reload()
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).to_be_checked()
    page.goto(url + "other-guide/checklist/")
    expect(page.locator('[data-fg-item="send-a-thank-you"]')).not_to_be_checked()

"""Fixtures shared by every kind of test: the project's paths, copies of the guide, one build."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, copy_guide, serve_directory

from generator.cli import build_site

@pytest.fixture
def guide_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of the default guide, made the working directory (as an editor would run it)."""
    copy_guide(tmp_path / "guide")
    monkeypatch.chdir(tmp_path / "guide")
    return tmp_path / "guide"


@pytest.fixture(scope="session")
def served_root(tmp_path_factory):
    """An HTTP server on 127.0.0.1 for the session, and the folder it serves."""
    root = tmp_path_factory.mktemp("served")
    url, server = serve_directory(root)
    yield url, root
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def engine(request) -> str:
    """The engine that builds the session's site: MkDocs unless a module asks for both (both_engines)."""
    return getattr(request, "param", "mkdocs")


@pytest.fixture(scope="session")
def built_site(served_root, engine) -> Path:
    """The default guide, built once per engine for the session with `followup-guide build`, into
    the served folder. site_url is the server's address, as a real host would set it."""
    url, root = served_root
    folder = "guide" if engine == "mkdocs" else f"guide-{engine}"
    return build_site(str(ROOT / "mkdocs.yml"), str(root / folder), engine_name=engine, site_url=f"{url}{folder}/")


@pytest.fixture(scope="session")
def site_url(served_root, built_site) -> str:
    return served_root[0] + built_site.name + "/"

"""Fixtures shared by every kind of test: the project's paths, copies of the guide, one build."""
from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, copy_guide, one_language, serve_directory

from generator.cli import build_site

@pytest.fixture
def bilingual_guide_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of the default guide in both its languages, made the working directory (as
    an editor would run it)."""
    copy_guide(tmp_path / "guide")
    monkeypatch.chdir(tmp_path / "guide")
    return tmp_path / "guide"


@pytest.fixture
def guide_copy(bilingual_guide_copy) -> Path:
    """The same copy publishing English only, for a test about something other than languages:
    one site per build instead of two."""
    return one_language(bilingual_guide_copy)


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
def site_builds(served_root):
    """The default guide as each engine builds it with `followup-guide build`, into the served
    folder, made the first time a test asks for that engine and kept for the session. site_url
    is the server's address, as a real host would set it."""
    url, root = served_root
    builds = {}

    def site(engine: str) -> Path:
        if engine not in builds:
            folder = "guide" if engine == "mkdocs" else f"guide-{engine}"
            builds[engine] = build_site(str(ROOT / "mkdocs.yml"), str(root / folder), engine_name=engine,
                                        site_url=f"{url}{folder}/")
        return builds[engine]
    return site


@pytest.fixture
def built_site(site_builds, engine) -> Path:
    """The default guide built by the test's engine (once per session: a module that runs on both
    engines and one that runs on MkDocs alone share the same MkDocs build)."""
    return site_builds(engine)


@pytest.fixture
def site_url(served_root, built_site) -> str:
    return served_root[0] + built_site.name + "/"

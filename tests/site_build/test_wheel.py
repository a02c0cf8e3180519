"""The wheel carries the default guide: a career center needs no checkout of this repository."""
from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT


def test_the_wheel_installs_into_a_fresh_environment_and_builds_a_center(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run = lambda *args, **kw: subprocess.run(args, check=True, env=env, capture_output=True, text=True, **kw)  # noqa: E731
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(ROOT))
    [wheel] = (tmp_path / "dist").glob("followup_guide-*.whl")
    run(sys.executable, "-m", "venv", str(tmp_path / "venv"))
    bin_dir = tmp_path / "venv" / "bin"
    run(str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel))

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)", cwd=elsewhere).stdout
    assert where.startswith(str(tmp_path / "venv")), where  # not this checkout
    run(str(bin_dir / "followup-guide"), "init", "center", "--name", "Wheel Test Careers", cwd=elsewhere)
    result = run(str(bin_dir / "followup-guide"), "build", cwd=elsewhere / "center")

    site = elsewhere / "center" / "site"
    assert result.stdout.startswith("The guide is in site/\n")
    assert "site_url is not set in mkdocs.yml, so pages will load one by one" in result.stdout
    assert "Wheel Test Careers</p>" in (site / "index.html").read_text()
    assert (site / "checklist/index.html").is_file() and (site / "privacy/index.html").is_file()
    assert (site / "assets/checklist.js").is_file()

"""The wheel carries the default guide: a career center needs no checkout of this repository."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig

from pathlib import Path

from support import ROOT


def test_the_wheel_installs_into_a_fresh_environment_and_builds_a_center(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run = lambda *args, **kw: subprocess.run(args, check=True, env=env, capture_output=True, text=True, **kw)  # noqa: E731
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(ROOT))
    [wheel] = (tmp_path / "dist").glob("followup_guide-*.whl")
    # A fresh environment without pip of its own: this environment's pip installs into it
    # (`pip --python`), which saves creating a pip in it, the slowest step.
    run(sys.executable, "-m", "venv", "--without-pip", str(tmp_path / "venv"))
    bin_dir = tmp_path / "venv" / "bin"
    pip = (sys.executable, "-m", "pip", "--python", str(bin_dir / "python"))
    # The dependencies are borrowed from this environment (a path line, which runs none of its .pth
    # files, so this checkout's editable install stays out): resolving and installing them again
    # from the package index took most of a minute. `pip check` proves the wheel's declared
    # requirements are met by them; the build below proves the wheel runs from its own copy.
    venv_site = run(str(bin_dir / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout
    (Path(venv_site.strip()) / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(*pip, "install", "--quiet", "--no-deps", "--no-compile", str(wheel))
    run(*pip, "check")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = run(str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)", cwd=elsewhere).stdout
    assert where.startswith(str(tmp_path / "venv")), where  # not this checkout
    run(str(bin_dir / "followup-guide"), "init", "center", "--name", "Wheel Test Careers", cwd=elsewhere)
    result = run(str(bin_dir / "followup-guide"), "build", cwd=elsewhere / "center")

    site = elsewhere / "center" / "site"
    assert result.stdout.endswith("The guide is in site/\n")
    assert "Wheel Test Careers</p>" in (site / "index.html").read_text()
    assert (site / "checklist/index.html").is_file() and (site / "privacy/index.html").is_file()
    assert (site / "assets/checklist.js").is_file()

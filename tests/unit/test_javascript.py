"""The guide's pure JavaScript (site_overrides/assets/core/) under Node: its own unit tests
(tests/js/), and the same dates as generator/timing.py for the default guide's rules."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from support import DEFAULT_KB as KB
from support import ROOT

from generator.model import timing

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed: the JavaScript unit tests need `node`")
ZONE = "America/New_York"
ENV = {**os.environ, "TZ": ZONE}


def test_the_javascript_unit_tests_pass():
    result = subprocess.run([NODE, "--test", str(ROOT / "tests/js")], capture_output=True, text=True, env=ENV,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


JS_PLAN = """
const dates = require(process.argv[1]);
const [rules, given] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const moments = {};
for (const [id, parts] of Object.entries(given)) moments[id] = new Date(...parts);
const plan = dates.planDates(rules, moments);
console.log(JSON.stringify(Object.fromEntries(Object.entries(plan.dates).map(([id, d]) => [id, d.toISOString()]))));
"""


@pytest.mark.parametrize("given", [
    {"interview": [2026, 2, 7, 15, 0]},  # the thank-you deadline crosses the change to summer time
    {"interview": [2026, 2, 2, 9, 0], "stated-date": [2026, 2, 6, 12, 0]},  # a follow-up on a Friday
    {"interview": [2026, 2, 6, 12, 0], "stated-date": [2026, 2, 7, 12, 0]},  # a follow-up on a Saturday: Monday
    {"interview": [2026, 2, 6, 12, 0]},  # stay in touch on Saturday 6 June: Monday 8 June
    {"interview": [2026, 9, 30, 16, 45]},  # the change back, in the autumn
    {"stated-date": [2026, 2, 13, 12, 0]},  # only the decision date
])
def test_node_and_python_give_the_same_dates(given):
    result = subprocess.run([NODE, "-e", JS_PLAN, str(ROOT / "site_overrides/assets/core/dates.js")],
                            input=json.dumps([timing.rules(KB), given]), capture_output=True, text=True, env=ENV,
                            timeout=60, check=True)
    moments = {id_: datetime(p[0], p[1] + 1, *p[2:], tzinfo=ZoneInfo(ZONE)) for id_, p in given.items()}
    python = {id_: d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
              for id_, d in timing.plan(KB, moments).dates.items()}
    assert json.loads(result.stdout) == python
    assert python  # the cases date at least one step

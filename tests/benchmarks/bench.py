"""The benchmark (`make bench`): build time, scaling, page weight and Lighthouse scores.

Prints a table and writes tests/benchmarks/results.json. Figures, not pass/fail: the tests
prove behaviour, this measures it.
"""
from __future__ import annotations

import compileall
import functools
import gzip
import io
import json
import logging
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils import yaml_load

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browsing import CHROMIUM_FLAGS, system_chromium  # noqa: E402
from support import copy_guide  # noqa: E402

from generator.cli import build_site  # noqa: E402
from generator.loading.loader import load_knowledge_base  # noqa: E402
from generator.engines.material_theme import REQUIRED_EXTENSIONS  # noqa: E402
from generator.rendering.pages import render_site  # noqa: E402

OWN_ASSETS = ["followup-guide.min.css", "followup-guide.min.js"]
# One page of each kind: the home page, the checklist, the message templates, a phase, the planner,
# "My applications".
LIGHTHOUSE_PAGES = ["", "checklist/", "templates/", "phases/within-24-hours/", "planner/", "applications/"]
LIGHTHOUSE_RUNS = 3
BUILD_RUNS = 15

logging.getLogger("mkdocs").setLevel(logging.ERROR)


def timed(action, clock=time.perf_counter) -> float:
    start = clock()
    action()
    return clock() - start


def median_time(action, runs: int, clock=time.perf_counter) -> float:
    return statistics.median(timed(action, clock) for _ in range(runs))


# --- Build time: the generator beside plain MkDocs building the same pages -----------------

def export_plain(guide: Path, destination: Path, same_theme: bool) -> Path:
    """The generated pages written out as plain Markdown, with a mkdocs.yml that has no plugin of ours."""
    kb = load_knowledge_base(guide / "content")
    site = render_site(kb)
    docs = destination / "docs"
    shutil.copytree(guide / "content/pages", docs)
    for page in site.pages:
        (docs / page.uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.uri).write_text(page.markdown, encoding="utf-8")
    for file in site.files:
        (docs / file.uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / file.uri).write_bytes(file.content)
    config = yaml_load((guide / "mkdocs.yml").read_text())
    config.update(site_name=kb.title, docs_dir="docs", nav=site.nav + ["editing-the-guide.md", "host-your-own-copy.md", "privacy.md"])
    config["plugins"] = ["search"]
    # The same Markdown extensions as the guide's build: its own, and those the plugin adds.
    extensions = config.setdefault("markdown_extensions", [])
    named = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    extensions += [e for e in REQUIRED_EXTENSIONS if e not in named]
    if same_theme:
        config["theme"]["custom_dir"] = str(guide / "site_overrides")
        config["extra"]["followup_guide"] = {"site_id": "after-the-interview", "contact": "", "branding_css": False,
                                             "home": "Home", "not_found_title": "", "not_found_text": "",
                                             "data_script": site.data_script}
    else:
        config["theme"].pop("custom_dir", None)
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    return destination / "mkdocs.yml"


def plain_build(config_file: Path, site_dir: Path) -> None:
    config = load_config(str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build(config)
    config.plugins.on_shutdown()


BIN = Path(sys.executable).parent


def process_time(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """The whole process, as a person runs it: interpreter start, imports, build, exit. Its wall
    time, and its CPU time (user and system), which another developer's load on the machine
    changes much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def first_build_env(work: Path) -> dict:
    """An environment in which the build finds no compiled templates (the first build on a
    machine): Jinja's cache folder is in the temporary folder, here a new empty one."""
    return {**os.environ, "TMPDIR": tempfile.mkdtemp(dir=work)}


# `followup-guide build` as it was before it made the theme's search index itself: with the
# search plugin's own index (generator/engines/material_search.py). Beside plain MkDocs, which
# makes that index too, it shows what the guide's own work adds.
WITH_MATERIALS_INDEX = """
import sys
from generator.engines import material_search
material_search.use_quick_index = lambda config: None
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def build_against_plain(work: Path, guide: Path, label: str, runs: int, first_builds: bool = False) -> dict:
    """`followup-guide build` beside `mkdocs build` of the same pages (exported as plain Markdown,
    with the same theme, overrides, bundled assets and Markdown extensions, and no plugin of ours),
    each a whole process, taken in turns so that both meet the same load on the machine; and the
    guide's build with Material's own search index (WITH_MATERIALS_INDEX), in the same turns.
    `first_builds`: also a build without the compiled templates of earlier builds, in the turns."""
    plain = export_plain(guide, work / f"plain-{label}", same_theme=True)
    build_site(str(guide / "mkdocs.yml"), str(work / f"bundles-{label}"))  # the plain build gets our bundles too
    (plain.parent / "docs/assets").mkdir(parents=True, exist_ok=True)
    for name in OWN_ASSETS:
        shutil.copy2(work / f"bundles-{label}/assets" / name, plain.parent / "docs/assets" / name)
    generator_command = [str(BIN / "followup-guide"), "build", "-d", str(work / f"site-generator-{label}")]
    mkdocs_command = [str(BIN / "mkdocs"), "build", "--quiet", "-f", str(plain), "-d", str(work / f"site-plain-{label}")]
    materials_index_command = [sys.executable, "-c", WITH_MATERIALS_INDEX, "build", "-d",
                               str(work / f"site-materials-index-{label}")]
    timings = []
    for _ in range(runs):
        turn = [process_time(generator_command, guide), process_time(mkdocs_command, plain.parent),
                process_time(materials_index_command, guide)]
        if first_builds:
            turn.append(process_time(generator_command, guide, env=first_build_env(work)))
        timings.append(turn)
    (generator, generator_cpu), (mkdocs, mkdocs_cpu) = [
        (statistics.median(wall for wall, _ in column), statistics.median(cpu for _, cpu in column))
        for column in list(zip(*timings))[:2]]
    materials_index_cpu = statistics.median(cpu for _, cpu in list(zip(*timings))[2])
    row = {"entries": label, "runs": runs, "followup_guide_build_s": round(generator, 3),
           "plain_mkdocs_build_s": round(mkdocs, 3), "ratio": round(generator / mkdocs, 3),
           "cpu_ratio": round(generator_cpu / mkdocs_cpu, 3),
           "cpu_ratio_with_materials_index": round(materials_index_cpu / mkdocs_cpu, 3)}
    if first_builds:
        first = statistics.median(wall for wall, _ in list(zip(*timings))[3])
        first_cpu = statistics.median(cpu for _, cpu in list(zip(*timings))[3])
        row.update(first_build_s=round(first, 3), first_build_ratio=round(first / mkdocs, 3),
                   first_build_cpu_ratio=round(first_cpu / mkdocs_cpu, 3))
    return row


def one_language(guide: Path) -> Path:
    """The guide in English only: plain MkDocs builds one site, so the ratio compares one site
    with one site (each further language is one more build of the same size)."""
    config = guide / "mkdocs.yml"
    config.write_text(config.read_text().replace("languages: [en, es]", "languages: [en]"))
    return guide


def compile_package() -> None:
    """The package's modules compiled, as pip compiles an installed package (and MkDocs, in
    site-packages, is): in an environment with PYTHONDONTWRITEBYTECODE set, as on this machine,
    every process timed would otherwise compile the editable install's modules from source again
    (about 40 ms, 5% of a small build)."""
    compileall.compile_dir(ROOT / "generator", quiet=1)


def build_overhead(work: Path) -> list[dict]:
    compile_package()
    guide = one_language(copy_guide(work / "guide"))
    rows = [build_against_plain(work, guide, "default", BUILD_RUNS, first_builds=True)]
    shutil.copytree(work / "site-generator-default", work / "site-generator")  # for the weight and Lighthouse
    for size, runs in ((1000, 7), (10000, 3)):
        rows.append(build_against_plain(work, synthetic_guide(work, size), f"{size:,}", runs))
    return rows


def zensical_build(work: Path) -> dict:
    """The default guide built by each engine, whole processes in turns (median of 3)."""
    guide = work / "guide"
    commands = {engine: [str(BIN / "followup-guide"), "build", "--engine", engine, "-d", str(work / f"site-{engine}")]
                for engine in ("mkdocs", "zensical")}
    timings = [tuple(process_time(command, guide)[0] for command in commands.values()) for _ in range(3)]
    mkdocs, zensical = (statistics.median(column) for column in zip(*timings))
    return {"mkdocs_s": round(mkdocs, 3), "zensical_s": round(zensical, 3)}


# --- Scaling: synthetic knowledge bases ------------------------------------------------------

def synthetic_guide(work: Path, entries: int) -> Path:
    guide = one_language(copy_guide(work / f"guide-{entries}"))
    phases = [p.id for p in load_knowledge_base(guide / "content").phases]
    lines = ["entries:"]
    for number in range(entries):
        lines += [
            f"  - id: synthetic-{number}", "    kind: do", f"    phase: {phases[number % len(phases)]}",
            f"    title: Synthetic step number {number}", f"    summary: A generated entry, number {number}.",
            "    body: |", "      A paragraph of *Markdown* with a [link](https://example.org/) and a list:",
            "", "      - one", "      - two", f"    checklist: Do synthetic step {number}",
        ]
    (guide / "content/advice/synthetic.yml").write_text("\n".join(lines) + "\n")
    return guide


# The load alone in a new interpreter, timed after its imports: what a build pays, with nothing
# left over from an earlier load (memory already taken from the system, warm caches).
FRESH_LOAD = """
import sys, time
from pathlib import Path
from generator.loading.loader import load_knowledge_base
wall, cpu = time.perf_counter(), time.process_time()
load_knowledge_base(Path(sys.argv[1]))
print(time.perf_counter() - wall, time.process_time() - cpu)
"""
LOAD_RUNS = 7


def fresh_load(guide: Path) -> tuple[float, float]:
    """Wall and CPU time of one load of the guide's knowledge base in a new process."""
    result = subprocess.run([sys.executable, "-c", FRESH_LOAD, str(guide / "content")],
                            check=True, capture_output=True, text=True)
    wall, cpu = map(float, result.stdout.split())
    return wall, cpu


def load_and_validate(work: Path) -> list[dict]:
    """Reading, merging and validating the knowledge base alone, median of 7: in a new process
    each time (CPU time, the target's figure, and wall time), and repeated in this one."""
    compileall.compile_dir(ROOT / "generator", quiet=1)  # as an installed package is
    rows = []
    for size in (1000, 10000):
        guide = work / f"guide-{size}"
        fresh = [fresh_load(guide) for _ in range(LOAD_RUNS)]
        load = lambda: load_knowledge_base(guide / "content")  # noqa: E731
        median = lambda runs, which: round(statistics.median(run[which] for run in runs), 3)  # noqa: E731
        rows.append({"entries": f"{size:,}", "runs": LOAD_RUNS,
                     "fresh_process_cpu_s": median(fresh, 1), "fresh_process_s": median(fresh, 0),
                     "load_and_validate_s": round(median_time(load, runs=LOAD_RUNS), 3),
                     "cpu_s": round(median_time(load, runs=LOAD_RUNS, clock=time.process_time), 3)})
    return rows


def load_only() -> None:
    """`bench.py --load`: the load-and-validate figures alone, written into results.json beside
    the others (with the date and the machine's load when they were taken)."""
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for size in (1000, 10000):
            synthetic_guide(work, size)
        start = os.getloadavg()[0]
        rows = load_and_validate(work)
    print(table(f"Load and validate (target: 10,000 entries under 0.3 s of CPU in a new process; load average "
                f"{start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end)", rows))
    save({"load_and_validate": rows}, "load_and_validate_measured", start)


def save(sections: dict, measured: str, load: float) -> None:
    """Write `sections` into results.json, keeping the sections another run measured, with the
    date and the machine's load of this run under `measured`."""
    results = json.loads((HERE / "results.json").read_text()) if (HERE / "results.json").exists() else {}
    results.update(sections, machine=machine())
    results[measured] = {"date": time.strftime("%Y-%m-%d"), "load": round(load, 2)}
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")


def pages_only() -> None:
    """`bench.py --pages`: weight, script work and Lighthouse of one build of the default guide,
    without the build series (written into results.json beside the others)."""
    start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        guide = one_language(copy_guide(work / "guide"))
        build_site(str(guide / "mkdocs.yml"), str(work / "site-generator"))
        sections = {"weight": weight(work), "applications": application_work(work / "site-generator"),
                    "rendering": rendering_work(work / "site-generator"),
                    "lighthouse": lighthouse(work / "site-generator")}
    print_pages(sections)
    save(sections, "pages_measured", start)


def print_pages(results: dict) -> None:
    print(table("Weight (gzip; target: own JS and CSS under 8 KB)", [results["weight"]]))
    print(table("Script work with 50 applications saved (median of "
                f"{APPLICATION_RUNS}; target: under 50 ms)", results["applications"]))
    print(table(f"Rendering work until the load event, on a phone-sized page at {RENDERING_SLOWDOWN}x CPU (median of "
                f"{RENDERING_RUNS})", results["rendering"]))
    print(table("Lighthouse scores (target: 100)", results["lighthouse"]))


# --- Weight of the checklist page -----------------------------------------------------------

def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_transfer(site: Path, page: str) -> int:
    """Compressed bytes of a page and every style sheet and script it loads."""
    html = (site / page).read_bytes()
    total = gzipped(html)
    for url in re.findall(rb'<(?:link rel="stylesheet"|script)[^>]*?(?:href|src)="([^"]+)"', html):
        path = (site / page).parent / url.decode().split("?")[0]
        if path.is_file():
            total += gzipped(path.read_bytes())
    return total


def weight(work: Path) -> dict:
    site = work / "site-generator"
    own = sum(gzipped((site / "assets" / name).read_bytes()) for name in OWN_ASSETS)
    plain_config = export_plain(ROOT, work / "plain-material", same_theme=False)
    plain_build(plain_config, work / "site-plain-material")
    return {
        "own_js_css_gzip_bytes": own,
        "checklist_page_transfer_gzip_bytes": page_transfer(site, "checklist/index.html"),
        "plain_material_page_transfer_gzip_bytes": page_transfer(work / "site-plain-material", "checklist/index.html"),
    }


# --- Script work with many applications saved ------------------------------------------------

APPLICATION_PAGES = ["", "checklist/"]
APPLICATION_RUNS = 5


def saved_applications(count: int) -> str:
    """A saved record as a reader with `count` applications would have it: dates, ticks, details."""
    applications = {
        f"bench{n}": {"company": f"Company {n}", "role": "Analyst", "moments": {"interview": f"2026-03-{n % 28 + 1:02d}"},
                       "done": {"send-a-thank-you": "2026-03-01T12:00:00Z"} if n % 2 else {},
                       "interviewers": [{"name": f"Person {n}", "email": f"p{n}@example.org"}]}
        for n in range(count)}
    return json.dumps({"version": 3, "applications": applications, "chosen": "bench0",
                       "general": {"done": {}, "moments": {}}, "details": {"your-name": "Ana"}})


def own_script_ms(profile: dict) -> float:
    """Milliseconds the CPU profile spent in the guide's own bundle (its functions' self time)."""
    own = {node["id"] for node in profile["nodes"] if node["callFrame"]["url"].endswith("/followup-guide.min.js")}
    total = 0
    for sample, delta in zip(profile["samples"], profile["timeDeltas"][1:] + [0]):
        if sample in own:
            total += delta
    return total / 1000


def application_work(site: Path, count: int = 50) -> list[dict]:
    """Script work of the home and checklist pages with `count` applications saved, in Chromium,
    median of several loads: the time spent in the guide's own script during the load (sampled
    by DevTools' CPU profiler, every 100 microseconds), the whole page's script time (DevTools'
    ScriptDuration, the theme's scripts included), and one redraw of everything that depends on
    the saved record, timed in the page with the Performance API (performance.now around
    store.refresh())."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    key = "followup-guide:data:v3:after-the-interview"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=system_chromium(), args=CHROMIUM_FLAGS)
            for page_path in APPLICATION_PAGES:
                own, whole, redraws = [], [], []
                for _ in range(APPLICATION_RUNS):
                    context = browser.new_context()
                    page = context.new_page()
                    page.add_init_script(f"localStorage.setItem({json.dumps(key)}, {json.dumps(saved_applications(count))})")
                    cdp = context.new_cdp_session(page)
                    cdp.send("Performance.enable")
                    cdp.send("Profiler.enable")
                    cdp.send("Profiler.setSamplingInterval", {"interval": 100})
                    cdp.send("Profiler.start")
                    page.goto(url + page_path, wait_until="load")
                    own.append(own_script_ms(cdp.send("Profiler.stop")["profile"]))
                    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                    whole.append(metrics["ScriptDuration"] * 1000)
                    redraws.append(page.evaluate("""() => {
                        const start = performance.now();
                        followupGuide.store.refresh();
                        return performance.now() - start;
                    }"""))
                    context.close()
                rows.append({"page": "/" + page_path, "applications": count,
                             "guide_script_ms_during_load": round(statistics.median(own), 1),
                             "all_scripts_ms_during_load": round(statistics.median(whole), 1),
                             "one_redraw_ms": round(statistics.median(redraws), 1)})
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


# --- Rendering work: figures that a busy machine does not move much ---------------------------

RENDERING_RUNS = 3
RENDERING_SLOWDOWN = 4  # as Lighthouse's phone


def rendering_work(site: Path) -> list[dict]:
    """What the browser does to show each Lighthouse page, from a Chromium trace of its load on a
    phone-sized screen (Lighthouse's: 412 x 823) with the CPU slowed down as Lighthouse's phone:
    the elements on the page, how many times elements were styled and layout objects laid out
    until the load event (counts, which other processes on the machine do not inflate as they do
    the times), and the main thread's CPU time until then and its longest task (times, which they
    do)."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=system_chromium(), args=CHROMIUM_FLAGS)
            for page_path in LIGHTHOUSE_PAGES:
                runs = [traced_load(browser, url + page_path) for _ in range(RENDERING_RUNS)]
                rows.append({"page": "/" + page_path, **{name: statistics.median(run[name] for run in runs) for name in runs[0]}})
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return rows


def traced_load(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": RENDERING_SLOWDOWN})
    browser.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"])
    page.goto(url, wait_until="load")
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    elements = page.evaluate("document.getElementsByTagName('*').length")
    events = json.loads(browser.stop_tracing())
    context.close()
    events = events["traceEvents"] if isinstance(events, dict) else events
    parsers = [(e["pid"], e["tid"]) for e in events
               if e.get("name") == "ParseHTML" and e["args"].get("beginData", {}).get("url", "").startswith(url)]
    main = max(set(parsers), key=parsers.count)
    start = max(e["ts"] for e in events if e.get("name") == "navigationStart" and e["pid"] == main[0]
                and e["args"].get("data", {}).get("documentLoaderURL", "").startswith(url))
    end = start + load_ms * 1000
    until_load = [e for e in events if (e["pid"], e["tid"]) == main and e.get("ph") == "X" and start <= e["ts"] <= end]
    tasks = [e.get("tdur", 0) / 1000 for e in until_load if e["name"] == "RunTask"]
    return {
        "elements": elements,
        "elements_styled": sum(e["args"].get("elementCount") or 0 for e in until_load if e["name"] == "UpdateLayoutTree"),
        "objects_laid_out": sum(e["args"].get("beginData", {}).get("dirtyObjects") or 0
                                for e in until_load if e["name"] == "Layout"),
        "main_thread_cpu_ms": round(sum(tasks)),
        "longest_task_cpu_ms": round(max(tasks, default=0)),
    }


# --- Lighthouse, against the site served with compression ----------------------------------

class CompressingHandler(SimpleHTTPRequestHandler):
    """Serves files gzip-compressed, as a production host would."""

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def lighthouse(site: Path) -> list[dict]:
    binary = HERE / "node_modules/.bin/lighthouse"
    if not binary.exists():
        return [{"page": "-", "note": "run `npm install` in tests/benchmarks (make bench does)"}]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    env = {**os.environ, "CHROME_PATH": system_chromium() or ""}
    try:
        for page in LIGHTHOUSE_PAGES:
            runs = []  # scores move a few points from run to run: the median of several is reported
            for _ in range(LIGHTHOUSE_RUNS):
                result = subprocess.run(
                    [str(binary), url + page, "--output=json", "--quiet", "--max-wait-for-load=30000",
                     "--only-categories=performance,accessibility,best-practices,seo",
                     "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS])],
                    capture_output=True, text=True, env=env, timeout=300)
                runs.append(json.loads(result.stdout)["categories"])
            rows.append({"page": "/" + page, **{name: round(statistics.median(run[name]["score"] for run in runs) * 100)
                                                for name in runs[0]}})
    finally:
        server.shutdown()
        server.server_close()
    return rows


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    chromium = subprocess.run([system_chromium() or "true", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}, {chromium}"


def table(title: str, rows: list[dict]) -> str:
    columns = list(rows[0])
    lines = [f"\n{title}", " | ".join(columns), " | ".join("---" for _ in columns)]
    lines += [" | ".join(str(row.get(c, "")) for c in columns) for row in rows]
    return "\n".join(lines)


def main() -> None:
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    if "--load" in sys.argv:
        return load_only()
    if "--pages" in sys.argv:
        return pages_only()
    only_builds = "--builds" in sys.argv  # the build figures alone, without Lighthouse
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        results = {"machine": machine(), "date": time.strftime("%Y-%m-%d"),
                   "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}
        results["build"] = build_overhead(work)
        results["load_and_validate"] = load_and_validate(work)
        results["engines"] = zensical_build(work)
        if not only_builds:
            results["weight"] = weight(work)
            results["applications"] = application_work(work / "site-generator")
            results["rendering"] = rendering_work(work / "site-generator")
            results["lighthouse"] = lighthouse(work / "site-generator")
    print(f"Machine: {results['machine']} (load average {results['load']} when it started, "
          f"{os.getloadavg()[0]} when it ended)")
    print(table("Whole-process build time: followup-guide build beside mkdocs build of the same pages "
                "(median, the two in turns; target ratio <= 1.05; cpu_ratio: of their CPU times; "
                "cpu_ratio_with_materials_index: the guide's build with the search plugin's own index, "
                "which plain MkDocs makes too; first_build: without the compiled templates of earlier builds)", results["build"]))
    print(table("Load and validate (target: 10,000 entries under 0.3 s of CPU in a new process)",
                results["load_and_validate"]))
    print(table("The default guide built by each engine (whole process, median of 3)", [results["engines"]]))
    if not only_builds:
        print_pages(results)
    kept = json.loads((HERE / "results.json").read_text()) if (HERE / "results.json").exists() else {}
    # Each section measured here says so, as the --load and --pages runs' sections do.
    stamp = {"date": results["date"], "load": round(results["load"] or 0, 2)}
    measured = ["build_measured", "load_and_validate_measured"] + ([] if only_builds else ["pages_measured"])
    results.update(dict.fromkeys(measured, stamp))
    (HERE / "results.json").write_text(json.dumps({**kept, **results}, indent=2) + "\n")  # --builds keeps the rest
    print(f"\nSaved to {(HERE / 'results.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()

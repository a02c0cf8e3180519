"""The `followup-guide` command: validate the knowledge base, build the site, serve it."""
from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import json
import logging
import os
import re
import shutil
import sys
import unicodedata
from pathlib import Path

import jinja2

from .loading.sources import load_guides
from .loading.translations import SOURCE_LANGUAGE, translation_folder
from .model.fields import in_ascii, slugify
from .model.json_schema import write_schemas
from .package_data import default_path, installed_wheel, package_version
from .problems import CommandError, ContentError, display_path

from .site_output import OutputError, check_output_folder, clean_up_after_killed_builds, staging_folder, swap_in, write_zip

OFFLINE_SWITCH = "FOLLOWUP_GUIDE_OFFLINE"  # read by the offline plugin's `enabled` in mkdocs.yml
ENGINES = ("mkdocs", "zensical")


def engine(name: str, config_file: str, **overrides):
    """The adapter of an engine, with the site's configuration loaded. Only adapters import an engine."""
    if not Path(config_file).is_file():
        raise CommandError(f"{config_file} not found here; go to your guide's folder first (the one followup-guide "
                           "init made: cd into it), or name the file with --config-file")
    if name == "zensical":
        from .engines.zensical_build import ZensicalEngine

        return ZensicalEngine(config_file, **overrides)
    from .engines.mkdocs_build import MkDocsEngine

    return MkDocsEngine(config_file, **overrides)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="followup-guide", description="Build the after-the-interview guide.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    init = commands.add_parser("init", help="create a folder for a career center's own copy of the guide")
    init.add_argument("folder", help="the folder to create")
    init.add_argument("--name", help="the career center's name (default: from the folder name)")
    validate = commands.add_parser("validate", help="check the content and branding, and report every problem")
    build = commands.add_parser("build", help="check the content, then build the site into site/")
    build.add_argument("-d", "--site-dir", help="where to write the site (default: site_dir of mkdocs.yml)")
    build.add_argument("--offline", action="store_true", help="a site that works opened from files, without a web server")
    build.add_argument("--zip", action="store_true", help="also write the site as a zip file next to it")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs",
                       help="the static-site engine: mkdocs (default) or zensical (pip install 'followup-guide[zensical]')")
    commands.add_parser("changelog", help="show what each version changed (ids added, renamed, removed)")
    schema = commands.add_parser("schema", help="write the JSON Schema of each content file, for editors")
    schema.add_argument("folder", nargs="?", default="schemas", help="where to write them (default: %(default)s)")
    translation = commands.add_parser("translation", help="start a new language: a folder of every text to translate")
    translation.add_argument("language", help="the language's code, such as fr")
    translation.add_argument("--checked", action="store_true",
                             help="once translated: record the English each translation stands for, so that "
                                  "a later change to it is flagged")
    serve = commands.add_parser("serve", help="serve the whole guide, every language, rebuilt and reloaded while you edit")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")
    for command in (validate, build, serve, translation):
        command.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's MkDocs configuration (default: %(default)s)")
    args = parser.parse_args(argv)

    _show_mkdocs_log()
    try:
        if args.command == "init":
            folder = init_folder(Path(args.folder), args.name)
            print(f"Created {display_path(folder)}/. Next: read {display_path(folder / 'README.md')}")
        elif args.command == "changelog":
            print(default_path("CHANGELOG.md").read_text(encoding="utf-8"), end="")
        elif args.command == "schema":
            written = write_schemas(Path(args.folder))
            print(f"Wrote {len(written)} JSON Schema files into {display_path(Path(args.folder))}/")
        elif args.command == "translation":
            from .translation_skeleton import record_checked, write_skeleton

            if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", args.language):
                raise CommandError(f"'{args.language}' is not a language code; write one like 'fr' or 'pt-BR'")
            if args.language == SOURCE_LANGUAGE:
                raise CommandError(f"'{SOURCE_LANGUAGE}' is the guide's own language: its texts are the content "
                                   "itself; name the language to translate into, like 'fr'")
            sources = engine("mkdocs", args.config_file).sources
            if not args.checked and sources.overlay_dir and translation_folder(sources.content_dir, args.language).is_dir():
                raise CommandError(
                    f"'{args.language}' comes with the guide, already translated; a file of every text in English "
                    f"would replace that translation. Translate only your own texts: `followup-guide validate` names "
                    f"each one still missing in '{args.language}' and the file to write it in")
            if args.checked:
                path = record_checked(sources, args.language)
                print(f"Wrote {display_path(path)}: a change to the English of a translated text will now be "
                      "flagged at its translation.")
                return 0
            folder, written, kept = write_skeleton(sources, args.language)
            print(f"Wrote {len(written)} files into {display_path(folder)}/, in English for now"
                  + (f" ({len(kept)} already there were left as they were)" if kept else "")
                  + f". Translate their texts, add {args.language} to 'languages' in {args.config_file}, "
                  "then run followup-guide validate.")
        elif args.command == "validate":
            adapter = engine("mkdocs", args.config_file, strict=True)  # a setting build would refuse, refused here too
            tracking = adapter.tracking_problems()
            if tracking:
                raise CommandError("\n".join(tracking))
            _show_version_mismatch(args.config_file)
            guides = load_guides(adapter.sources)
            _show_warnings(*(kb for kb, _ in guides.values()))
            kb, branding = guides[SOURCE_LANGUAGE]
            languages = adapter.sources.languages
            print(f"The knowledge base is valid: {len(kb.entries)} entries in {len(kb.phases)} phases"
                  + (f", branded for {branding.name}" if branding else "")
                  + (f", in {len(languages)} languages ({', '.join(languages)})." if len(languages) > 1 else "."))
        elif args.command == "build":
            if args.offline:
                os.environ[OFFLINE_SWITCH] = "true"
            _show_version_mismatch(args.config_file)
            with rare_collections():  # from the engine's imports on
                adapter = engine(args.engine, args.config_file, strict=True)
                site_dir = build_site(args.config_file, args.site_dir, engine_name=args.engine, adapter=adapter)
            print(f"The guide is in {display_path(site_dir)}/")
            note = None if args.offline else adapter.instant_navigation_note()  # files: no address at all
            if note:
                print(note)
            if args.zip:
                print(f"The zip file is {display_path(write_zip(site_dir))}")
        else:
            adapter = engine("mkdocs", args.config_file)
            note = adapter.instant_navigation_note(args.dev_addr)
            if note:
                print(note)
            if not adapter.serve(args.dev_addr, functools.partial(_build_to_serve, args.config_file)):
                return 1
    except (ContentError, CommandError, OSError) as error:  # OSError: a file that cannot be read or written
        _report(error)
        return 1
    return 0


def _report(error: ContentError | CommandError | OSError) -> None:
    if isinstance(error, ContentError):
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in the content; nothing was built.", file=sys.stderr)
    else:
        print(f"followup-guide: {error}", file=sys.stderr)


def _build_to_serve(config_file: str, site_dir: Path, **overrides) -> bool:
    """One build of the whole guide for `serve`, as `build` makes it: whether it succeeded. A
    problem is reported as `build` reports it, and the site it would have replaced stays served."""
    try:
        build_site(config_file, str(site_dir), **overrides)
    except (ContentError, CommandError, OSError) as error:
        _report(error)
        if site_dir.exists():
            print("followup-guide: still serving the last guide that built; it is built again when you save "
                  "a change.", file=sys.stderr)
        return False
    return True


class _Version(argparse.Action):
    """--version: the package's metadata is read only when asked for (it takes a while to import)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def init_folder(folder: Path, name: str | None) -> Path:
    """A folder holding only what a career center owns: settings, branding, an empty overlay."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CommandError(f"{folder} already exists and is not an empty folder; choose a new folder name")
    name = name or folder.name.replace("-", " ").replace("_", " ").title()
    if not name.strip() or any(unicodedata.category(c).startswith("C") for c in name):
        raise CommandError("--name must be one line of text, without tabs or line breaks; nothing was created")
    env = jinja2.Environment(loader=jinja2.PackageLoader("generator", "scaffold"), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    values = {"name": name, "name_yaml": json.dumps(name, ensure_ascii=False),
              "site_id": slugify(in_ascii(name)) or "guide", "version": package_version()}
    # Installed from a wheel file (the package is not on an index yet): publishing installs that
    # same file, copied into the folder, where GitHub Pages' or Netlify's build finds it.
    wheel = installed_wheel()
    values["requirement"] = f"./{wheel.name}" if wheel else f"followup-guide=={values['version']}"
    for template in env.list_templates():
        target = folder / {"gitignore": ".gitignore"}.get(template, template.replace("github/", ".github/", 1))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(values), encoding="utf-8")
    (folder / "content" / "pages").mkdir(exist_ok=True)
    if wheel:
        shutil.copyfile(wheel, folder / wheel.name)
    write_schemas(folder / "schemas")  # named by the modeline of each file, for editors
    return folder


# The cycle collector's thresholds while a site is built (Python's defaults: 700, 10, 10): a young
# collection after 100,000 new objects rather than 700, an older one after 20 young ones.
BUILD_GC_THRESHOLDS = (100_000, 20, 10)


@contextlib.contextmanager
def rare_collections():
    """Python's cycle collector runs less often. Nearly all that a build makes (the engine's
    modules and configuration, the knowledge base, the pages, their trees, the search index)
    lives until the build ends, and each collection walks it all again for cycles to free:
    with 10,000 entries the collections took 1.3 s of the build, about 7%; with these thresholds
    0.3 s, for about 15 MB more memory at the most (220 MB in all)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def build_site(config_file: str, site_dir: str | None = None, engine_name: str = "mkdocs", adapter=None,
               **overrides) -> Path:
    """A strict build into a staging folder, swapped in only when it succeeds.

    `overrides` replace settings of the configuration file, such as site_url; `adapter` is the
    engine's, already made with strict=True (the command makes it once for the build and its note).

    Raises ContentError before anything is written when the content has problems, and
    CommandError when the engine fails or the output folder cannot be used; either way the previous
    site is left exactly as it was (site_output).
    """
    adapter = adapter or engine(engine_name, config_file, **overrides, strict=True)
    sources = adapter.sources
    target = Path(site_dir or adapter.site_dir)
    try:
        check_output_folder(target, reads=adapter.reads(),
                            content_folders=[sources.content_dir, *filter(None, [sources.overlay_dir, sources.pages_dir])])
    except OutputError as error:
        raise CommandError(f"{error}; nothing was built") from None
    guides = load_guides(sources)  # every language checked before anything is written
    _show_warnings(*(kb for kb, _ in guides.values()))
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_up_after_killed_builds(target)
    staging = staging_folder(target)
    # What exists now (the modules, the knowledge base) lives until the build ends: Python's
    # collector need not walk it again at every full collection during the build (with 10,000
    # entries that walk is a fifth of the rendering time).
    gc.freeze()
    try:
        with rare_collections():
            adapter.build(guides, staging)
        swap_in(staging, target)
    except CommandError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise CommandError(f"{error}; {target} was left as it was") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()
    return target


def _show_warnings(*kbs) -> None:
    """Deprecated fields, texts shown untranslated: the guide still builds; each warning says
    what to write now (once, though every language finds the deprecated fields)."""
    for warning in dict.fromkeys(warning for kb in kbs for warning in kb.warnings):
        print(f"{warning.location.display()}: {warning.label}: {warning.message}", file=sys.stderr)


# The version requirements.txt asks for: `followup-guide==0.2.0`, or a wheel file's name.
_REQUIRED_VERSION = re.compile(r"^\s*(?:followup-guide\s*==\s*|\S*followup_guide-)(\d[^\s;#-]*)", re.M)
# A line naming a wheel file of the folder (not an address): group 1 its name.
_WHEEL_FILE = re.compile(r"\s*((?![a-z]+://)\S*followup_guide-\S*\.whl)(?=[\s;#]|$)")


def _show_version_mismatch(config_file: str) -> None:
    """A warning when the folder's requirements.txt asks for another version than the one running:
    the preview would not be the site that publishing builds."""
    requirements = Path(config_file).parent / "requirements.txt"
    try:
        text = requirements.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # none: the default guide, a copy not made by init
        return
    asked = _REQUIRED_VERSION.search(text)
    if not asked:
        return
    line = text.count("\n", 0, asked.start(1)) + 1
    wheel = _WHEEL_FILE.match(text, text.rfind("\n", 0, asked.start(1)) + 1)
    where = f"{display_path(requirements)}:{line}:1: warning:"
    if wheel and not (requirements.parent / wheel[1]).is_file():  # one slip, one message: nothing else matters yet
        here = sorted(p.name for p in requirements.parent.glob("followup_guide-*.whl"))
        fix = (f"this folder holds '{here[0]}': write './{here[0]}' here" if len(here) == 1 else
               "put the file next to requirements.txt, with the name written here")
        print(f"{where} the wheel file '{wheel[1]}' is not in this folder, so publishing cannot install the guide; "
              f"{fix}", file=sys.stderr)
        return
    installed = package_version()  # (reading the package's metadata takes a while)
    if installed != "unknown" and asked[1] != installed:
        write = (f"or put the wheel file of {installed} in this folder and write its name here" if wheel
                 else f"or write {installed} here")
        print(f"{where} publishing installs followup-guide {asked[1]}, but {installed} is installed here, so what you "
              f"check is not what is published; install {asked[1]} (\"Keeping up to date\" in \"Host your own copy\"), "
              f"{write}", file=sys.stderr)


def _show_mkdocs_log() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())

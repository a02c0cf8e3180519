"""The `followup-guide` command: validate the knowledge base, build the site, serve it."""
from __future__ import annotations

import argparse
import importlib.metadata
import json
import logging
import os
import shutil
import sys
import unicodedata
from pathlib import Path

import jinja2

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from . import material_theme
from .guide import GuideSources, load_guide
from .problems import ContentError, display_path
from .schema import slugify
from .site_output import OutputError, check_output_folder, clean_up_after_killed_builds, staging_folder, swap_in, write_zip

PLUGIN_NAME = "followup-guide"
OFFLINE_SWITCH = "FOLLOWUP_GUIDE_OFFLINE"  # read by the offline plugin's `enabled` in mkdocs.yml


class CommandError(Exception):
    """A problem the person running the command can fix; printed without a traceback."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="followup-guide", description="Build the after-the-interview guide.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    init = commands.add_parser("init", help="create a folder for a career center's own copy of the guide")
    init.add_argument("folder", help="the folder to create")
    init.add_argument("--name", help="the career center's name (default: from the folder name)")
    validate = commands.add_parser("validate", help="check the content and branding, and report every problem")
    build = commands.add_parser("build", help="check the content, then build the site into site/")
    build.add_argument("-d", "--site-dir", help="where to write the site (default: site_dir of mkdocs.yml)")
    build.add_argument("--offline", action="store_true", help="a site that works opened from files, without a web server")
    build.add_argument("--zip", action="store_true", help="also write the site as a zip file next to it")
    serve = commands.add_parser("serve", help="serve the guide with live reload while you edit")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")
    for command in (validate, build, serve):
        command.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's MkDocs configuration (default: %(default)s)")
    args = parser.parse_args(argv)

    _show_mkdocs_log()
    try:
        if args.command == "init":
            folder = init_folder(Path(args.folder), args.name)
            print(f"Created {display_path(folder)}/. Next: read {display_path(folder / 'README.md')}")
        elif args.command == "validate":
            tracking = material_theme.tracking_problems(_load(args.config_file))
            if tracking:
                raise CommandError("\n".join(tracking))
            kb, branding = load_guide(_sources(args.config_file))
            print(f"The knowledge base is valid: {len(kb.entries)} entries in {len(kb.phases)} phases"
                  + (f", branded for {branding.name}." if branding else "."))
        elif args.command == "build":
            if args.offline:
                os.environ[OFFLINE_SWITCH] = "true"
            site_dir = build_site(args.config_file, args.site_dir)
            print(f"The guide is in {display_path(site_dir)}/")
            note = material_theme.instant_navigation_note(_load(args.config_file))
            if note:
                print(note)
            if args.zip:
                print(f"The zip file is {display_path(write_zip(site_dir))}")
        else:
            load_guide(_sources(args.config_file))
            note = material_theme.instant_navigation_note(_load(args.config_file), args.dev_addr)
            if note:
                print(note)
            mkdocs_serve(args.config_file, livereload=True, dev_addr=args.dev_addr, watch_theme=True)
    except ContentError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} in the content; nothing was built.", file=sys.stderr)
        return 1
    except (CommandError, OSError) as error:  # OSError: a file that cannot be read or written
        print(f"followup-guide: {error}", file=sys.stderr)
        return 1
    return 0


def package_version() -> str:
    try:
        return importlib.metadata.version("followup-guide")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout without installing
        return "unknown"


def init_folder(folder: Path, name: str | None) -> Path:
    """A folder holding only what a career center owns: settings, branding, an empty overlay."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CommandError(f"{folder} already exists and is not an empty folder; choose a new folder name")
    name = name or folder.name.replace("-", " ").replace("_", " ").title()
    if not name.strip() or any(unicodedata.category(c).startswith("C") for c in name):
        raise CommandError("--name must be one line of text, without tabs or line breaks; nothing was created")
    env = jinja2.Environment(loader=jinja2.PackageLoader("generator", "scaffold"), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    values = {"name": name, "name_yaml": json.dumps(name, ensure_ascii=False), "site_id": slugify(name) or "guide",
              "version": package_version()}
    for template in env.list_templates():
        target = folder / {"gitignore": ".gitignore"}.get(template, template.replace("github/", ".github/", 1))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(values), encoding="utf-8")
    (folder / "content" / "pages").mkdir(exist_ok=True)
    return folder


def build_site(config_file: str, site_dir: str | None = None, **overrides) -> Path:
    """A strict build into a staging folder, swapped in only when it succeeds.

    `overrides` replace settings of the configuration file, such as site_url.

    Raises ContentError before anything is written when the content has problems, and
    CommandError when MkDocs fails or the output folder cannot be used; either way the previous
    site is left exactly as it was (site_output).
    """
    config = _load(config_file, **overrides, strict=True)
    plugin = _plugin(config, config_file)
    sources = GuideSources.from_settings(plugin.config, config.docs_dir)
    target = Path(site_dir or config.site_dir)
    try:
        check_output_folder(
            target,
            reads=[Path(config_file).resolve().parent, *sources.read_paths(), *config.theme.dirs],
            content_folders=[sources.content_dir, *filter(None, [sources.overlay_dir, sources.pages_dir])],
        )
    except OutputError as error:
        raise CommandError(f"{error}; nothing was built") from None
    plugin.preloaded = load_guide(sources)  # checked before anything is written
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_up_after_killed_builds(target)
    staging = staging_folder(target)
    try:
        config.site_dir = str(staging)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        swap_in(staging, target)
    except MkDocsException as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise CommandError(f"the build failed ({error}); {target} was left as it was") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _load(config_file: str, **overrides):
    if not Path(config_file).is_file():
        raise CommandError(f"{config_file} not found; run this in the guide's folder or pass --config-file")
    try:
        return load_config(config_file, **overrides)
    except MkDocsException as error:
        raise CommandError(f"{config_file}: {error}") from None


def _plugin(config, config_file: str):
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is None:
        raise CommandError(f"{config_file} does not list the '{PLUGIN_NAME}' plugin under 'plugins:'; add it")
    return plugin


def _sources(config_file: str) -> GuideSources:
    config = _load(config_file)
    return GuideSources.from_settings(_plugin(config, config_file).config, config.docs_dir)


def _show_mkdocs_log() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())

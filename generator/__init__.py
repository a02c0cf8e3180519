"""Turns the knowledge base in content/ into the pages of the after-the-interview guide.

Reading the content:
    content_files   which files are read: regular files inside the guide's folders, nothing else
    yaml_source     a file: UTF-8 text -> YAML nodes that know their line and column
    schema          the field types: each value checked, every problem collected
    knowledge_base  every file read, an overlay laid on top, references resolved -> KnowledgeBase
    timing          the timing rules: which steps have dates, and how they are computed
    branding        a career center's branding.yml
    handwritten_pages  the pages written by hand: front matter, raw HTML, what may be published
    guide           what a build reads, from the plugin's settings
    package_data    where the default guide and theme overrides are

Making the site:
    pages           the knowledge base -> Markdown pages and a navigation (no MkDocs in it)
    messages        message templates filled in (blank downloads, mailto links)
    timeline_svg    the timeline picture
    assets          the guide's scripts and styles, bundled and minified
    sanitize        the content of every page cleaned of scripts
    html_scan       a built page read once, as a browser's tokenizer reads it
    security        the Content-Security-Policy, and the check behind it (fails closed)
    link_check      every internal link of the built site resolves
    site_output     where the site is written: the output folder checked, an atomic swap

Glue:
    mkdocs_plugin   hands all of the above to a MkDocs build
    material_theme  the one module that knows Material for MkDocs
    cli             the `followup-guide` command: init, validate, build, serve
"""

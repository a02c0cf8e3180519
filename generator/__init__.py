"""Turns the knowledge base in content/ into the pages of the after-the-interview guide.

The pipeline, one package per step (no module imports another in a cycle; a test checks it):

    content/*.yml -> loading -> model -> rendering -> engines (MkDocs | Zensical) -> checks -> site/

model/                 what the content is (no other step, except one late import: a branding
                       colour name is checked with the colour the theme's palette gives it)
    fields             the field types: each reads a located YAML node, collects problems,
                       and describes itself as JSON Schema; Deprecated(moved_to=...) for renames
    records            every record declared once (Entry, Timing, MessageTemplate, GuideSettings,
                       Changes...): ADD A FIELD HERE
    labels             every label the pages show: ADD A LABEL HERE
    branding           a career center's branding.yml
    colours            colour names and contrast arithmetic
    knowledge_base     KnowledgeBase: the frozen value the pages are rendered from
    timing             the timing rules: which steps have dates, and how they are computed
    json_schema        the JSON Schema of each content file, for editors
loading/               the content read, merged and validated
    yaml_source        a file: UTF-8 text -> YAML nodes that know their file, line and column
    merge              a career center's overlay and changes.yml laid over the default guide
    loader             read, merge, then validate in phases (fields, rules, references, timing)
    handwritten_pages  the pages written by hand: front matter, raw HTML, what may be published
    sources            what a build reads (content, overlay, branding, pages), and load_guide
rendering/             the model -> Markdown pages, files and a navigation (no engine in it)
    pages              the pages: ADD A PAGE HERE (and its template in rendering/templates/)
    messages           message templates filled in (blank downloads, mailto links)
    timeline_svg       the timeline picture
    contact            a career center's contact block
    assets             the guide's scripts and styles, bundled and minified
    page_values        what every page's head and foot show, the same for every engine
checks/                the built site, read once
    html_scan          a built page read once, as a browser's tokenizer reads it
    link_check         every internal link resolves; nothing is loaded from another site
    security           the Content-Security-Policy (only known inline scripts: fails closed)
    sanitize           the content of every page cleaned of scripts
engines/               one adapter per engine: the only modules that know one
    mkdocs_plugin      the followup-guide MkDocs plugin (the main path)
    mkdocs_build       a strict MkDocs build, and the development server
    material_theme     Material for MkDocs' markup and settings (the theme, palettes, languages)
    material_search    Material's search index, made as its plugin makes it, in less time
    zensical_build     a Zensical project written and built (`build --engine zensical`)

problems               where a problem is (file:line:column), and how it is told
content_files          which files are read: regular files inside the guide's folders, nothing else
site_output            where the site is written: the output folder checked, an atomic swap
package_data           where the default guide and theme overrides are
cli                    the `followup-guide` command: init, validate, schema, build, serve
"""

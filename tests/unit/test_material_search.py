"""The search index the build makes (generator/engines/material_search.py) is the one Material's
search plugin makes: the same sections from the same markup, the same heading for each id, the
same file for the whole guide; markup the quick reader cannot read exactly goes to Material's."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import Parser, SearchIndex
from mkdocs.structure.toc import AnchorLink

from generator.cli import build_site
from generator.engines import material_search
from generator.engines.material_search import QuickSearchIndex, sections

# What the index's rules turn on: headings with and without ids, permalinks, kept and skipped
# markup, parts left out of search, `pre`, void elements, case, character references, end tags
# that close nothing or the wrong thing, and whitespace; then what only Material's parser reads.
PIECES = [
    "x", "Two words", " ", "\n", " \n  ", "\t", "&amp;", "&lt;b&gt;", "&#65;", "&copy", "&quot;", "é", "a > b", '"q"',
    "<p>", "</p>", "<P>", "</P >", "<pre>", "</pre>", "<code>", "</code>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>",
    "</li>", "<sub>", "</sub>", "<sup>", "</sup>", "<span>", "</span>", "<div>", "</div>", "<em>", "</em>",
    '<h1 id="top">', "</h1>", '<h2 id="b">', '<h2 id="b">', "<h2>", "</h2>", '<H3 ID="c&amp;d">', "</H3>",
    '<h4 id="">', "</h4>", "<h5 id>", "</h5>", '<h2 id="x>y">', '<span title="a>b">', '<p title="<p>&lt;">', '<a class="headerlink" href="#b">', '<a class="headerlink other">', "<a>", "</a>",
    '<div data-search-exclude="">', "<div data-search-exclude>", '<DIV DATA-SEARCH-EXCLUDE="x">',
    '<table class="linenodiv">', '<td class="header&#108;ink">', "</table>", "</td>", "<br>", '<img src="x">',
    "<hr>", "<object>", "</object>", "<svg>", "</svg>", "<title>t</title>", "<textarea></textarea>",
]
# Only Material's own parser reads these as html.parser does.
OTHER_PIECES = [
    "<!-- c -->", "<script>", "</script>", "<style>p{}</style>", "<br/>", "<", "<title><b>t</b></title>",
    "<a href=x>", "<a b='y'>", "<!doctype html>", "<TITLE>t</title>",
]


def parsed(markup: str) -> list[tuple]:
    parser = Parser()
    parser.feed(markup)
    parser.close()
    return described(parser.data)


def described(found) -> list[tuple]:
    return [(repr(s), s.title, s.text, s.depth, s.id, s.el.tag, s.el.attrs, s.is_excluded()) for s in found]


def fragments(count: int, seed: int):
    """Random markup, one piece in a hundred from OTHER_PIECES."""
    chooser = random.Random(seed)
    for _ in range(count):
        yield "".join(chooser.choice(OTHER_PIECES if chooser.random() < 0.01 else PIECES)
                      for _ in range(chooser.randrange(1, 40)))


def outcome(read, markup: str):
    """What reading gives, or the error it stops with (Material's parser stops on some markup
    that closes what it did not open, and the quick reader must stop there too)."""
    try:
        return read(markup)
    except Exception as error:  # noqa: BLE001
        return repr(error)


def test_random_markup_gives_the_sections_materials_parser_gives_or_goes_to_it():
    quick = 0
    for markup in fragments(20_000, seed=15):
        found = outcome(lambda text: sections(text) and described(sections(text)), markup)
        if found is not None:
            quick += 1
            assert found == outcome(parsed, markup), repr(markup)
    assert 10_000 < quick < 19_000  # both ways were taken, each many times


@pytest.mark.parametrize("markup", [
    '<h1 id="a">Title<a class="headerlink" href="#a">¶</a></h1><p>Some <code>code</code> and\ntext.</p>',
    '<h2 id="x">X</h2><div data-search-exclude><div>inner</div>still left out?</div><p>after</p>',
    '<p>before</p><div><h2 id="nested">Nested</h2><p>in</p></div><p>after the div</p><h3 id="z">Z</h3>',
    "<pre>  keep\n  these  spaces </pre><p>  and   <li> </li> these </p>",
    '<table class="linenodiv"><tr><td>1\n2</td></tr></table><pre><code>code</code></pre>',
    "</p></div>text<p></p><ul><li>one</li><li> </li></ul>",
])
def test_the_index_rules_apply_as_material_applies_them(markup):
    assert described(sections(markup)) == parsed(markup)


@pytest.mark.parametrize("markup", [
    "<p>a<!-- a comment --></p>", "<p>x</p><script>if (a<b) {}</script>", "<p>a<br/>b</p>", "a < b", "<a href=x>y</a>",
    "<svg><title><b>t</b></title></svg>", "<p>x</p><style>p{}</style>", "<xmp><p></xmp>",
])
def test_markup_the_pattern_cannot_read_exactly_goes_to_materials_parser(markup):
    assert sections(markup) is None
    page = SimpleNamespace(content=markup, toc=[], url="page/", meta={}, title="Page")
    stock, quick = SearchIndex(), QuickSearchIndex()
    stock.add_entry_from_context(page)
    quick.add_entry_from_context(page)
    assert quick.entries == stock.entries and quick.entries


def test_each_section_links_the_heading_materials_lookup_finds():
    def link(id, *children):
        item = AnchorLink(id.upper(), id, 2)
        item.children = list(children)
        return item
    toc = [link("a", link("b"), link("c", link("b"), link("d"))), link("d"), link("e", link("a"))]
    page = SimpleNamespace(toc=toc, url="p/", meta={}, title="P", content="".join(
        f'<h2 id="{id}">{id}</h2><p>text</p>' for id in ["a", "b", "c", "d", "e", "missing"]))
    stock, quick = SearchIndex(), QuickSearchIndex()
    stock.add_entry_from_context(page)
    quick.add_entry_from_context(page)
    assert [e["location"] for e in quick.entries] == [e["location"] for e in stock.entries]
    assert quick.entries == stock.entries
    for id in ["a", "b", "c", "d", "e", "missing", None]:
        assert quick._find_toc_by_id(toc, id) is stock._find_toc_by_id(toc, id)


def test_the_guide_builds_the_search_index_material_builds(bilingual_guide_copy, tmp_path, monkeypatch):
    read = []
    add = QuickSearchIndex.add_entry_from_context
    monkeypatch.setattr(QuickSearchIndex, "add_entry_from_context",
                        lambda self, page: read.append(page.url) or add(self, page))
    quick = build_site("mkdocs.yml", str(tmp_path / "quick"))
    assert "checklist/" in read  # the build used the quick index
    monkeypatch.setattr(material_search, "use_quick_index", lambda config: None)
    stock = build_site("mkdocs.yml", str(tmp_path / "stock"))
    for index in ["search/search_index.json", "es/search/search_index.json"]:
        assert (quick / index).read_bytes() == (stock / index).read_bytes(), index

"""The usual YAML slips of someone editing the guide, told in their words at the line to change,
with the line as it should be written when it is short (loading/yaml_mistakes.py)."""
from pathlib import Path

import pytest

from generator.loading.yaml_source import YamlFileError, read_yaml_text

ENTRY = "entries:\n  - id: a\n"

CASES = [
    ("a colon in a text", ENTRY + "    title: Follow up: politely\n",
     "3:21", "the text of 'title' has a colon followed by a space (': '), which YAML reads as the start of a new "
             "name; put the whole text in quotes, like this: title: \"Follow up: politely\""),
    ("curly quotes pasted from a word processor", ENTRY + "    title: “Book a debrief”: with an adviser\n",
     "3:28", "the text of 'title' has a colon followed by a space (': '), which YAML reads as the start of a new "
             "name; put the whole text in quotes (curly quotes “ ” are not YAML's quotes: they stay part of the "
             "text), like this: title: \"“Book a debrief”: with an adviser\""),
    ("a Markdown emphasis first", ENTRY + "    body: *Really* do this\n",
     "3:11", "the text of 'body' starts with '*', which YAML gives a special meaning (a repeat of a marked value); "
             "put the whole text in quotes, like this: body: \"*Really* do this\""),
    ("curly quotes around the whole text", ENTRY + "    title: “Book a debrief: with an adviser”\n",
     "3:27", "the text of 'title' has a colon followed by a space (': '), which YAML reads as the start of a new "
             "name; put the whole text in quotes (curly quotes “ ” are not YAML's quotes: type straight ones), like "
             "this: title: \"Book a debrief: with an adviser\""),
    ("a quote not closed, the next text quoted", ENTRY + "    title: \"Book a debrief\n    summary: \"Talk: soon.\"\n",
     "3:12", "the text of 'title' starts with a quote (\") that is not closed on this line, so YAML reads on into the "
             "lines below; add the closing \" at the end of the text"),
    ("a quote not closed, far above", "site_name: \"Riverside Careers\ntheme:\n  name: material\n  palette:\n"
     "    - media: \"(prefers-color-scheme: light)\"\n",
     "1:12", "the text of 'site_name' starts with a quote (\") that is not closed on this line, so YAML reads on into "
             "the lines below; add the closing \" at the end of the text"),
    ("a tab after a dash", "entries:\n  -\tid: a\n    title: x\n",
     "2:4", "a tab is used here, after a dash or a colon; YAML needs a space: replace the tab"),
    ("a text rightly on two lines, a slip below it", ENTRY + "    title: \"A long\n      title\"\n    summary: Ask: soon\n",
     "5:17", "the text of 'summary' has a colon followed by a space (': '), which YAML reads as the start of a new "
             "name; put the whole text in quotes, like this: summary: \"Ask: soon\""),
    ("a Markdown link first", ENTRY + "    summary: [Read more](x.md) today\n",
     "3:14", "the text of 'summary' starts with '[', which YAML reads as a list; put the whole text in quotes, "
             "like this: summary: \"[Read more](x.md) today\""),
    ("a blank first", ENTRY + "    title: {center-name} helps\n",
     "3:12", "the text of 'title' starts with '{', which YAML reads as a group; put the whole text in quotes, "
             "like this: title: \"{center-name} helps\""),
    ("an apostrophe in single quotes", ENTRY + "    title: 'Don't wait'\n",
     "3:12", "the text of 'title' starts with a single quote ('), so YAML takes the next ' (as in \"don't\") as "
             "its end; put the whole text in quotes, like this: title: \"Don't wait\""),
    ("quotes around part of a text", ENTRY + "    title: \"Thanks\" again\n",
     "3:12", "the text of 'title' goes on after its closing quote; put the whole text in quotes, like this: "
             "title: '\"Thanks\" again'"),
    ("a character YAML keeps", ENTRY + "    title: @home\n",
     "3:12", "the text of 'title' starts with '@', which YAML does not allow at the start of a text; put the "
             "whole text in quotes, like this: title: \"@home\""),
    ("text after a block's bar", ENTRY + "    body: | hello\n      world\n",
     "3:11", "after '|' the text starts on the next line, indented further than 'body'; move the text down"),
    ("no space after a colon", ENTRY + "    title:x\n    summary: y\n",
     "3:10", "put a space after the colon of 'title': YAML reads a name only from a colon followed by a space"),
    ("no space after a dash", "entries:\n  -id: a\n    title: x\n",
     "2:4", "a list item needs a space after its dash: write '- ' before the name"),
    ("a name indented too far", ENTRY + "    title: x\n     summary: y\n",
     "4:6", "this line starts in column 6, not lined up with the name on the line above, which starts in "
            "column 5; the names of one entry, and the dashes of one list, start in the same column (indent "
            "with spaces)"),
    ("a name not indented enough", ENTRY + "    title: x\n   summary: y\n",
     "4:4", "this line starts in column 4, not lined up with the name on the line above, which starts in "
            "column 5; the names of one entry, and the dashes of one list, start in the same column (indent "
            "with spaces)"),
    ("a list item out of line", ENTRY + "    title: x\n - id: b\n    title: y\n",
     "4:2", "this line starts in column 2, not lined up with the lines above it; the names of one entry, and "
            "the dashes of one list, start in the same column (indent with spaces)"),
    ("a line without a name", ENTRY + "    title: x\n    title2 y\n",
     "4:5", "this line has no name before its text; write the name, a colon and a space, then the text (as "
            "'title: ...'), or indent the line if it continues the text above"),
]


@pytest.mark.parametrize("text, where, message", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_usual_slip_is_named_at_its_line(text, where, message):
    with pytest.raises(YamlFileError) as raised:
        read_yaml_text(Path("content/advice/ours.yml"), text, {})
    assert [str(problem) for problem in raised.value.problems] == [
        f"content/advice/ours.yml:{where}: YAML syntax error: {message}"]


def test_a_long_line_is_described_rather_than_written_out():
    long = "Follow up politely, once, about a week after the date they gave: " + "no sooner " * 5
    with pytest.raises(YamlFileError) as raised:
        read_yaml_text(Path("x.yml"), ENTRY + f"    title: {long}\n", {})
    assert str(raised.value).endswith("put the whole text in quotes")


def test_a_slip_with_no_usual_cause_keeps_yamls_own_words():
    with pytest.raises(YamlFileError) as raised:
        read_yaml_text(Path("x.yml"), "%oops\nentries: []\n", {})
    assert str(raised.value) == ("x.yml:1:6: YAML syntax error: found unknown directive name while scanning a "
                                 "directive that starts at line 1; check the indentation, colons and quotes there")


@pytest.mark.parametrize("text", ['labels: {home: "\\ud800"}\n', "x: " + "[" * 2000 + "]" * 2000 + "\n"],
                         ids=["a wrong escape inside quotes", "lists in lists beyond the limit"])
def test_an_error_inside_a_text_or_beyond_a_limit_gets_no_advice_to_quote_it(text):
    """Following "put the whole text in quotes" there would turn a whole group into one text."""
    with pytest.raises(YamlFileError) as raised:
        read_yaml_text(Path("x.yml"), text, {})
    assert "in quotes, like this" not in str(raised.value) and "check the indentation" in str(raised.value)


def test_every_suggested_line_reads_as_the_text_that_was_meant():
    """The line a message offers is YAML that reads: pasted in, the file loads."""
    import re
    for name, text, _, message in CASES:
        offered = re.search(r"like this: (\w+): (.*)$", message)
        if offered:
            line = next(line for line in text.splitlines() if line.strip().startswith(offered[1] + ":"))
            fixed = text.replace(line, line[: line.index(offered[1])] + f"{offered[1]}: {offered[2]}")
            read_yaml_text(Path("x.yml"), fixed, {})  # raises if the offered line does not read

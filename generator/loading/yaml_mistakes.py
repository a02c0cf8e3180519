"""What a YAML syntax error most likely means, in the words of someone editing the guide.

libyaml says what its grammar expected ("mapping values are not allowed in this context", "did
not find expected '-' indicator"). The mistakes behind those words are few: a text with ': ' in
it, a text that starts with a character YAML reserves, curly quotes pasted from a word
processor, a line not lined up with its neighbours. `explain` looks at the line the error points
to and names the mistake, with the line as it should be written when that is short enough to show.
"""
from __future__ import annotations

import re

# `  - name: value` (the dash and the name each optional): the indentation with any dashes, the
# name, and the value with where it starts.
_LINE = re.compile(r"(?P<lead>[ ]*(?:-[ ]+)*)(?:(?P<name>[\w-]+):(?:[ ]+|$))?(?P<value>.*)")

# Characters that give a text a meaning of its own in YAML when they come first.
_STARTERS = {
    "[": "reads as a list", "{": "reads as a group", "*": "gives a special meaning (a repeat of a marked value)",
    "&": "gives a special meaning (a mark to repeat a value)", "!": "reads as a tag", "|": "reads as a block of text",
    ">": "reads as a block of text", "%": "reads as a directive", "?": "reads as the start of a name",
    "@": "does not allow at the start of a text", "`": "does not allow at the start of a text",
}
_CURLY = "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_SHOWN = 70  # a suggested line longer than this is described rather than shown


def explain(text: str, error) -> tuple[int, int, str] | None:
    """(line, column, message), 0-based, for a libyaml error whose cause is recognised; else None."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return None
    lines = text.split("\n")
    number = min(mark.line, len(lines) - 1)
    if problem.startswith("could not find expected ':'") and error.context_mark is not None:
        return _no_colon(lines, error.context_mark.line)
    opened = _quote_left_open(lines, number)
    if opened is not None:
        return opened
    if "escape" in problem or "nesting depth" in problem:
        return None  # inside a quoted text, or lists in lists beyond libyaml's limit: its own words say it
    if "\t" == lines[number][mark.column:mark.column + 1] and "cannot start any token" in problem:
        return number, mark.column, "a tab is used here, after a dash or a colon; YAML needs a space: replace the tab"
    line = _LINE.fullmatch(lines[number].rstrip("\r"))  # always matches: every part is optional
    start = line.start("value")  # where the text begins, after the name, its colon and the spaces
    value = line["value"].rstrip()
    curly = any(quote in value for quote in _CURLY)
    if problem.startswith("mapping values are not allowed"):
        if line["name"] and mark.column > start:  # a ': ' inside the value
            return number, mark.column, _quote_it(
                line, "has a colon followed by a space (': '), which YAML reads as the start of a new name",
                curly)
        return _misaligned(lines, number)
    if problem.startswith(("did not find expected key", "expected <block end>")) and line["name"]:
        if value[:1] == "'":
            return number, start, _quote_it(
                line, "starts with a single quote ('), so YAML takes the next ' (as in \"don't\") as its end")
        if value[:1] == '"':
            return number, start, _quote_it(
                line, "goes on after its closing quote")
        if value[:1] in _STARTERS:
            return number, start, _quote_it(line, _starter(value[0]))
    if value[:1] in ("|", ">") and "block scalar" in (error.context or ""):
        return number, start, (
            f"after '{value[0]}' the text starts on the next line, indented further than "
            f"'{line['name'] or 'the name'}'; move the text down")
    if value[:1] in _STARTERS and line["name"] and mark.column >= start:
        return number, start, _quote_it(line, _starter(value[0]), curly)
    if curly and line["name"]:
        return number, start, _quote_it(line, "has curly quotes (“ ”), which YAML does not read as quotes")
    if problem.startswith(("did not find expected key", "did not find expected '-' indicator")):
        return _misaligned(lines, number)
    return None


def _quote_left_open(lines: list[str], number: int) -> tuple[int, int, str] | None:
    """A text whose opening quote is not closed on its own line, above the line YAML stopped at:
    YAML read on through the lines below to the next quote, so the error shows up there. Only
    the nearest quote of each kind above is looked at (one that opens and closes on a line of
    its own ends the search for that kind: a text may rightly span lines)."""
    kinds = {'"', "'"}
    for above in range(number - 1, -1, -1):
        text = lines[above]
        if text.lstrip().startswith("#"):
            continue  # a note, or the runaway text itself
        line = _LINE.fullmatch(text.rstrip("\r"))
        value = line["value"].rstrip()
        if line["name"] and value[:1] in kinds and not _closed(value):
            quote = value[0]
            return above, line.start("value"), (
                f"the text of '{line['name']}' starts with a quote ({quote}) that is not closed on this line, so "
                f"YAML reads on into the lines below; add the closing {quote} at the end of the text")
        kinds -= {quote for quote in kinds if quote in text}
        if not kinds:
            return None
    return None


def _closed(value: str) -> bool:
    """Whether a value that starts with a quote ends it on the same line."""
    quote, rest = value[0], value[1:]
    if quote == "'":
        rest = rest.replace("''", "")  # a doubled ' is one ' inside the text
    else:
        rest = re.sub(r"\\.", "", rest)  # an escaped character, such as \"
    return quote in rest


def _starter(character: str) -> str:
    return f"starts with '{character}', which YAML {_STARTERS[character]}"


def _quote_it(line: re.Match, why: str, curly: bool = False) -> str:
    """The message for a value that needs quotes, with the line written that way when it is short."""
    message = f"the text of '{line['name']}' {why}; put the whole text in quotes"
    value = line["value"].rstrip()
    if curly and value[:1] in "\u201c\u201e\u00ab" and value[-1:] in "\u201d\u201c\u00bb":
        value = value[1:-1]  # curly quotes around the whole text were meant as its quotes
        message += " (curly quotes “ ” are not YAML's quotes: type straight ones)"
    elif curly:
        message += " (curly quotes “ ” are not YAML's quotes: they stay part of the text)"
    elif len(value) > 1 and value[0] == value[-1] == "'" and '"' not in value:
        value = value[1:-1]  # the single quotes were meant around the whole text
    if '"' not in value:
        fixed = f'{line["name"]}: "{value}"'
    elif "'" not in value:
        fixed = f"{line['name']}: '{value}'"  # double quotes inside the text: single ones around it
    else:
        return message
    return message + (f", like this: {fixed}" if len(fixed) <= _SHOWN else "")


def _no_colon(lines: list[str], number: int) -> tuple[int, int, str]:
    text = lines[number]
    indent = len(text) - len(text.lstrip(" -"))
    glued = re.match(r"[ ]*(?:-[ ]+)*([\w-]+):(\S)", text)
    if glued:
        return number, glued.end(1), (
            f"put a space after the colon of '{glued[1]}': YAML reads a name only from a colon followed by a space")
    return number, indent, ("this line has no name before its text; write the name, a colon and a space, then "
                            "the text (as 'title: ...'), or indent the line if it continues the text above")


def _misaligned(lines: list[str], number: int) -> tuple[int, int, str]:
    """A line that does not line up with its neighbours: said with the columns that would."""
    text = lines[number]
    column = len(text) - len(text.lstrip(" "))
    above = next((i for i in range(number - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
                 None)
    dash = re.match(r"([ ]*)-[^\s-]", lines[above]) if above is not None else None
    if dash:
        return above, len(dash[1]) + 1, "a list item needs a space after its dash: write '- ' before the name"
    name_column = _names_column(lines[above]) if above is not None else None
    if text.lstrip().startswith("- "):
        where = "the lines above it"
    elif name_column is not None and name_column != column:
        where = f"the name on the line above, which starts in column {name_column + 1}"
    else:
        where = "the names of the same entry above it"
    return number, column, (
        f"this line starts in column {column + 1}, not lined up with {where}; the names of one entry, "
        "and the dashes of one list, start in the same column (indent with spaces)")


def _names_column(line: str) -> int | None:
    """Where the name of a `name: value` line starts (after any dashes), or None."""
    found = _LINE.fullmatch(line)
    return len(found["lead"]) if found and found["name"] else None

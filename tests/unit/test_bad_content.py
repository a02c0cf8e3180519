"""Each folder of tests/fixtures/bad-content lays a few files over the default content;
loading must fail with exactly the messages in its expected.txt."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.loading.loader import load_knowledge_base
from generator.problems import ContentError

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "bad-content"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_bad_content_is_reported_with_file_line_and_column(case, guide_copy):
    shutil.copytree(CASES / case / "content", guide_copy / "content", dirs_exist_ok=True)
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()

    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"))

    assert [str(problem) for problem in raised.value.problems] == expected

"""Each folder of tests/fixtures/bad-overlays is a career center's overlay laid over the default
guide; loading must fail with exactly the messages in its expected.txt, each pointing at the
overlay file the center wrote (the overlay is merged before anything is validated)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.loading.loader import load_knowledge_base
from generator.problems import ContentError

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "bad-overlays"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_a_bad_overlay_is_reported_at_the_line_the_center_wrote(case, guide_copy):
    shutil.copytree(CASES / case / "overlay", guide_copy / "overlay")
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()

    with pytest.raises(ContentError) as raised:
        load_knowledge_base(Path("content"), Path("overlay"))

    assert [str(problem) for problem in raised.value.problems] == expected


def test_hiding_a_step_together_with_the_steps_that_depend_on_it_is_fine(guide_copy):
    (guide_copy / "overlay").mkdir()
    (guide_copy / "overlay/changes.yml").write_text("hide:\n  entries: [send-one-follow-up, close-the-loop]\n")
    kb = load_knowledge_base(Path("content"), Path("overlay"))
    assert "send-one-follow-up" not in kb.entries and "close-the-loop" not in kb.entries
    assert kb.moments["follow-up"].reached_by is None


def test_a_bad_overlay_makes_validate_exit_1_with_its_lines_and_no_traceback(guide_copy, capsys):
    from generator.cli import main

    shutil.copytree(CASES / "timing-of-only" / "overlay", guide_copy / "overlay")
    config = guide_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("content_dir: content", "content_dir: content\n      overlay_dir: overlay"))
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "StopIteration" not in err
    assert err.splitlines() == [
        "overlay/changes.yml:4:15: a timing needs exactly one of 'within', 'after' or 'every'",
        "1 problem in the content; nothing was built.",
    ]

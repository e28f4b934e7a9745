"""``carepath`` opening the window skips argparse; it must mean exactly what argparse says."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carepath.arguments import build_parser
from carepath.cli import window_arguments

WORDS = st.sampled_from(
    ["--data", "--lang", "--data=", "--lang=", "en", "es", "fr", "-", "--", "-x", "--dat",
     "assess", "skills", "--help", "--self-test", "rec.json", "my file.json", "--data=a.json",
     "--lang=es", "--lang=de", "=", "communication=3"]
)  # fmt: skip


def _argparse_view(argv: list[str]) -> tuple[Path | None, str | None] | None:
    """What argparse makes of ``argv`` when it only opens the window; None otherwise."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit:
        return None
    if args.command is not None or args.self_test:
        return None
    return args.data, args.lang


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, None)),
        (["--data", "rec.json"], (Path("rec.json"), None)),
        (["--data=rec.json", "--lang", "es"], (Path("rec.json"), "es")),
        (["--lang=en"], (None, "en")),
        (["--lang", "fr"], None),  # argparse explains the choices
        (["--data"], None),
        (["--help"], None),
        (["--data", "rec.json", "skills"], None),
        (["--data", "a.json", "--data", "b.json"], None),
        (["--dat", "rec.json"], None),  # argparse accepts abbreviations; the fast path does not
    ],
)
def test_window_arguments(argv: list[str], expected: object) -> None:
    assert window_arguments(argv) == expected


@given(st.lists(WORDS, max_size=5))
def test_the_fast_path_agrees_with_argparse(argv: list[str]) -> None:
    fast = window_arguments(argv)
    if fast is not None:  # when it answers, argparse answers the same
        assert _argparse_view(argv) == fast

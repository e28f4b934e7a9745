"""The ``carepath`` command line's grammar: every option and command, and their help.

Kept apart from ``carepath.cli`` so that opening the window, which needs none of it, never builds
the parser (``cli.window_arguments``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from carepath import LANGUAGES, __version__
from carepath.cli_team import add_share_options, add_team_parser
from carepath.core.paths import DATA_ENV, default_data_path
from carepath.path_command import add_path_parser

EXPORT_FORMATS = ("pdf", "html", "md", "json", "csv", "share")
PAPER_SIZES = ("a4", "letter")
DESCRIPTION = (
    "CarePath: rate yourself on the fifteen essential care-coordinator skills, see where you stand "
    "and export a personal development plan. Private and offline: one data file that you own."
)
EPILOG = (
    f"--data defaults to ${DATA_ENV}, then to where Preferences moved the file, then to "
    "carepath.json in your user data folder. "
    "Levels are 1 Novice, 2 Advanced beginner, 3 Competent, 4 Proficient, 5 Expert."
)


def build_parser() -> argparse.ArgumentParser:
    data_help = f"the data file (default: ${DATA_ENV}, the moved file, or {default_data_path()})"
    parser = argparse.ArgumentParser(prog="carepath", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"CarePath {__version__}")
    parser.add_argument("--data", type=Path, metavar="FILE", help=data_help)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen, draw every page and chart, export every format to a "
        "temporary folder, print timings and exit",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="interface and plan language")

    # Subcommands accept --data too; SUPPRESS keeps "carepath --data F assess" working.
    with_data = argparse.ArgumentParser(add_help=False)
    with_data.add_argument(
        "--data", type=Path, metavar="FILE", default=argparse.SUPPRESS, help=data_help
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("skills", help="list skill ids, names, and the level scale")

    assess = commands.add_parser(
        "assess",
        parents=[with_data],
        help="save one assessment (skills not named: not rated)",
        description="Save one assessment. Skills you do not name are saved as not rated yet.",
    )
    assess.add_argument("--note", default="", metavar="TEXT", help="a note for this assessment")
    assess.add_argument(
        "ratings", nargs="*", metavar="SKILL=LEVEL", help="e.g. communication=3 ethics=4"
    )

    export = commands.add_parser(
        "export",
        parents=[with_data],
        help="plan as pdf/html/md; json = full backup; csv = history; share = for a manager",
    )
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--out", required=True, type=Path, metavar="PATH")
    export.add_argument(
        "--paper", choices=PAPER_SIZES, help="PDF paper size (default: from your locale)"
    )
    add_share_options(export)

    restore = commands.add_parser(
        "import", parents=[with_data], help="validate a backup, then merge it all or nothing"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP.json")

    add_review_commands(commands, with_data)

    demo = commands.add_parser("demo", help="write a realistic sample record (a year of history)")
    demo.add_argument("--data", type=Path, metavar="FILE", required=True, help="a new data file")
    add_path_parser(commands, with_data)
    add_team_parser(commands)
    return parser


def add_review_commands(
    commands: argparse._SubParsersAction, with_data: argparse.ArgumentParser
) -> None:  # type: ignore[type-arg]
    """``review-request`` and ``import-review`` (``carepath.review_commands``)."""
    ask = commands.add_parser(
        "review-request",
        parents=[with_data],
        help="one offline HTML form a mentor fills in any browser",
        description="Write a review form for a mentor, supervisor or peer. It works offline in "
        "any browser; their answers come back as a small .json file for import-review.",
    )
    ask.add_argument("--out", required=True, type=Path, metavar="REQUEST.html")
    ask.add_argument("--reviewer", metavar="NAME", help="the reviewer's name, filled in for them")
    ask.add_argument("--message", metavar="TEXT", help="a short message shown at the top")
    ask.add_argument(
        "--name", metavar="NAME", help="your name as the reviewer knows you (default: the record's)"
    )
    ask.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="the form's language"
    )
    answer = commands.add_parser(
        "import-review",
        parents=[with_data],
        help="validate a mentor's answer, then add it all or nothing",
    )
    answer.add_argument("response", type=Path, metavar="RESPONSE.json")

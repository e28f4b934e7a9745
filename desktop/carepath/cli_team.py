"""The command line's team commands: ``carepath team FOLDER`` and ``export --format share``.

``team`` reads a folder of backups and shares (``core.team``) and writes the team report
(``export.team_report``). It never writes into the folder: an ``--out`` inside it is refused
before anything is read. Each skipped file is named on stderr with its reason, one line each, and
does not change the exit status; only a folder with nobody readable in it is a failure.

The CSV path imports neither Qt nor matplotlib, so a report of 500 people costs little more than
reading their files (the benchmark in tests/benchmarks/team_bench.py holds it to that).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carepath import LANGUAGES
from carepath.core.errors import UsageError

if TYPE_CHECKING:
    from carepath.core.team import Skipped

#: The team report's formats (``export.team_report.REPORT_FORMATS``, not imported here: building
#: the parser for any command should not load the report's code).
REPORT_FORMATS = ("pdf", "html", "csv")


def add_team_parser(commands: Any) -> None:
    """The ``team`` subcommand's grammar (``commands`` is the parser's subparsers object)."""
    from carepath.core.catalogue import STAGE_IDS

    team = commands.add_parser(
        "team",
        help="a team report from the backups and shares in FOLDER (read-only)",
        description="Read every CarePath backup or share in FOLDER (not its subfolders) and "
        "write a team report. Files that cannot be used are named on stderr and skipped; "
        "nothing in FOLDER is ever written.",
    )
    team.add_argument("folder", type=Path, metavar="FOLDER")
    team.add_argument("--format", required=True, choices=REPORT_FORMATS)
    team.add_argument("--out", required=True, type=Path, metavar="PATH")
    team.add_argument(
        "--stage",
        choices=STAGE_IDS,
        help="compare with this stage's targets (default: the team's most common stage)",
    )
    team.add_argument("--paper", choices=("a4", "letter"), help="PDF paper size (default: a4)")
    # Also after the command ("team F --lang es"); SUPPRESS keeps "carepath --lang es team".
    team.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="the report's language"
    )


def add_share_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="with --format share: keep your notes and evidence text in the share",
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().parent == folder.resolve()
    except OSError:
        return False


def command_team(
    folder: Path, fmt: str, out: Path, stage: str | None, language: str, paper: str | None
) -> int:
    from carepath.cli_language import say as _t
    from carepath.core.team import read_team

    if not folder.is_dir():
        raise UsageError(
            _t("{folder} is not a folder; give the folder that holds the shares.").format(
                folder=folder
            )
        )
    if _inside(out, folder):
        raise UsageError(
            _t(
                "{out} is inside the team folder, which CarePath never writes to; "
                "choose --out in another folder."
            ).format(out=out)
        )
    try:
        team = read_team(folder)
    except PermissionError:
        raise UsageError(
            _t("You may not read the folder {folder}; choose one you can read.").format(
                folder=folder
            )
        ) from None
    for skipped in team.skipped:
        print("carepath: " + _t("skipped {file}").format(file=_skip_line(skipped)), file=sys.stderr)
    if not team.members:
        raise UsageError(
            _t(
                "No CarePath backup or share in {folder} could be read; put the .json files "
                "people shared with you (File > Share with my manager) in it."
            ).format(folder=folder)
        )
    if fmt == "csv":  # ids and levels only: no catalogue, no report wording to load
        from carepath.core.atomic import write_atomic
        from carepath.export.team_csv import team_csv

        write_atomic(out, team_csv(team.members).encode("utf-8"))
        print(
            _t("Wrote {out}: {people} people, {skipped} files skipped.").format(
                out=out, people=len(team.members), skipped=len(team.skipped)
            )
        )
        return 0
    from carepath.core.catalogue import STAGE_IDS, load_catalogue
    from carepath.core.team import default_stage
    from carepath.export.team_report import build_report, write_report

    catalogue = load_catalogue(language)
    chosen = stage or default_stage(team.members, STAGE_IDS)
    report = build_report(team, catalogue, chosen)
    write_report(report, fmt, out, paper or "a4")
    print(
        _t(
            "Wrote {out}: {people} people, {skipped} files skipped, compared with the stage "
            "{stage}."
        ).format(out=out, people=len(team.members), skipped=len(team.skipped), stage=chosen)
    )
    return 0


def _skip_line(skipped: Skipped) -> str:
    """``file: why`` for stderr; outside English, the why is the team report's own wording."""
    from dataclasses import replace

    from carepath.cli_language import command_language as _language

    language = _language()
    if language == "en":
        return skipped.sentence()
    from carepath.export.team_report import skip_text

    return replace(skipped, detail=skip_text(skipped, language)).sentence()


def share_bytes(backup: dict[str, Any], include_notes: bool) -> bytes:
    """A share of ``backup`` as the JSON the export writes (same layout as the backup's)."""
    import json

    from carepath.core.share import make_share

    share = make_share(backup, include_notes=include_notes)
    return json.dumps(share, ensure_ascii=False, indent=1).encode("utf-8")

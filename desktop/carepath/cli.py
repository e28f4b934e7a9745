"""The ``carepath`` command line: open the app, or work on the data file without a window.

Exit status is a promise to scripts (DESIGN.md): 0 done; 1 the request could not be carried out,
with one plain sentence on stderr and the data file unchanged; 2 wrong usage (argparse's own).
Every argument is checked before the data file is opened, so a typo never touches the record.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from carepath import LANGUAGES
from carepath.cli_language import choose_language, command_language, error_language, say
from carepath.core.errors import CarePathError, UsageError

if TYPE_CHECKING:
    import argparse

    from carepath.core.models import Record

# The parser (carepath.arguments), the content catalogue, the record's models and the storage are
# imported by the commands that use them: opening the window needs none of them before its first
# paint (docs/BENCHMARKS.md, cli_lazy_commands: the window is opened through this module).


def parse_ratings(items: Sequence[str]) -> dict[str, int]:
    """``SKILL=LEVEL`` words into ratings, or UsageError naming the first bad word and the fix."""
    import difflib

    from carepath.core.catalogue import SKILL_IDS
    from carepath.core.models import LEVEL_MAX, LEVEL_MIN

    if not items:
        raise UsageError(
            say(
                "No ratings given; name at least one as SKILL=LEVEL, e.g. communication=3 "
                "(see carepath skills)."
            )
        )
    ratings: dict[str, int] = {}
    for item in items:
        skill, sep, level_text = item.partition("=")
        skill = skill.strip()
        level_text = level_text.strip()
        if not sep or not skill:
            raise UsageError(
                say("'{item}' is not SKILL=LEVEL; write it like communication=3.").format(item=item)
            )
        if skill not in SKILL_IDS:
            close = difflib.get_close_matches(skill.lower(), SKILL_IDS, n=1, cutoff=0.5)
            if close:
                hint = say("did you mean '{skill}'?").format(skill=close[0])
            else:
                hint = say("see carepath skills for the list.")
            raise UsageError(say("Unknown skill '{skill}'; {hint}").format(skill=skill, hint=hint))
        if not level_text:
            raise UsageError(
                say("'{item}' has no level; give a number from {low} to {high}.").format(
                    item=item, low=LEVEL_MIN, high=LEVEL_MAX
                )
            )
        try:
            level = int(level_text)
        except ValueError:
            level = 0
        if str(level) != level_text.lstrip("+") or not LEVEL_MIN <= level <= LEVEL_MAX:
            raise UsageError(
                say(
                    "Level '{level}' for {skill} is not allowed; use a whole number from "
                    "{low} (Novice) to {high} (Expert)."
                ).format(level=level_text, skill=skill, low=LEVEL_MIN, high=LEVEL_MAX)
            )
        if skill in ratings:
            raise UsageError(
                say("{skill} is rated twice; give each skill once.").format(skill=skill)
            )
        ratings[skill] = level
    return ratings


def command_skills() -> int:
    """The skill ids (what ``assess`` takes) with their names and the level scale, in the
    language of ``--lang`` (then Preferences, then the system), like every other command."""
    from carepath.core.catalogue import load_catalogue
    from carepath.export.plan_text import t

    language = command_language()
    catalogue = load_catalogue(language)
    width = max(len(s.id) for s in catalogue.skills)
    print(t("Skills:", language))
    for skill in catalogue.skills:
        print(f"  {skill.id:<{width}}  {skill.name}")
    print("\n" + t("Levels:", language))
    for level in catalogue.levels:
        print(f"  {level.value}  {level.name} — {level.meaning}")
    print(
        "\n"
        + t(
            "A skill you do not rate is saved as 'not rated yet' and left out of averages.",
            language,
        )
    )
    return 0


def command_assess(data: Path, ratings_words: Sequence[str], note: str) -> int:
    from carepath.core.models import Assessment
    from carepath.core.storage import DataStore

    ratings = parse_ratings(ratings_words)
    if not _is_text(note):
        raise UsageError(
            say("The note holds bytes that are not UTF-8 text; type it again in a UTF-8 terminal.")
        )
    with DataStore.open(data) as store:
        store.add_assessment(Assessment.create(ratings, note=note))
        count = len(store.record().assessments)
    print(
        say("Saved an assessment of {skills} skills to {data} ({count} in all).").format(
            skills=len(ratings), data=data, count=count
        )
    )
    return 0


def _is_text(value: str) -> bool:
    """False for a string carrying undecodable bytes (Python keeps them as lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def command_export(
    data: Path, fmt: str, out: Path, paper: str | None, include_notes: bool = False
) -> int:
    from carepath.core.atomic import write_atomic
    from carepath.core.backup import write_backup
    from carepath.core.catalogue import load_catalogue

    record = read_record(data)
    if fmt == "json":
        write_backup(record, out)
    elif fmt == "share":
        from carepath.cli_team import share_bytes
        from carepath.core.backup import build_backup

        write_atomic(out, share_bytes(build_backup(record), include_notes))
    elif fmt == "csv":
        from carepath.export.history_csv import history_csv

        write_atomic(out, history_csv(record.assessments).encode("utf-8"))
    else:
        from carepath.core.paper import system_paper
        from carepath.export.plan import export_plan

        export_plan(
            record,
            load_catalogue(command_language()),
            fmt,
            out,
            paper=paper or system_paper(),
        )
    print(say("Wrote {out}").format(out=out))
    return 0


def read_record(data: Path) -> Record:
    """The record in ``data`` for a command that only reads it (export, path, team): no lock is
    taken and nothing is written, so it works while the window has the file open. Every save is
    an atomic rename, so the bytes read are one whole version of the record."""
    from carepath.core.datafile import inspect_file

    return inspect_file(data)


def command_import(data: Path, backup_path: Path) -> int:
    from carepath.core.backup import load_backup_file, validate_backup
    from carepath.core.storage import DataStore

    document = load_backup_file(backup_path)
    validate_backup(document)  # before the record is opened: a refusal must not create it
    with DataStore.open(data) as store:
        report = store.import_backup(document)
    print(
        say(
            "Imported {added} new assessments ({skipped} already present), {goals} goals and "
            "{steps} steps into {data}."
        ).format(
            added=report.assessments_added,
            skipped=report.assessments_skipped,
            goals=report.goals_added,
            steps=report.steps_updated,
            data=data,
        )
    )
    return 0


def command_demo(data: Path) -> int:
    from carepath.core.demo import build_demo_record
    from carepath.core.storage import DataStore

    if data.exists() and data.stat().st_size > 0:
        raise UsageError(
            say("{data} already exists; demo writes only a new file, so give another path.").format(
                data=data
            )
        )
    record = build_demo_record(language=command_language())
    with DataStore.open(data) as store:
        store.replace_record(record)
    print(
        say("Wrote a sample record with {count} assessments to {data}.").format(
            count=len(record.assessments), data=data
        )
    )
    return 0


def data_path(flag: Path | None) -> Path:
    """The file a command works on: the same rule as the window (``core.paths``).

    A file moved in Preferences by CarePath 0.1 is remembered in Qt's settings; the first command
    (or window) that finds no note of ``core.paths`` moves that memory there, so the command line
    never opens a different file from the window. Only that first time pays for Qt's settings.
    """
    from carepath.core.paths import DATA_ENV, location_noted, resolve_data_path

    if flag is None and not os.environ.get(DATA_ENV) and not location_noted():
        try:
            from carepath.ui.settings import migrate_data_file
        except ImportError:  # a build without Qt: there is nothing to migrate
            pass
        else:
            migrate_data_file()
    return resolve_data_path(flag)


def dispatch(args: argparse.Namespace) -> int:
    choose_language(args.lang)
    if args.self_test:
        from carepath.ui.self_test import run_self_test

        return run_self_test(args.data, language=args.lang)
    if args.command is None:
        return open_window(args.data, args.lang)
    if args.command == "skills":
        return command_skills()
    if args.command == "team":
        from carepath.cli_team import command_team

        lang = args.lang or ("en" if args.format == "csv" else command_language())
        return command_team(args.folder, args.format, args.out, args.stage, lang, args.paper)
    data = data_path(args.data)
    if args.command == "assess":
        return command_assess(data, args.ratings, args.note)
    if args.command == "export":
        return command_export(data, args.format, args.out, args.paper, args.include_notes)
    if args.command == "import":
        return command_import(data, args.backup)
    if args.command == "demo":
        return command_demo(args.data)
    if args.command == "path":
        from carepath.path_command import command_path

        return command_path(data, args.from_stage, args.to_stage, command_language())
    if args.command in ("review-request", "import-review"):
        from carepath.review_commands import dispatch_review

        return dispatch_review(args, data, command_language())
    raise AssertionError(args.command)


def window_arguments(argv: Sequence[str]) -> tuple[Path | None, str | None] | None:
    """``(data, lang)`` when ``argv`` only opens the window, in the plainest spelling; else None.

    Opening the window is what a desktop launcher does every time, and for it building the
    argparse parser (6-8 ms on a 2-core machine, ``argv_preparser`` in docs/BENCHMARKS.md) is
    skipped.
    Only ``--data FILE``, ``--lang en|es`` (each at most once, also as ``--opt=value``) qualify;
    anything else, a command, ``--help``, an abbreviation or a bad value, goes through argparse.
    """
    found: dict[str, str] = {}
    words = list(argv)
    while words:
        name, equals, value = words.pop(0).partition("=")
        if name not in ("--data", "--lang") or name in found:
            return None
        if not equals:
            if not words:
                return None
            value = words.pop(0)
        if not value or value.startswith("-"):
            return None
        found[name] = value
    language = found.get("--lang")
    if language is not None and language not in LANGUAGES:
        return None
    data = found.get("--data")
    return (Path(data) if data is not None else None), language


def open_window(data: Path | None, language: str | None) -> int:
    choose_language(language)
    from carepath.ui.app import run_app

    return run_app(data, sys.argv[:1], language=language)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    window = window_arguments(words)
    try:
        if window is not None:
            return open_window(*window)
        from carepath.arguments import build_parser

        return dispatch(build_parser().parse_args(words))
    except CarePathError as error:
        from carepath.cli_messages import error_sentence

        print(f"carepath: {error_sentence(error, error_language())}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        from carepath.cli_messages import interrupted

        print(f"carepath: {interrupted(error_language())}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``carepath skills | head``): nothing is wrong with the request.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        from carepath.cli_messages import os_error_sentence

        print(f"carepath: {os_error_sentence(error, error_language())}", file=sys.stderr)
        return 1


def main_gui() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main()

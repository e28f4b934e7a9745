"""``carepath path``: the steps from one career stage to a higher one, with typical durations.

Read-only: with ``--from`` and ``--to`` it needs no data file at all; otherwise it reads the
record's current and target stages without taking the file's lock (``inspect_file`` only reads,
and every save is an atomic rename), so it works while the app has the file open.

Everything it prints comes from the catalogue in the chosen language (stage names, step titles,
typical durations), so ``--lang es`` prints Spanish without a table of its own.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from carepath import LANGUAGES
from carepath.core.catalogue import STAGE_IDS, Catalogue, Step
from carepath.core.errors import UsageError

STAGE_ORDER = ", ".join(STAGE_IDS)


def add_path_parser(
    commands: argparse._SubParsersAction, with_data: argparse.ArgumentParser
) -> None:
    """The ``path`` subcommand's arguments (a bad stage is a usage error: exit 2)."""
    parser = commands.add_parser(
        "path",
        parents=[with_data],
        help="the steps from one stage to another, in order, with typical durations",
        description="Print the steps from one career stage to a higher one, in order, with "
        "their typical durations. Without --from or --to, the record's current and target "
        f"stages are used. Stages, lowest first: {STAGE_ORDER}.",
    )
    parser.add_argument("--from", dest="from_stage", choices=STAGE_IDS, metavar="STAGE")
    parser.add_argument("--to", dest="to_stage", choices=STAGE_IDS, metavar="STAGE")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help="language of the steps"
    )


def _record_stages(data: Path) -> tuple[str, str]:
    from carepath.core.career_path import record_stages
    from carepath.core.datafile import inspect_file

    if not data.exists():
        from carepath.cli_language import say as _t

        raise UsageError(
            _t(
                "There is no CarePath file at {data}; give both --from and --to, or point --data "
                "at your record."
            ).format(data=data)
        )
    return record_stages(inspect_file(data))


def path_lines(catalogue: Catalogue, from_stage: str, to_stage: str) -> list[str]:
    """The printed path: a heading, then each step with its typical duration, rung by rung."""
    from carepath.core.career_path import path, stage_rank

    low, high = catalogue.stage(from_stage), catalogue.stage(to_stage)
    if stage_rank(to_stage) <= stage_rank(from_stage):
        from carepath.export.plan_text import t

        raise UsageError(
            t(
                "'{to_stage}' is not above '{from_stage}', so there is no path to print; choose "
                "a --to stage higher than --from (lowest first: {order}).",
                catalogue.language,
            ).format(to_stage=to_stage, from_stage=from_stage, order=STAGE_ORDER)
        )
    steps = path(catalogue, from_stage, to_stage)
    lines = [f"{low.name} → {high.name}"]
    rung: str | None = None
    several = stage_rank(to_stage) - stage_rank(from_stage) > 1
    for step in steps:
        if several and step.stage != rung:
            rung = step.stage
            lines += ["", f"→ {catalogue.stage(rung).name}"]
        elif rung is None:
            rung = step.stage
            lines.append("")
        lines += _step_lines(step)
    return lines


def _step_lines(step: Step) -> list[str]:
    lines = [f"  {step.number:>2}. {step.title}"]
    if step.duration_text:
        lines.append(f"      {step.duration_text}")
    return lines


def command_path(data: Path, from_stage: str | None, to_stage: str | None, language: str) -> int:
    """Print the path; exit 1 with one sentence when there is none to print."""
    from carepath.core.catalogue import load_catalogue

    if from_stage is None or to_stage is None:
        current, target = _record_stages(data)
        from_stage = from_stage or current
        to_stage = to_stage or target
    for line in path_lines(load_catalogue(language), from_stage, to_stage):
        print(line)
    return 0

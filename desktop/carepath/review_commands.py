"""The two review commands of the command line: ``review-request`` and ``import-review``.

Both keep the command line's promise (``carepath.cli``): every argument is checked before the
data file is opened, and a refusal is one sentence with exit 1 that leaves the data file
byte-identical and no file behind.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from carepath.core.errors import UsageError


def command_review_request(
    data: Path,
    out: Path,
    reviewer: str | None,
    language: str,
    message: str | None,
    name: str | None = None,
) -> int:
    """Write one offline review form to ``out`` and record its request id in the data file."""
    from carepath.cli_language import say as _t
    from carepath.core.catalogue import load_catalogue
    from carepath.core.review import MAX_NAME
    from carepath.core.storage import DataStore
    from carepath.export.review_form import MAX_MESSAGE, write_request

    reviewer = (reviewer or "").strip()
    if name is not None and not 0 < len(name.strip()) <= MAX_NAME:
        raise UsageError(
            _t("Give --name as your name of 1 to {most} characters.").format(most=MAX_NAME)
        )
    if len(reviewer) > MAX_NAME:
        raise UsageError(
            _t("The reviewer's name is longer than {most} characters; shorten it.").format(
                most=MAX_NAME
            )
        )
    if message is not None and len(message) > MAX_MESSAGE:
        raise UsageError(
            _t("The message is longer than {most} characters; shorten it.").format(
                most=f"{MAX_MESSAGE:,}"
            )
        )
    if out.is_dir():
        raise UsageError(
            _t("{out} is a folder; give a file name ending in .html for the form.").format(out=out)
        )
    if not out.parent.is_dir():
        raise UsageError(
            _t("The folder {folder} does not exist; create it or choose another.").format(
                folder=out.parent
            )
        )
    catalogue = load_catalogue(language)
    with DataStore.open(data, create=False) as store:
        asker = name.strip() if name is not None else store.record().profile.name.strip()
        if not asker:
            raise UsageError(
                _t(
                    "This record has no name, and the form must say who asks; give it with "
                    "--name YOUR NAME."
                )
            )
        request = write_request(
            store, catalogue, out, reviewer=reviewer, message=message, asker=asker
        )
    print(
        _t("Wrote the review form {out} (request {id}); send it to your reviewer.").format(
            out=out, id=request.id
        )
    )
    return 0


def command_import_review(data: Path, response: Path) -> int:
    """Validate a reviewer's answer file, then add it to the record all or nothing."""
    from carepath.cli_language import say as _t
    from carepath.core.review_response import Outcome, import_review, read_response_file
    from carepath.core.storage import DataStore

    document = read_response_file(response)  # size, encoding and JSON checked before the lock
    with DataStore.open(data, create=False) as store:
        result = import_review(store, document, response.name)
    review = result.review
    who = f"{review.reviewer} ({review.relationship})"
    if result.outcome is Outcome.UNCHANGED:
        print(
            _t("This review by {who} was already imported; nothing changed in {data}.").format(
                who=who, data=data
            )
        )
    elif result.outcome is Outcome.REPLACED:
        print(
            _t("Replaced the earlier answer by {who} with this newer one in {data}.").format(
                who=who, data=data
            )
        )
    else:
        print(
            _t("Imported the review by {who} ({count} skills rated) into {data}.").format(
                who=who, count=len(review.ratings), data=data
            )
        )
    return 0


def dispatch_review(args: argparse.Namespace, data: Path, language: str) -> int:
    """Run the review command ``args`` names (``cli.dispatch`` hands them over here)."""
    if args.command == "review-request":
        return command_review_request(
            data, args.out, args.reviewer, language, args.message, args.name
        )
    return command_import_review(data, args.response)

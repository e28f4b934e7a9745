"""The review request: one self-contained HTML form a reviewer fills in any browser, offline.

A mentor on a locked-down hospital computer can install nothing, so the request is a single file
with its style and script inline and no external resource at all. Its Content-Security-Policy
forbids every fetch (``default-src 'none'``) and allows only the page's own script and style, by
their SHA-256 hashes, computed here from the very text that is inlined, so the two can never
disagree. The answer leaves the page only as a download the reviewer saves and sends back.

The request's data (ids, the asker's name, the skills and the interface sentences the script
needs) is embedded once as JSON in a ``<script type="application/json">`` block, with ``<``,
``>`` and ``&`` written as ``\\u`` escapes so no name can end the block; CarePath reads the same
block back when a reviewer who has CarePath opens the file (``read_request``). Everything else
the user typed is HTML-escaped, and names sit in ``<bdi>`` so right-to-left text does not reorder
the sentence.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

import carepath
from carepath.core.catalogue import SKILL_IDS, Catalogue
from carepath.core.errors import ImportRejectedError
from carepath.core.resources import resource_path
from carepath.core.review import (
    MAX_ID,
    MAX_NAME,
    RELATIONSHIPS,
    REVIEW_LANGUAGES,
    ReviewRequest,
)

if TYPE_CHECKING:
    from carepath.core.storage import DataStore

#: The budget the issue sets for the whole file; a test checks the form stays under it.
MAX_FORM_BYTES = 200 * 1024
MAX_MESSAGE = 2_000
_DATA_ID = "carepath-review-request"
_DATA_BLOCK = re.compile(
    r'<script type="application/json" id="' + _DATA_ID + r'">(.*?)</script>', re.DOTALL
)


@dataclass(frozen=True)
class RequestData:
    """What a form asks, as embedded in it and read back by CarePath's reviewer page."""

    request_id: str
    asker: str
    language: str
    reviewer: str
    message: str
    file_stem: str


def _folder() -> Path:
    return resource_path("review_form")


@cache
def strings(language: str) -> dict[str, str]:
    """The form's sentences in ``language`` (``resources/review_form/strings.toml``)."""
    with (_folder() / "strings.toml").open("rb") as handle:
        table: dict[str, dict[str, str]] = tomllib.load(handle)
    return table[language]


@cache
def _asset(name: str) -> str:
    return (_folder() / name).read_text("utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    return (
        f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; form-action 'none'; "
        "base-uri 'none'"
    )


def file_stem(asker: str) -> str:
    """``carepath-review-<asker>``: the answer's file name, recognisable among downloads."""
    ascii_name = unicodedata.normalize("NFKD", asker).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return f"carepath-review-{slug}" if slug else "carepath-review"


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _fill(template: str, **names: str) -> str:
    """A sentence with each ``{name}`` replaced by already-escaped markup."""
    for key, value in names.items():
        template = template.replace("{" + key + "}", value)
    return template


def default_message(catalogue: Catalogue, target_stage: str) -> str:
    return strings(catalogue.language)["default_message"].replace(
        "{stage}", catalogue.stage(target_stage).name
    )


def render_form(
    catalogue: Catalogue,
    request_id: str,
    asker: str,
    *,
    reviewer: str = "",
    message: str = "",
) -> str:
    """The whole form as HTML text, in the catalogue's language."""
    language = catalogue.language
    if language not in REVIEW_LANGUAGES:
        raise ValueError(f"no review form in {language!r}")
    words = strings(language)
    who = f"<bdi>{_e(asker)}</bdi>"

    def say(key: str, **extra: str) -> str:
        return _fill(_e(words[key]), asker=who, **extra)

    relationships = "\n".join(
        f'<label class="choice"><input type="radio" name="relationship" value="{r}">'
        f'<span class="choice-text">{_e(words[r])}</span></label>'
        for r in RELATIONSHIPS
    )
    skills = "\n".join(
        _skill_fieldset(catalogue, number, skill_id, say)
        for number, skill_id in enumerate(SKILL_IDS, 1)
    )
    plain = {
        key: words[key].replace("{asker}", asker)
        for key in ("need_name", "need_relationship", "saved", "restored", "no_storage")
    }
    data = {
        "format": "carepath-review-request",
        "version": 1,
        "request_id": request_id,
        "asker": asker,
        "language": language,
        "reviewer": reviewer,
        "message": message,
        "file_stem": file_stem(asker),
        "skills": list(SKILL_IDS),
        "text": plain,
    }
    script, style = _asset("form.js"), _asset("form.css")
    page = Template(_asset("form.html")).substitute(
        lang=language,
        csp=content_security_policy(script, style),
        version=_e(carepath.__version__),
        title=_e(words["title"].replace("{asker}", asker)),
        css=style,
        heading=say("heading"),
        lead=say("lead"),
        message_from=say("message_from"),
        message=_e(message),
        privacy=say("privacy"),
        noscript=say("noscript"),
        about_you=say("about_you"),
        your_name=say("your_name"),
        reviewer=_e(reviewer),
        relationship=say("relationship"),
        relationships=relationships,
        skills_heading=say("skills_heading"),
        skills_help=say("skills_help"),
        skills=skills,
        save_heading=say("save_heading"),
        message_label=say("message"),
        save_help=say("save_help"),
        save=say("save"),
        footer=say("footer", request=f"<code>{_e(request_id)}</code>"),
        data=_json_for_script(data),
        script=script,
    )
    return page


def _skill_fieldset(catalogue: Catalogue, number: int, skill_id: str, say: Any) -> str:
    skill = catalogue.skill(skill_id)
    name = _e(skill.name)
    choices = []
    for level in catalogue.levels:
        choices.append(
            f'<label class="choice"><input type="radio" name="level-{skill_id}" '
            f'value="{level.value}"><span class="choice-text"><span class="level-name">'
            f'{level.value} · {_e(level.name)}</span><span class="level-text">'
            f"{_e(skill.descriptor(level.value))}</span></span></label>"
        )
    choices.append(
        f'<label class="choice"><input type="radio" name="level-{skill_id}" '
        f'value="not_observed"><span class="choice-text"><span class="level-name">'
        f'{say("not_observed")}</span><span class="level-text">{say("not_observed_hint")}'
        "</span></span></label>"
    )
    return (
        f'<fieldset id="skill-{skill_id}" aria-describedby="about-{skill_id}">'
        f"<legend>{number}. {name}</legend>"
        f'<p class="skill-description" id="about-{skill_id}">{_e(skill.description)}</p>'
        f"<fieldset><legend>{say('level_group', skill=name)}</legend>"
        + "".join(choices)
        + "</fieldset>"
        f'<label class="field" for="comment-{skill_id}">{say("comment", skill=name)}</label>'
        f'<textarea id="comment-{skill_id}" name="comment-{skill_id}" maxlength="10000" '
        'rows="3"></textarea></fieldset>'
    )


def write_request(
    store: DataStore,
    catalogue: Catalogue,
    out: Path,
    *,
    reviewer: str = "",
    message: str | None = None,
    asker: str | None = None,
) -> ReviewRequest:
    """Write a new form to ``out`` and record its id in the open record; return the request.

    The form is written first (atomically, 0600: it names the user), then the id is saved; if
    that save fails the form is removed, since an answer to an unrecorded id could never be
    imported. ``asker`` is the name the form shows (default: the record's); the caller has
    checked that it is not empty.
    """
    from carepath.core.atomic import write_atomic

    record = store.record()
    text = default_message(catalogue, record.profile.target_stage) if message is None else message
    request = ReviewRequest.create(reviewer=reviewer, language=catalogue.language)
    who = record.profile.name if asker is None else asker
    page = render_form(catalogue, request.id, who, reviewer=reviewer, message=text)
    write_atomic(out, page.encode("utf-8"))
    try:
        store.add_review_request(request)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return request


# --- reading a form back (CarePath as the reviewer's tool) ---------------------------------------


def read_request(path: Path) -> RequestData:
    """The request a form carries, or ImportRejectedError in one sentence."""
    cannot = f"Cannot open {path.name} as a review request:"
    try:
        if path.stat().st_size > 4 * MAX_FORM_BYTES:
            raise ImportRejectedError(f"{cannot} it is far larger than any CarePath form.")
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        raise ImportRejectedError(
            f"{cannot} it could not be read as text; choose the .html file you were sent."
        ) from None
    found = _DATA_BLOCK.search(text)
    try:
        data = json.loads(found.group(1)) if found else None
    except ValueError:
        data = None
    if type(data) is not dict or data.get("format") != "carepath-review-request":
        raise ImportRejectedError(
            f"{cannot} it is not a CarePath review form; choose the .html file you were sent."
        )
    fields = ("request_id", "asker", "language", "reviewer", "message", "file_stem")
    if any(type(data.get(k)) is not str for k in fields) or not (
        0 < len(data["request_id"]) <= MAX_ID
        and re.fullmatch(r"[A-Za-z0-9_-]+", data["request_id"])
        and len(data["asker"]) <= MAX_NAME
        and len(data["reviewer"]) <= MAX_NAME
        and len(data["message"]) <= MAX_MESSAGE
        and data["language"] in REVIEW_LANGUAGES
        and re.fullmatch(r"carepath-review[a-z0-9-]{0,41}", data["file_stem"])
    ):
        raise ImportRejectedError(
            f"{cannot} its embedded data was changed; ask for a new review form."
        )
    return RequestData(**{k: data[k] for k in fields})

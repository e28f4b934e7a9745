"""The assessment history as CSV: one row per assessment, one column per skill.

Spreadsheet users get plain numbers (empty cell = not rated yet). The two free-text columns — the
id, which an imported backup may set to anything, and the note — are always quoted, so neither a
line break nor any separator a spreadsheet may be set to split at (comma, semicolon, tab) can start
a new cell or row inside them; their line breaks are all written as LF. Every line of such text
that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, after
any spaces) gets an apostrophe first, so a note cannot become code, even in a reader that breaks
rows inside quotes.

The rows are written here rather than by ``csv.writer``: with ``lineterminator="\\n"`` it leaves a
field holding a lone carriage return unquoted on Python 3.11 and 3.12, and LibreOffice Calc then
starts a new row there, whose first cell it evaluates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from carepath.core.catalogue import SKILL_IDS
from carepath.core.models import Assessment
from carepath.core.scoring import average

#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")

#: Every line boundary some reader honours: CR, LF and CRLF (LibreOffice, Excel), and the other
#: separators Python's ``str.splitlines`` and Unicode break lines at.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _guard_line(line: str) -> str:
    return "'" + line if line.lstrip(" ")[:1] in FORMULA_STARTS else line


def text_cell(text: str) -> str:
    """Free text as one quoted cell: breaks as LF, every formula-like line defused.

    The one CSV guard of CarePath: the team report's CSV writes its text through it too.
    """
    lines = _LINE_BREAK.split(text)
    body = "\n".join(_guard_line(line) for line in lines)
    return '"' + body.replace('"', '""') + '"'


def history_csv(assessments: Iterable[Assessment]) -> str:
    rows = [",".join(["id", "taken_at", "average", *SKILL_IDS, "note"])]
    for assessment in assessments:
        mean = average(assessment.ratings)
        cells = [
            text_cell(assessment.id),
            assessment.taken_at.isoformat(),
            f"{mean:.2f}" if mean is not None else "",
            *(str(assessment.ratings.get(skill, "")) for skill in SKILL_IDS),
            text_cell(assessment.note),
        ]
        rows.append(",".join(cells))
    return "\n".join(rows) + "\n"

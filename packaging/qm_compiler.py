"""Compile Qt Linguist ``.ts`` translations to the binary ``.qm`` files QTranslator loads.

Standard library only, so that ``pip install .``, ``pipx install .`` and a build from the sdist
produce the compiled translations without Qt's ``lrelease`` (which comes only inside a 100 MB
PySide6 wheel that a build environment would have to download first). The output is the same
file, byte for byte, that ``pyside6-lrelease`` writes in its default mode (``SaveEverything``);
``tests/packaging/test_qm_compiler.py`` compares the two.

The format, as Qt's ``qm.cpp`` writes and ``qtranslator.cpp`` reads it: a 16-byte magic number,
then sections (tag byte, big-endian length, payload): the language code, a table of
(hash, offset) pairs sorted by hash, and the messages. Each message is a list of tagged fields:
its translations (UTF-16BE), comment, source text and context (UTF-8), then an end tag. The hash
is the ELF hash of the source text followed by the comment, which QTranslator recomputes to look
a message up.

Run as a script: ``python packaging/qm_compiler.py SOURCE.ts TARGET.qm``.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from xml.etree import ElementTree

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")

# Section tags
_LANGUAGE = 0xA7
_HASHES = 0x42
_MESSAGES = 0x69
_NUMERUS_RULES = 0x88

# Message field tags
_TAG_END = 1
_TAG_TRANSLATION = 3
_TAG_SOURCE_TEXT = 6
_TAG_CONTEXT = 7
_TAG_COMMENT = 8

#: Plural rules in Qt's byte code (``numerus.cpp``), by language: which numerus form ``%n`` picks.
#: ``(Q_EQ, 1)`` means "form 0 when n == 1, else form 1", the rule of English and Spanish. A
#: language missing here is refused with a message, rather than compiled with a wrong rule.
NUMERUS_RULES: dict[str, bytes] = {
    language: bytes([0x01, 0x01])
    for language in ("en", "es", "de", "it", "nl", "sv", "da", "nb", "fi", "el", "ca", "eu", "gl")
}


class TsError(ValueError):
    """A ``.ts`` file this compiler cannot turn into a ``.qm``: the message says which and why."""


def elf_hash(data: bytes) -> int:
    """Qt's ``elfHash``: the key QTranslator looks a source text up by (0 is reserved, so 1)."""
    h = 0
    for byte in data:
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _bytes_field(tag: int, value: bytes) -> bytes:
    return struct.pack(">BI", tag, len(value)) + value


def _translation_field(text: str) -> bytes:
    encoded = text.encode("utf-16-be")
    return struct.pack(">BI", _TAG_TRANSLATION, len(encoded)) + encoded


def _text(element: ElementTree.Element | None) -> str:
    """An element's whole text, as lrelease reads it (``<byte value=".."/>`` escapes included)."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "byte":
            value = child.get("value", "0")
            parts.append(chr(int(value[1:], 16) if value.startswith("x") else int(value)))
        parts.append(child.tail or "")
    return "".join(parts)


def read_ts(source: Path) -> tuple[str, list[tuple[bytes, bytes, bytes, list[str]]]]:
    """The language code and the releasable messages: (context, source, comment, translations).

    Like lrelease's default: obsolete and vanished messages are left out, and so are unfinished
    ones without a translation (Qt then shows the English source text).
    """
    try:
        root = ElementTree.parse(source).getroot()
    except ElementTree.ParseError as error:
        raise TsError(f"{source.name} is not valid XML ({error}); fix the file") from None
    language = root.get("language", "")
    messages = []
    for context in root.iter("context"):
        context_name = _text(context.find("name")).encode("utf-8")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in {"obsolete", "vanished"}:
                continue
            if message.get("numerus") == "yes" and translation is not None:
                forms = [_text(form) for form in translation.iter("numerusform")]
            else:
                forms = [_text(translation)]
            if kind == "unfinished" and not any(forms):
                continue
            messages.append(
                (
                    context_name,
                    _text(message.find("source")).encode("utf-8"),
                    _text(message.find("comment")).encode("utf-8"),
                    forms,
                )
            )
    return language, messages


def compile_ts(source: Path) -> bytes:
    """The ``.qm`` bytes for one ``.ts`` file."""
    language, messages = read_ts(source)
    # lrelease drops a disambiguating comment unless it is needed to tell two messages apart
    # (QTranslator falls back to the comment-less hash when it looks a message up).
    plain = {(context, text) for context, text, comment, _ in messages if not comment}
    keyed: dict[tuple[bytes, bytes, bytes], list[str]] = {}
    for context, text, comment, forms in messages:
        forced = not comment or not context or (context, text) in plain
        if not forced and (context, text, b"") not in keyed:
            comment = b""
        keyed[(context, text, comment)] = forms
    body = bytearray()
    offsets = []
    for (context, text, comment), forms in sorted(keyed.items()):
        offsets.append((elf_hash(text + comment), len(body)))
        for form in forms:
            body += _translation_field(form)
        body += _bytes_field(_TAG_COMMENT, comment)
        body += _bytes_field(_TAG_SOURCE_TEXT, text)
        body += _bytes_field(_TAG_CONTEXT, context)
        body += bytes([_TAG_END])
    out = bytearray(MAGIC)
    if language:
        out += _bytes_field(_LANGUAGE, language.encode("utf-8"))
    if offsets:
        table = b"".join(struct.pack(">II", h, o) for h, o in sorted(offsets))
        out += _bytes_field(_HASHES, table)
        out += _bytes_field(_MESSAGES, bytes(body))
    if language:
        base = language.replace("-", "_").split("_")[0].lower()
        if base not in NUMERUS_RULES:
            raise TsError(
                f"{source.name} is in '{language}', whose plural rules are unknown here; "
                "add them to NUMERUS_RULES in packaging/qm_compiler.py"
            )
        out += _bytes_field(_NUMERUS_RULES, NUMERUS_RULES[base])
    return bytes(out)


def compile_file(source: Path, target: Path) -> None:
    """Write ``target`` atomically (a temporary file renamed into place)."""
    data = compile_ts(source)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    partial.replace(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python packaging/qm_compiler.py SOURCE.ts TARGET.qm")
    try:
        compile_file(Path(sys.argv[1]), Path(sys.argv[2]))
    except (OSError, TsError) as failure:
        sys.exit(f"qm_compiler: {failure}")

"""Spanish for a US readership: the glossary's banned variants appear in no Spanish text we ship."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from carepath.core.demo import _SPANISH
from carepath.core.resources import resource_path

GLOSSARY = resource_path("glossary_es.toml")


def _terms() -> list[dict]:
    with GLOSSARY.open("rb") as handle:
        return tomllib.load(handle)["term"]


def _spanish_sources() -> dict[str, str]:
    """Every Spanish text CarePath ships, by where it comes from."""
    sources = {
        str(path.relative_to(resource_path())): path.read_text(encoding="utf-8")
        for path in sorted(resource_path("content", "es").glob("*.toml"))
    }
    translations = resource_path("translations")
    sources["translations/plan_es.toml"] = (translations / "plan_es.toml").read_text("utf-8")
    ts = (translations / "carepath_es.ts").read_text("utf-8")
    # Only the Spanish side of the .ts: the English sources may say what they like.
    sources["translations/carepath_es.ts"] = "\n".join(
        re.findall(r"<translation[^>]*>(.*?)</translation>", ts, flags=re.S)
    )
    sources["sample record (core/demo.py)"] = "\n".join(_SPANISH.values())
    return sources


def _banned_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)


def test_the_glossary_fixes_the_terms_the_review_asked_for():
    uses = {term["english"]: term["use"] for term in _terms()}
    assert uses["referral"] == "remisión"
    assert uses["admission (to hospital)"] == "admisión"
    assert uses["reliable"] == "confiable"
    assert uses["Certified Case Manager (CCM)"] == "Gestor/a de casos certificado/a (CCM)"
    assert uses["Welcome"] == "Le damos la bienvenida"
    banned = {form.lower() for term in _terms() for form in term.get("banned", [])}
    assert {"derivación", "ingreso", "fiable", "expediente", "bienvenido"} <= banned
    # A term is never both used and banned.
    assert not {term["use"].lower() for term in _terms()} & banned


@pytest.mark.parametrize("source", sorted(_spanish_sources()))
def test_no_banned_variant_in_spanish_text(source: str):
    text = _spanish_sources()[source]
    found = [
        (form, term["use"])
        for term in _terms()
        for form in term.get("banned", [])
        if _banned_pattern(form).search(text)
    ]
    assert not found, f"{source}: write {found[0][1]!r} instead of {found[0][0]!r}"


def test_the_check_catches_a_banned_form(tmp_path: Path):
    """The matcher itself: a whole word in any case is found, a longer word is not."""
    pattern = _banned_pattern("ingreso")
    assert pattern.search("Tras el Ingreso hospitalario")
    assert not pattern.search("reingresos")  # a different word, judged on its own
    assert _banned_pattern("derivación").search("una DERIVACIÓN urgente")


def test_salaries_are_in_us_dollars_in_spanish():
    from carepath.core.catalogue import load_catalogue

    band = load_catalogue("es").stage("entry").salary_band
    assert band == "US$30,000 – US$40,000 al año"
    assert "EE. UU." in load_catalogue("es").us_note
    assert "US" in load_catalogue("en").us_note

"""The review form's file itself: self-contained, locked down by its CSP, escaped, small."""

from __future__ import annotations

import base64
import hashlib
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from carepath.core.catalogue import SKILL_IDS, load_catalogue
from carepath.core.errors import ImportRejectedError
from carepath.core.resources import resource_path
from carepath.export.review_form import MAX_FORM_BYTES, file_stem, read_request, render_form

HOSTILE = "</script><script>alert(1)</script> <b>x</b> & \u202eשלום\u202c 李雷 " + "é" * 100


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _page(language: str = "en") -> str:
    return render_form(
        load_catalogue(language), "0123abcd" * 4, HOSTILE, reviewer=HOSTILE, message=HOSTILE
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_is_fetched_and_the_csp_hashes_match_the_inline_code(language: str) -> None:
    page = _page(language)
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert "src" not in attrs or tag == "img", (tag, attrs)
        assert not (tag == "link" or (attrs.get("href") or "").startswith(("http", "//")))
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    (csp,) = [
        a["content"] for t, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None and csp.startswith("default-src 'none';")
    assert "unsafe-inline" not in csp and "connect-src 'none'" in csp
    inline = {
        "script": re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1),  # type: ignore[union-attr]
        "style": re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1),  # type: ignore[union-attr]
    }
    for tag, text in inline.items():
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, tag
    assert len(page.encode("utf-8")) < MAX_FORM_BYTES


def test_user_text_is_escaped_everywhere_and_the_data_block_cannot_be_closed() -> None:
    page = _page()
    assert page.count("</script>") == 2  # the data block's and the script's own ends
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "<bdi>" in page


def test_every_skill_has_five_levels_and_not_observed_and_a_comment() -> None:
    page = _page("es")
    catalogue = load_catalogue("es")
    for skill in SKILL_IDS:
        values = re.findall(rf'name="level-{skill}" value="([^"]+)"', page)
        assert values == ["1", "2", "3", "4", "5", "not_observed"]
        assert f'id="comment-{skill}"' in page
        assert catalogue.skill(skill).descriptor(5).replace("'", "&#x27;") in page
    assert page.count('type="radio" name="relationship"') == 4


def test_carepath_reads_the_request_back(tmp_path: Path) -> None:
    path = tmp_path / "request.html"
    path.write_text(_page("es"), "utf-8")
    request = read_request(path)
    assert request.asker == HOSTILE and request.reviewer == HOSTILE
    assert request.language == "es" and request.request_id == "0123abcd" * 4
    assert request.file_stem == file_stem(HOSTILE)
    other = tmp_path / "plan.html"
    other.write_text("<html><body>a plan</body></html>", "utf-8")
    with pytest.raises(ImportRejectedError, match="not a CarePath review form"):
        read_request(other)
    tampered = tmp_path / "tampered.html"
    tampered.write_text(_page().replace("0123abcd" * 4, "../../etc"), "utf-8")
    with pytest.raises(ImportRejectedError, match="was changed"):
        read_request(tampered)


def test_both_languages_have_the_same_sentences_and_placeholders() -> None:
    with resource_path("review_form", "strings.toml").open("rb") as handle:
        table = tomllib.load(handle)
    assert set(table["en"]) == set(table["es"])
    for key, text in table["en"].items():
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", table["es"][key])), key


def test_file_names_are_recognisable_and_safe() -> None:
    assert file_stem("María José Ñúñez") == "carepath-review-maria-jose-nunez"
    assert file_stem("李雷") == "carepath-review"
    assert file_stem("../../x") == "carepath-review-x"

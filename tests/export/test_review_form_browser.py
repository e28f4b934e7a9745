"""The review form in a real browser: opened from file://, rated by keyboard and mouse, saved as a
download, imported back; axe-core finds no WCAG 2.1 A/AA violation in either language.

Chromium and chromedriver come from Debian (``chromium chromium-driver``), axe-core from npm
(``tests/browser_support.py`` says where); without them these tests are skipped with the reason.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from browser_support import (
    chromium,
    describe,
    requires_axe,
    requires_browser,
    wait_for_file,
    wcag_violations,
)
from carepath.core.catalogue import load_catalogue
from carepath.core.models import Profile
from carepath.core.review_response import Outcome, import_review, read_response_file
from carepath.core.storage import DataStore
from carepath.export.review_form import write_request

pytestmark = requires_browser

ASKER = "María José <b>Ñúñez</b> — 李雷 — שלום"


def _request(tmp_path: Path, language: str = "en") -> tuple[Path, Path, str]:
    data = tmp_path / "record.json"
    out = tmp_path / "forms" / f"request-{language}.html"
    out.parent.mkdir()
    with DataStore.open(data) as store:
        store.set_profile(Profile(name=ASKER, created_at="2026-01-01T00:00:00+00:00"))
        request = write_request(store, load_catalogue(language), out, reviewer="Dr Ada Okafor")
    return data, out, request.id


def _radio(driver, name: str, value: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')


@pytest.mark.parametrize("width", [1280, 390])
def test_rate_by_keyboard_and_mouse_survive_a_reload_save_and_import(
    tmp_path: Path, width: int
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    data, form, request_id = _request(tmp_path)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium(download_dir=downloads, width=width) as driver:
        driver.get(form.as_uri())
        # The inline style ran under the CSP (its hash matched): the button has its colour.
        button = driver.find_element(By.ID, "save")
        assert button.value_of_css_property("background-color") == "rgba(0, 90, 156, 1)"

        name = driver.find_element(By.ID, "reviewer-name")
        assert name.get_attribute("value") == "Dr Ada Okafor"
        name.clear()
        name.send_keys("Dr Ada <i>Okafor</i>")
        # Keyboard only: Tab into the relationship group, arrows move the choice.
        name.send_keys(Keys.TAB)
        driver.switch_to.active_element.send_keys(Keys.SPACE)
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
        assert _radio(driver, "relationship", "supervisor").is_selected()
        # Communication: focus its first level, move to level 3 with the arrow keys.
        first = _radio(driver, "level-communication", "1")
        driver.execute_script("arguments[0].focus()", first)
        driver.switch_to.active_element.send_keys(Keys.SPACE)
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        assert _radio(driver, "level-communication", "3").is_selected()
        driver.switch_to.active_element.send_keys(Keys.TAB)  # on to the comment box
        driver.switch_to.active_element.send_keys("Runs family meetings well.")
        # Mouse: click the words of a level, and "not observed" for another skill.
        leadership = _radio(driver, "level-leadership", "4")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", leadership)
        leadership.find_element(By.XPATH, "..").click()
        ethics = _radio(driver, "level-ethics", "not_observed")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", ethics)
        ethics.find_element(By.XPATH, "..").click()

        driver.refresh()
        assert _radio(driver, "level-communication", "3").is_selected()
        assert _radio(driver, "level-leadership", "4").is_selected()
        assert _radio(driver, "relationship", "supervisor").is_selected()
        assert driver.find_element(By.ID, "reviewer-name").get_attribute("value") == (
            "Dr Ada <i>Okafor</i>"
        )
        assert "restored" in driver.find_element(By.ID, "status").text

        button = driver.find_element(By.ID, "save")
        driver.execute_script("arguments[0].scrollIntoView()", button)
        button.send_keys(Keys.ENTER)
        saved = wait_for_file(downloads, "carepath-review-maria-jose-b-nunez-b-*.json")
        status = driver.find_element(By.ID, "status").text
        assert saved.name in status and "Send this file back" in status
        key = f"carepath-review:{request_id}"
        assert driver.execute_script("return localStorage.getItem(arguments[0])", key) is None

    answer = json.loads(saved.read_text("utf-8"))
    assert answer["ratings"] == {"communication": 3, "ethics": "not_observed", "leadership": 4}
    with DataStore.open(data) as store:
        result = import_review(store, read_response_file(saved), saved.name)
        assert result.outcome is Outcome.ADDED
        review = store.record().reviews[0]
    assert review.reviewer == "Dr Ada <i>Okafor</i>"
    assert review.relationship == "supervisor"
    assert review.ratings == {"communication": 3, "leadership": 4}
    assert review.not_observed == {"ethics"}
    assert review.comments == {"communication": "Runs family meetings well."}


def test_saving_without_a_name_says_so_and_downloads_nothing(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _, form, _ = _request(tmp_path)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium(download_dir=downloads) as driver:
        driver.get(form.as_uri())
        driver.find_element(By.ID, "reviewer-name").clear()
        driver.find_element(By.ID, "save").click()
        assert "write your name" in driver.find_element(By.ID, "status").text
        assert driver.switch_to.active_element.get_attribute("id") == "reviewer-name"
        time.sleep(0.3)
    assert list(downloads.iterdir()) == []


@requires_axe
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_wcag_violation(tmp_path: Path, language: str, width: int) -> None:
    from selenium.webdriver.common.by import By

    _, form, _ = _request(tmp_path, language)
    with chromium(width=width, height=900) as driver:
        driver.get(form.as_uri())
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
        # Nothing is wider than the window at 390 px: no sideways scrolling.
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        inner = driver.execute_script("return window.innerWidth")
        assert inner == width and scroll <= inner
        violations = wcag_violations(driver)
    assert violations == [], describe(violations)

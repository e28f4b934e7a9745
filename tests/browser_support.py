"""A real browser for tests: Debian's Chromium driven by selenium, and axe-core run inside it.

Nothing here reaches the network. selenium is pointed at ``/usr/bin/chromedriver`` explicitly, so
its selenium-manager never tries to download a driver, and ``SE_AVOID_STATS`` stops it sending
usage statistics. axe-core is the npm package ``axe-core``, which ``.ci/run`` installs once into
``.cache/axe-core`` at the repository root (``npm install --prefix .cache/axe-core
axe-core@4.14.1``); ``CAREPATH_AXE_JS`` may name another ``axe.min.js``.

Tests that need the browser use ``requires_browser`` (skipped, with the reason, where Chromium or
its driver is missing); tests that need axe also use ``requires_axe``. CI installs both.

    with chromium(download_dir=tmp_path) as driver:
        driver.get(path.as_uri())
        assert wcag_violations(driver) == []
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("SE_AVOID_STATS", "true")

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE_VERSION = "4.14.1"
AXE_CACHE = REPO_ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
#: The rule sets axe runs: WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def chromium_binary() -> Path | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def browser_missing_reason() -> str | None:
    """Why no browser test can run here, or None when Chromium, its driver and selenium exist."""
    if chromium_binary() is None:
        return "Chromium is not installed (apt-get install chromium chromium-driver)"
    if not CHROMEDRIVER.exists():
        return f"{CHROMEDRIVER} is missing (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


def axe_path() -> Path | None:
    configured = os.environ.get("CAREPATH_AXE_JS")
    for candidate in (Path(configured) if configured else None, AXE_CACHE):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


requires_browser = pytest.mark.skipif(
    browser_missing_reason() is not None, reason=browser_missing_reason() or ""
)
requires_axe = pytest.mark.skipif(
    axe_path() is None,
    reason=f"axe-core is not installed: npm install --prefix .cache/axe-core axe-core@{AXE_VERSION}"
    " (.ci/run does it), or set CAREPATH_AXE_JS",
)


@contextlib.contextmanager
def chromium(
    download_dir: Path | None = None, width: int = 1280, height: int = 900
) -> Iterator[Any]:
    """A headless Chromium session (a selenium WebDriver), closed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    binary = chromium_binary()
    assert binary is not None, browser_missing_reason()
    options.binary_location = str(binary)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    if download_dir is not None:
        options.add_experimental_option(
            "prefs",
            {
                "download.default_directory": str(download_dir),
                "download.prompt_for_download": False,
                "download.directory_upgrade": True,
                "safebrowsing.enabled": False,
            },
        )
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    # Headless Chromium keeps windows at least 500 px wide; the viewport is set exactly instead
    # (a phone's 390 px is then really 390 CSS pixels, as window.innerWidth reports).
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    try:
        yield driver
    finally:
        driver.quit()


def wcag_violations(driver: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the page now loaded, as plain dictionaries.

    axe is injected as a script string, so a page whose CSP forbids scripts still gets checked
    (WebDriver's injected scripts are not subject to the page's CSP).
    """
    path = axe_path()
    assert path is not None, "axe-core is not installed"
    driver.execute_script(path.read_text("utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(JSON.stringify(r.violations)))"
        ".catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}])));",
        list(WCAG_TAGS),
    )
    return list(json.loads(result))


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations in a few readable lines, for an assertion message."""
    return "\n".join(
        f"{v['id']}: {v.get('help')} at {[n.get('target') for n in v.get('nodes', [])][:3]}"
        for v in violations
    )


def wait_for_file(folder: Path, pattern: str, timeout: float = 10.0) -> Path:
    """The one finished download in ``folder`` matching ``pattern`` (Chromium writes
    ``.crdownload`` first), or AssertionError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no download matching {pattern} in {folder}: {list(folder.iterdir())}")

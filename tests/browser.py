"""A real Chromium for the web report's tests: Debian's chromium and chromium-driver, driven by Selenium, with
axe-core (tools/axe, from the npm registry, pinned by its package-lock.json) run in the page.

Nothing here downloads a browser: without /usr/bin/chromium and chromedriver the browser tests are skipped and
say why (`.ci/run` installs both; `make browser-tools` does it on a developer's machine).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
AXE = Path(__file__).resolve().parent.parent / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WINDOW = (1366, 900)  # a manager's laptop
# WCAG 2.2 AA, as UK public sector sites must meet it: axe-core's rules tagged for each level up to it.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = ("serious", "critical")


def skip_without_browser() -> pytest.MarkDecorator:
    missing = [
        name for name, path in (("chromium", CHROMIUM), ("chromedriver", CHROMEDRIVER)) if not Path(path).exists()
    ]
    if not AXE.exists():
        missing.append(f"axe-core ({AXE.relative_to(AXE.parents[3])}: run `make browser-tools`)")
    reason = f"needs Debian's chromium and chromium-driver and axe-core; missing: {', '.join(missing)}"
    return pytest.mark.skipif(bool(missing), reason=reason)


def start_chromium() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # the tests run as root in CI
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))


def run_axe(driver: Any) -> list[dict[str, Any]]:
    """axe-core's violations of WCAG 2.2 AA in the page as it is now: id, impact, help and the elements."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    script = (
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.map(n => n.target.join(' '))}))));"
    )
    violations: list[dict[str, Any]] = driver.execute_async_script(script, WCAG_TAGS)
    return violations


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]


def print_pdf(driver: Any) -> bytes:
    """The page printed as the browser prints it, on A4 landscape."""
    import base64

    from selenium.webdriver.common.print_page_options import PrintOptions

    options = PrintOptions()
    options.orientation = "landscape"
    options.page_width = 21.0  # centimetres: A4
    options.page_height = 29.7
    options.background = True
    return base64.b64decode(driver.print_page(options))

"""The web report in a real Chromium, as a manager uses it: sign in at the (fake) provider, read June, switch
to May with the month picker, print it on A4 landscape, sign out; axe-core checks each page against WCAG 2.2 AA.
Skipped, saying why, where Debian's chromium, chromium-driver or the pinned axe-core is not installed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.contract.config import Config
from tests.browser import WINDOW, blocking, print_pdf, run_axe, skip_without_browser, start_chromium
from tests.fake_oidc import FakeOpenIdProvider, Person
from tests.web_pages import MANAGER, ReportServer, serve_report, with_access

# A real browser: `make test-slow` (and CI) runs it, `make check` not.
pytestmark = [skip_without_browser(), pytest.mark.slow]

A4_LANDSCAPE_POINTS = (841.92, 595.92)
PHONE = (360, 800)  # a phone held upright: the page reflows to it
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]")


@pytest.fixture
def report(reference_db: Path, config: Config) -> Iterator[ReportServer]:
    provider = FakeOpenIdProvider(person=Person(dict(MANAGER))).start()
    yield from serve_report(reference_db, with_access(config), provider)
    provider.stop()


def test_a_manager_signs_in_reads_june_switches_to_may_prints_and_signs_out(
    report: ReportServer, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    driver = start_chromium()
    try:
        driver.get(report.url("/report/2019-06"))  # to the provider's sign-in and back, by the real redirects
        assert driver.current_url == report.url("/report/2019-06")
        assert driver.find_element(By.TAG_NAME, "h1").text == "Children missing from home or care: June 2019"
        row = driver.find_element(By.XPATH, "//table[@class='report']//tr[th='Number of Missing Episodes - all']")
        assert [cell.text for cell in row.find_elements(By.CSS_SELECTOR, "td.value")] == ["129", "130", "116", "375"]
        charts = driver.find_elements(By.CSS_SELECTOR, "figure.chart img")
        assert len(charts) >= 8
        assert all(
            driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", c) for c in charts
        )
        assert blocking(run_axe(driver)) == []
        driver.save_screenshot(str(tmp_path / "june.png"))
        driver.set_window_size(*PHONE)  # WCAG 1.4.10 reflow: no sideways scrolling of the page (the table may)
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        driver.set_window_size(*WINDOW)

        Select(driver.find_element(By.ID, "month")).select_by_visible_text("May 2019")
        driver.find_element(By.CSS_SELECTOR, ".month-picker button").click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url == report.url("/report/2019-05"))
        assert driver.find_element(By.TAG_NAME, "h1").text == "Children missing from home or care: May 2019"

        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert not driver.find_element(By.CSS_SELECTOR, ".month-nav").is_displayed()  # no controls on paper
        assert driver.find_element(By.CSS_SELECTOR, "table.report").is_displayed()
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = print_pdf(driver)
        (tmp_path / "may.pdf").write_bytes(pdf)
        pages = [(float(w), float(h)) for w, h in MEDIA_BOX.findall(pdf)]
        assert len(pages) >= 3
        assert all(abs(w - A4_LANDSCAPE_POINTS[0]) < 1 and abs(h - A4_LANDSCAPE_POINTS[1]) < 1 for w, h in pages)

        for path, heading in (("/report/", "The monthly report"), ("/report/2019-03", "No data for March 2019")):
            driver.get(report.url(path))
            assert driver.find_element(By.TAG_NAME, "h1").text == heading
            assert blocking(run_axe(driver)) == []

        driver.find_element(By.CSS_SELECTOR, ".sign-out button").click()
        WebDriverWait(driver, 10).until(lambda d: d.title.startswith("You have signed out"))  # the page replaced
        assert driver.get_cookie("missing_report_session") is None
        assert blocking(run_axe(driver)) == []
    finally:
        driver.quit()

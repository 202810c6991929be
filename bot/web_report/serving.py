"""The web report on serve's HTTP server: mounted at /report/ when its sign-in is set up (bot.web_report.settings),
and serve's line saying so."""

from __future__ import annotations

from collections.abc import Mapping

from bot.chat import Routes, Serving
from bot.web import WebApp
from digest.contract.config import Config


def is_web_on(config: Config) -> bool:
    from bot.web_report.settings import load_web_settings

    return load_web_settings(config) is not None


def add_web_report(web: WebApp, routes: Routes, serving: Serving, environ: Mapping[str, str] | None = None) -> None:
    """The web report at /report/, when its sign-in is set up (bot.web_report)."""
    from bot.settings import REPORT_PATH
    from bot.web_report.app import build_report_app
    from bot.web_report.settings import load_web_settings

    settings = load_web_settings(serving.config, environ)
    if settings is None:
        return
    web.mount(REPORT_PATH, build_report_app(settings, serving.config, serving.open_store, serving.store_path))
    routes.paths.append(REPORT_PATH)
    routes.lines.append(lambda base: f"Showing the web report at {settings.public_url}{REPORT_PATH}/ (after sign-in).")

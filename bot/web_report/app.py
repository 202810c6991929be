"""The web report's routes, mounted into serve's HTTP server at /report: the months, a month's page, its XLSX and
chart images, and sign-in. Every page with a figure needs a signed-in person on the access list, and each view
is audited (who, which month) as lookups are; everything answered carries the security headers."""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.settings import REPORT_PATH
from bot.web_report.pages import render_index_page, render_message_page, render_month_page, render_no_data_page
from bot.web_report.report import (
    MonthReport,
    MonthsWithData,
    load_month_report,
    load_months_with_data,
    render_month_workbook,
)
from bot.web_report.settings import WebSettings
from bot.web_report.signin import (
    NEXT_KEY,
    SESSION_SECONDS,
    SignInError,
    Visitor,
    build_sign_in,
    finish_sign_in,
    is_allowed,
    keep_visitor,
    read_visitor,
)
from digest.contract.config import Config
from digest.figures.periods import Month, month_key
from digest.lookups.service import MAX_REFUSED_AUDITS_PER_MINUTE, RefusedTally
from digest.recall import Recall
from digest.reporting.charts import render_chart
from digest.store.comments import load_comments_mark
from digest.store.lookups import REFUSED, REJECTED, WEB, AuditWriter, Lookup, now_text
from digest.store.published_figures import load_publications_mark
from digest.store.snapshots import SnapshotStore, StoreError

log = logging.getLogger(__name__)

SESSION_COOKIE = "missing_report_session"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORTS_KEPT = 24  # months' reports kept in memory (a year and more), each some tens of kilobytes
ReportMarks = tuple[tuple[int, int], tuple[int, int]]  # comments' and publications' marks, as the store gives them
VIEWED, NO_DATA, DOWNLOADED, SIGNED_IN = "viewed", "no data", "downloaded", "signed in"
SIGN_IN = "sign-in"  # the audit's question for a sign-in
WEB_CHANNEL = "web"  # the audit's channel column for the web report
# No script at all, styles and images from this server only, forms posting only here, never in a frame.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # the sign-in's answer carries a code in its address
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
NO_STORE = (b"cache-control", b"no-store")  # figures are never kept by a browser or a proxy
HSTS = (b"strict-transport-security", b"max-age=31536000")


class SecurityHeaders:
    """Adds the security headers to every answer; no-store to all but the stylesheet."""

    def __init__(self, app: ASGIApp, secure: bool) -> None:
        self.app = app
        self.secure = secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = scope["path"].endswith(".css")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"cache-control" or cacheable]
                headers += SECURITY_HEADERS + ([] if cacheable else [NO_STORE]) + ([HSTS] if self.secure else [])
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass
class ReportSite:
    """What the routes share: the settings, the store (a connection per thread), the audit and the sign-in."""

    settings: WebSettings
    config: Config
    open_store: Callable[[], SnapshotStore]
    store_path: Path
    sign_in: Any = None
    _local: threading.local = field(default_factory=threading.local)
    _audit: AuditWriter | None = None
    _reports: Recall[tuple[ReportMarks, int], MonthReport] = field(default_factory=lambda: Recall(REPORTS_KEPT))
    _rejected: RefusedTally = field(default_factory=lambda: RefusedTally(MAX_REFUSED_AUDITS_PER_MINUTE))

    def store(self) -> SnapshotStore:
        store: SnapshotStore | None = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self.open_store()
        return store

    def months_covering(self, month: int | None) -> MonthsWithData | None:
        """The months with data, if month is one of them; else None."""
        months = load_months_with_data(self.store())
        return months if month is not None and months is not None and month in months else None

    def report(self, month: int, months: MonthsWithData) -> MonthReport:
        """The month's report from the latest snapshot, worked out once and kept (digest.recall) until a new
        snapshot, a comment or a publication (which changes its revisions) makes another."""
        store = self.store()
        marks = (load_comments_mark(store), load_publications_mark(store))

        def work_out() -> MonthReport:
            return load_month_report(store, self.config, month, months.snapshot, self.settings.suppress)

        return self._reports.recall((marks, month), work_out, months.snapshot)

    def audit_sign_in(self, visitor_id: str, outcome: str, started: float) -> None:
        """A sign-in's row: rejected ones at most MAX_REFUSED_AUDITS_PER_MINUTE a minute (a flood of forged answers
        is one row, as for chat). One that cannot be written is logged: a sign-in shows no figure itself."""
        rows = [(visitor_id, SIGN_IN)]
        if outcome == REJECTED:
            passed, dropped = self._rejected.admit(time.monotonic())
            rows = ([("", f"{dropped} more rejected sign-ins, not recorded one by one")] if dropped else []) + (
                rows if passed else []
            )
        for who, what in rows:
            try:
                self.audit(who, what, outcome, None, started)
            except StoreError as error:
                log.error("web report: a sign-in could not be written to the audit: %s", error)

    def audit(self, visitor_id: str, what: str, outcome: str, snapshot_id: int | None, started: float) -> None:
        """A row in the lookup audit: who, which month (as "report 2019-06"), what came of it; never a figure.

        Raises:
            StoreError: it could not be written.
        """
        if self._audit is None:
            self._audit = AuditWriter(self.store_path)
        milliseconds = round((time.perf_counter() - started) * 1000)
        self._audit.save(
            Lookup(now_text(), visitor_id, WEB_CHANNEL, what, outcome, snapshot_id, milliseconds, what, WEB)
        )


def build_report_app(
    settings: WebSettings, config: Config, open_store: Callable[[], SnapshotStore], store_path: Path
) -> Starlette:
    """The web report as an ASGI app, for mounting at REPORT_PATH. Its session key is made here, once: serve's
    answering processes, forked after, share it; a restart signs everyone out."""
    site = ReportSite(settings, config, open_store, store_path, build_sign_in(settings))
    stylesheet = files("bot.web_report").joinpath("static/report.css").read_bytes()

    async def css(request: Request) -> Response:
        return Response(stylesheet, media_type="text/css", headers={"cache-control": "public, max-age=3600"})

    routes = [
        Route("/", guarded_route(site, index)),
        Route("/go", partial_route(site, go)),
        Route("/sign-in", partial_route(site, sign_in)),
        Route("/signed-in", partial_route(site, signed_in)),
        Route("/sign-out", partial_route(site, sign_out), methods=["POST"]),
        Route("/static/report.css", css),
        Route("/{month}.xlsx", guarded_route(site, workbook)),
        Route("/{month}/charts/{name}.png", guarded_route(site, chart)),
        Route("/{month}", guarded_route(site, month_page)),
    ]
    middleware = [
        Middleware(SecurityHeaders, secure=settings.secure_cookie),
        Middleware(
            SessionMiddleware,
            secret_key=secrets.token_urlsafe(32),
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_SECONDS,
            path=REPORT_PATH,
            same_site="lax",
            https_only=settings.secure_cookie,
        ),
    ]
    return Starlette(routes=routes, middleware=middleware)


Handler = Callable[[ReportSite, Request], Awaitable[Response]]
# A page with figures: the person asking (signed in, on the list), the month asked for (None: not a month, or
# no month in the path), and when the request came (for the audit's milliseconds).
GuardedHandler = Callable[[ReportSite, Request, "Asked"], Awaitable[Response]]


@dataclass(frozen=True)
class Asked:
    visitor: Visitor
    month: int | None
    started: float


def partial_route(site: ReportSite, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    async def route(request: Request) -> Response:
        return await handler(site, request)

    return route


def guarded_route(site: ReportSite, handler: GuardedHandler) -> Callable[[Request], Awaitable[Response]]:
    """The route of a page with figures: only a signed-in person on the access list reaches handler."""

    async def route(request: Request) -> Response:
        started = time.perf_counter()
        visitor = check_visitor(site, request)
        if not isinstance(visitor, Visitor):
            return visitor
        month = read_month(request) if "month" in request.path_params else None
        return await handler(site, request, Asked(visitor, month, started))

    return route


def html(page: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(page, status_code=status)


def check_visitor(site: ReportSite, request: Request) -> Visitor | Response:
    """The signed-in person on the access list, or the answer for anyone else: to sign-in, or refused. Only the
    signed session cookie counts: an Authorization header or a proxy's user header is not read at all."""
    visitor = read_visitor(request)
    if visitor is None:
        return RedirectResponse(f"{REPORT_PATH}/sign-in?next={quote(request.url.path)}", status_code=303)
    if not is_allowed(visitor, site.settings):
        return html(render_refused_page(visitor), 403)
    return visitor


def render_refused_page(visitor: Visitor) -> str:
    return render_message_page(
        "You are not on the access list",
        f"You are signed in as {visitor.name} (id {visitor.id}), but the report is only for the people on its access "
        "list. If you need it, ask the performance team to add your id to the list.",
        visitor,
        home=False,
    )


async def index(site: ReportSite, request: Request, asked: Asked) -> Response:
    visitor, started = asked.visitor, asked.started

    def months() -> MonthsWithData | None:
        found = load_months_with_data(site.store())
        site.audit(visitor.id, "report months", VIEWED, found.snapshot.id if found else None, started)
        return found

    try:
        return html(render_index_page(await run_in_threadpool(months), visitor))
    except StoreError as error:
        return unavailable(error, visitor)


async def go(site: ReportSite, request: Request) -> Response:
    """The month picker's answer: to the month chosen."""
    chosen = request.query_params.get("month", "")
    target = chosen if Month.from_key(chosen) else ""
    return RedirectResponse(f"{REPORT_PATH}/{target}", status_code=303)


def read_month(request: Request) -> int | None:
    """The month a path names in exactly its key's spelling ("2019-06"), else None."""
    month = Month.from_key(str(request.path_params["month"]))
    return month.index if month else None


def not_found(visitor: Visitor, what: str = "There is no such page of the report.") -> Response:
    return html(render_message_page("Page not found", what, visitor), 404)


async def month_page(site: ReportSite, request: Request, asked: Asked) -> Response:
    visitor, month, started = asked.visitor, asked.month, asked.started
    if month is None:
        return not_found(visitor)

    def page() -> tuple[str, int]:
        months = load_months_with_data(site.store())
        what = f"report {month_key(month)}"
        if months is None or month not in months:
            site.audit(visitor.id, what, NO_DATA, months.snapshot.id if months else None, started)
            return render_no_data_page(month, months, visitor), 404
        shown = render_month_page(site.report(month, months), months, visitor)
        site.audit(visitor.id, what, VIEWED, months.snapshot.id, started)
        return shown, 200

    try:
        return html(*await run_in_threadpool(page))
    except StoreError as error:
        return unavailable(error, visitor)


async def workbook(site: ReportSite, request: Request, asked: Asked) -> Response:
    visitor, month, started = asked.visitor, asked.month, asked.started

    def table() -> bytes | None:
        months = site.months_covering(month)
        if month is None or months is None:
            return None
        body = render_month_workbook(site.store(), site.config, month, months.snapshot, site.settings.suppress)
        site.audit(visitor.id, f"report {month_key(month)} xlsx", DOWNLOADED, months.snapshot.id, started)
        return body

    try:
        body = await run_in_threadpool(table)
    except StoreError as error:
        return unavailable(error, visitor)
    if body is None or month is None:
        return not_found(visitor, "There is no table for that month.")
    name = f"missing-report-{month_key(month)}.xlsx"
    return Response(body, media_type=XLSX_TYPE, headers={"content-disposition": f'attachment; filename="{name}"'})


async def chart(site: ReportSite, request: Request, asked: Asked) -> Response:
    """A chart of a month's page, drawn from the numbers its page shows (kept with the month's report)."""
    visitor, month = asked.visitor, asked.month
    name = str(request.path_params["name"])

    def draw() -> bytes | None:
        months = site.months_covering(month)
        if month is None or months is None:
            return None
        found = [c for c in site.report(month, months).charts if c.name == name]
        return render_chart(found[0]).png if found else None

    try:
        png = await run_in_threadpool(draw)
    except StoreError as error:
        return unavailable(error, visitor)
    if png is None:
        return Response(status_code=404)
    return Response(png, media_type="image/png")


def read_next(value: str | None) -> str:
    """Where to go after sign-in: a page of the report only (never another site)."""
    if value and re.fullmatch(rf"{REPORT_PATH}/(\d{{4}}-\d{{2}}(\.xlsx)?)?", value):
        return value
    return f"{REPORT_PATH}/"


async def sign_in(site: ReportSite, request: Request) -> Response:
    """To the provider's sign-in, remembering the page asked for."""
    request.session[NEXT_KEY] = read_next(request.query_params.get("next"))
    redirect_uri = f"{site.settings.public_url}{REPORT_PATH}/signed-in"
    try:
        response: Response = await site.sign_in.authorize_redirect(request, redirect_uri)
    except Exception as error:  # the provider's discovery document or keys cannot be fetched
        log.warning("web report: the sign-in provider cannot be reached (%s)", type(error).__name__)
        return html(
            render_message_page(
                "Sign-in is not available",
                "The sign-in service cannot be reached just now. Please try again in a few minutes.",
            ),
            503,
        )
    return response


async def signed_in(site: ReportSite, request: Request) -> Response:
    """The provider's answer: checked by Authlib, then the person is kept in the session (or refused)."""
    started = time.perf_counter()
    going_to = read_next(request.session.get(NEXT_KEY))
    try:
        visitor = await finish_sign_in(site.sign_in, request, site.settings)
    except SignInError as error:
        log.warning("web report: a sign-in was refused: %s", error)
        request.session.clear()
        await run_in_threadpool(site.audit_sign_in, "", REJECTED, started)
        return html(
            render_message_page(
                "Sign-in did not succeed",
                f"The sign-in could not be completed: {error}. Please sign in again.",
                sign_in=True,
            ),
            401,
        )
    keep_visitor(request, visitor)
    allowed = is_allowed(visitor, site.settings)
    await run_in_threadpool(site.audit_sign_in, visitor.id, SIGNED_IN if allowed else REFUSED, started)
    if not allowed:
        return html(render_refused_page(visitor), 403)
    return RedirectResponse(going_to, status_code=303)


async def sign_out(site: ReportSite, request: Request) -> Response:
    request.session.clear()
    return html(render_message_page("You have signed out", "You have signed out of the report.", sign_in=True))


def unavailable(error: StoreError, visitor: Visitor) -> Response:
    log.error("web report: %s", error)
    return html(
        render_message_page(
            "The report is not available just now",
            "The report's data could not be read or the view could not be recorded; it has been logged. "
            "Please try again in a minute.",
            visitor,
        ),
        503,
    )

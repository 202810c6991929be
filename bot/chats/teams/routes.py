"""The Teams outgoing webhook's route: /teams/outgoing, its HMAC checked over the exact bytes of the body."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.responses import JSONResponse

from bot.chats.teams.outgoing import OUTGOING_PATH, OutgoingWebhook
from bot.web import WebApp

UNAUTHORIZED = 401


def add_outgoing_webhook_route(web: WebApp, webhook: OutgoingWebhook) -> None:
    web.audit_refusals(OUTGOING_PATH, webhook.service.record_refused_request)

    @web.post(OUTGOING_PATH)
    async def teams_outgoing(request: Request) -> Response:
        body = await request.body()  # the signature is over these exact bytes; the web app limits their size
        reply = await webhook.answer(body, request.headers.get("authorization"))
        if reply is None:
            return JSONResponse({"type": "message", "text": "Unauthorized"}, status_code=UNAUTHORIZED)
        return JSONResponse(reply)

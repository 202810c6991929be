"""The Teams outgoing webhook's route: /teams/outgoing, its HMAC checked over the exact bytes of the body."""

from __future__ import annotations

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from bot.teams.outgoing import OUTGOING_PATH, OutgoingWebhook
from bot.web import read_body

UNAUTHORIZED, TOO_LARGE = 401, 413


def add_outgoing_webhook_route(web: FastAPI, webhook: OutgoingWebhook) -> None:
    @web.post(OUTGOING_PATH)
    async def teams_outgoing(request: Request) -> Response:
        body = await read_body(request)  # the signature is over these exact bytes
        if body is None:
            return Response(status_code=TOO_LARGE)
        reply = await webhook.answer(body, request.headers.get("authorization"))
        if reply is None:
            return JSONResponse({"type": "message", "text": "Unauthorized"}, status_code=UNAUTHORIZED)
        return JSONResponse(reply)

"""The Teams bot: a question in a 1:1 chat with the bot (answered privately), or @mentioning it in a
channel or group chat, answered with a card by the same lookup service as `/missing`.

Built on the Teams SDK and mounted on serve's FastAPI app at /api/messages. Requests are authenticated
as the SDK does in production: a Bot Framework token, checked against Microsoft's published keys, whose
service URL matches the activity's. Replies go to the Bot Connector at the activity's service URL with
the bot's own token (bot.chats.teams.tokens).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from microsoft_teams.api.activities import ActivityTypeAdapter
from microsoft_teams.api.activities.invoke.adaptive_card import AdaptiveCardInvokeActivity
from microsoft_teams.api.activities.message.message import MessageActivity, MessageActivityInput
from microsoft_teams.api.activities.utils.strip_mentions_text import StripMentionsTextOptions, strip_mentions_text
from microsoft_teams.api.auth.cloud_environment import PUBLIC, with_overrides
from microsoft_teams.api.models.adaptive_card import AdaptiveCardActionMessageResponse
from microsoft_teams.api.models.invoke_response import AdaptiveCardInvokeResponse
from microsoft_teams.apps import ActivityContext, App
from microsoft_teams.apps.events import CoreActivity
from microsoft_teams.apps.http import FastAPIAdapter
from microsoft_teams.apps.http.adapter import HttpMethod, HttpRequest, HttpRouteHandler
from microsoft_teams.common import ClientOptions
from pydantic import ValidationError

from bot.chats.teams.activities import clean_text, conversation_channel, read_asker
from bot.chats.teams.answers import render_answer_card
from bot.chats.teams.comments import read_card_submission, render_comment_card, render_reply_card
from bot.chats.teams.replays import is_first_activity
from bot.chats.teams.reviews import (
    COMMENT_VERB,
    PREVIEW_VERB,
    DraftPresses,
    is_review_here,
    read_action,
    render_review_here_card,
)
from bot.chats.teams.tokens import LOGIN_URL, ClientCredentialsTokens
from bot.library_logs import drop_library_lines
from bot.refusals import NOT_ANSWERED, REJECTED_MALFORMED, log_refusal
from bot.settings import TeamsQuestionSettings
from bot.web import WebApp
from digest.lookups.comments import read_comment_request
from digest.lookups.service import FAILURE, LookupService
from digest.reporting.commentary import Author
from digest.store.lookups import REFUSED, TEAMS
from digest.store.recent_keys import RecentKeys
from digest.store.snapshots import StoreError

log = logging.getLogger(__name__)

MESSAGES_PATH = "/api/messages"
CONNECTOR_TIMEOUT_SECONDS = 10  # the SDK's HTTP client waits forever by default; a hung connector must not
PERSONAL = "personal"  # a 1:1 chat with the bot
UNAUTHORIZED, BAD_REQUEST = 401, 400
PRESS_ANSWER_SECONDS = 4.0  # Teams waits about 5 seconds for an invoke's answer; a slower publication goes on
PRESS_NOT_TAKEN = "This press was not taken: press the button again."
UNKNOWN_BUTTON = "This button does nothing here: review in Teams is not set up on this server."


class AuditedAdapter(FastAPIAdapter):
    """The SDK's FastAPI adapter, refusing with 400 a body that is not a Bot Framework activity (which the SDK
    would answer with a 500), and auditing each request it refuses: those, and the ones the SDK refuses
    before any handler runs (no valid token), which would otherwise leave no trace."""

    def __init__(self, app: FastAPI, service: LookupService) -> None:
        super().__init__(app=app)
        self.service = service

    def register_route(self, method: HttpMethod, path: str, handler: HttpRouteHandler) -> None:
        if method != "POST":
            raise ValueError(f"Unsupported HTTP method: {method}")

        async def audited(request: Request) -> Response:
            activity = read_activity(await request.body())  # within the web app's size limit
            if isinstance(activity, str):
                await asyncio.to_thread(self.service.record_refused_request, REJECTED_MALFORMED, activity)
                log_refusal(path, BAD_REQUEST, activity)
                return JSONResponse({"error": "invalid request"}, status_code=BAD_REQUEST)
            response = await handler(HttpRequest(body=activity, headers=dict(request.headers)))
            if response["status"] == UNAUTHORIZED:
                asker = read_asker(activity)
                reason = "no valid Microsoft token"
                await asyncio.to_thread(self.service.record_rejected, asker.user_id, asker.channel_id, reason)
            body = response.get("body")
            if body is None:
                return Response(status_code=response["status"])
            return JSONResponse(body, status_code=response["status"])

        self.app.post(path)(audited)


def log_publish_failure(publishing: asyncio.Future[str]) -> None:
    """A publication that failed unexpectedly, after its presser may have been answered: said in the log."""
    if not publishing.cancelled() and publishing.exception() is not None:
        log.error("publishing from Teams failed", exc_info=publishing.exception())


def read_activity(body: bytes) -> dict[str, Any] | str:
    """The activity a request carries, or why it carries none (in words, with nothing of the body)."""
    try:
        activity = json.loads(body)
    except (ValueError, RecursionError):  # not JSON (or not UTF-8), or nested past Python's depth
        return "body is not JSON"
    if not isinstance(activity, dict):
        return "body is not a JSON object"
    try:  # as the SDK reads it, after the token check, where a failure is its 500
        core = CoreActivity.model_validate(activity)
        ActivityTypeAdapter.validate_python(core.model_dump(by_alias=True, exclude_none=True))
    except ValidationError:
        return "body is not a Bot Framework activity"
    return activity


def add_teams_bot(
    web: WebApp,
    service: LookupService,
    settings: TeamsQuestionSettings,
    seen: RecentKeys,
    allow_unauthenticated: bool = False,
    presses: DraftPresses | None = None,
) -> App:
    """The bot, its route added to web when web starts; seen is the replay memory all of serve's processes
    share. allow_unauthenticated is for local development only (serve refuses it with production
    settings): requests are then taken without any token. presses: what the review's draft buttons do, when
    drafts are reviewed in Teams ([teams] review_conversation).
    """
    # Without TEAMS_TENANT_ID the bot is multi-tenant on purpose (doctor says so); the SDK warns of it twice at
    # every start, and those lines cannot be acted on where serve's output is read.
    drop_library_lines("microsoft_teams.apps.app", "TENANT_ID is not set")
    drop_library_lines("microsoft_teams.apps.auth.token_validator", "No tenant_id provided")
    adapter = AuditedAdapter(web, service)
    web.audit_refusals(MESSAGES_PATH, service.record_refused_request)
    options: dict[str, Any] = {}
    if settings.client_id and settings.client_secret and not allow_unauthenticated:
        tokens = ClientCredentialsTokens(
            settings.client_id, settings.client_secret, settings.tenant_id, settings.login_url or LOGIN_URL
        )
        options = {"client_id": settings.client_id, "tenant_id": settings.tenant_id, "token": tokens}
    teams = App(
        **options,
        http_server_adapter=adapter,
        messaging_endpoint=MESSAGES_PATH,
        cloud=with_overrides(PUBLIC, openid_metadata_url=settings.openid_url) if settings.openid_url else PUBLIC,
        client=ClientOptions(timeout=CONNECTOR_TIMEOUT_SECONDS),
        # Always given, so the SDK's own environment variable cannot turn authentication off.
        dangerously_allow_unauthenticated_requests=allow_unauthenticated,
    )

    async def is_genuine(
        activity: MessageActivity | AdaptiveCardInvokeActivity, user: str, channel: str
    ) -> bool | None:
        """Whether the activity is from our tenant and seen for the first time (None: that cannot be told)."""
        tenant = activity.conversation.tenant_id
        foreign = bool(settings.tenant_id and tenant and tenant != settings.tenant_id)
        try:
            first = not foreign and await asyncio.to_thread(
                is_first_activity, seen, activity.conversation.id, activity.id
            )
        except StoreError as err:
            log.error("A Teams %s was not answered: %s", activity.type, err)
            await asyncio.to_thread(service.record_refused_request, NOT_ANSWERED, "the replay memory cannot be written")
            return None
        if not first:
            reason = "another tenant" if foreign else "replay of an activity already answered"
            await asyncio.to_thread(service.record_rejected, user, channel, reason)
        return first

    @teams.on_message
    async def answer_message(ctx: ActivityContext[MessageActivity]) -> None:
        activity = ctx.activity
        personal = activity.conversation.conversation_type == PERSONAL
        submission = read_card_submission(activity.value)  # a comment card's Save: no @mention comes with it
        if submission is None and not personal and not activity.is_recipient_mentioned():
            return  # in a channel, only questions put to the bot
        asked = strip_mentions_text(activity, StripMentionsTextOptions(account_id=activity.recipient.id))
        user = activity.from_.aad_object_id or activity.from_.id
        channel, text = conversation_channel(activity.conversation.id), clean_text(asked or "")
        genuine = await is_genuine(activity, user, channel)
        if genuine is None:
            await ctx.send(MessageActivityInput().add_card(render_reply_card(FAILURE)))
        if not genuine:
            return
        if is_review_here(text):  # where drafts are to be posted: this channel's ids, for the config
            card = render_review_here_card(
                channel, activity.service_url or "", activity.conversation.conversation_type == "channel"
            )
            await ctx.send(MessageActivityInput().add_card(card))
            return
        if submission is not None:
            author = Author(user, activity.from_.name or "", TEAMS)
            saved = await asyncio.to_thread(
                service.save_comment, author, channel, submission.month, submission.section, submission.text
            )
            await ctx.send(MessageActivityInput().add_card(render_reply_card(saved.message)))
            return
        month = read_comment_request(text)
        if month is not None:  # "comment June": the comment card
            reply = await asyncio.to_thread(service.start_comment, user, channel, month)
            card = render_comment_card(reply) if reply.ok else render_reply_card(reply.message)
            await ctx.send(MessageActivityInput().add_card(card))
            return
        answer = await asyncio.to_thread(service.ask, user, channel, text)
        await ctx.send(MessageActivityInput().add_card(render_answer_card(answer)))

    @teams.on_card_action_execute
    async def press_draft(ctx: ActivityContext[AdaptiveCardInvokeActivity]) -> AdaptiveCardInvokeResponse:
        """A draft's Add comment or Publish (Action.Execute): answered with a message, for the access list only."""
        activity = ctx.activity
        user = activity.from_.aad_object_id or activity.from_.id
        channel = conversation_channel(activity.conversation.id)
        pressed = read_action(activity.value.action.verb, activity.value.action.data)
        genuine = await is_genuine(activity, user, channel)
        if not genuine:
            return AdaptiveCardActionMessageResponse(value=FAILURE if genuine is None else PRESS_NOT_TAKEN)
        if pressed is None or presses is None:
            return AdaptiveCardActionMessageResponse(value=UNKNOWN_BUTTON)
        verb, month_text = pressed
        month = presses.admit(user, channel, month_text)
        if isinstance(month, str):
            await asyncio.to_thread(service.record_refused_request, REFUSED, "not on the review's list", user, channel)
            return AdaptiveCardActionMessageResponse(value=month)
        if verb == COMMENT_VERB:
            reply = await asyncio.to_thread(service.start_comment, user, channel, month.key)
            if not reply.ok:
                return AdaptiveCardActionMessageResponse(value=reply.message)
            await ctx.send(MessageActivityInput().add_card(render_comment_card(reply)))  # in the draft's thread
            return AdaptiveCardActionMessageResponse(
                value=f"The comment form for {month.name} is in the draft's thread."
            )
        if verb == PREVIEW_VERB:  # in the draft's thread: an answer card would replace the draft for everyone
            preview = await asyncio.to_thread(presses.preview, month)
            if isinstance(preview, str):
                return AdaptiveCardActionMessageResponse(value=preview)
            await ctx.send(MessageActivityInput().add_card(preview))
            return AdaptiveCardActionMessageResponse(value=f"The {month.name} preview is in the draft's thread.")
        by = activity.from_.name or user
        publishing = asyncio.ensure_future(asyncio.to_thread(presses.publish, month, by))
        publishing.add_done_callback(log_publish_failure)
        try:  # Teams waits only seconds for the answer; the desk carries on, and says so on the draft
            said = await asyncio.wait_for(asyncio.shield(publishing), PRESS_ANSWER_SECONDS)
        except TimeoutError:
            said = f"Publishing the {month.name} digest: the draft will say when it is done."
        except Exception:  # logged by the callback; the presser is not left without an answer
            said = FAILURE
        return AdaptiveCardActionMessageResponse(value=said)

    @asynccontextmanager
    async def initialize(_: object) -> AsyncIterator[None]:
        await teams.initialize()  # adds the route and its token check; the server is serve's, not the SDK's
        yield

    adapter.lifespans.append(initialize)
    return teams

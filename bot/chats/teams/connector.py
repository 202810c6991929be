"""The Bot Connector, spoken to unasked (proactive messages): a card posted to a Teams channel as a new post, that
post updated in place, and replies in its thread; with the bot's own token, retried by a deadline as the webhook's
posts are (bot.chats.teams.webhook), and each refusal explained.

A channel's new post is a POST to /v3/conversations/{channel}/activities, which answers with the post's id; its
thread is the conversation "{channel};messageid={id}"; an update is a PUT of the whole activity at that id.
"""

from __future__ import annotations

import json
from typing import Any, Unpack
from urllib.parse import quote, urlsplit

import httpx

from bot.chats.teams.tokens import LOGIN_URL, ClientCredentialsTokens, TokenError
from bot.chats.teams.webhook import Pacing, RetryingClient
from bot.delivery import DeliveryError
from bot.settings import TeamsReviewSettings

BOT_FRAMEWORK_SCOPE = "https://api.botframework.com/.default"
THREAD = ";messageid="  # a channel's conversation id and this and a post's id: that post's thread
REVIEW_CONVERSATION_SETTING = "[teams] review_conversation"


def thread_of(channel: str, post: str) -> str:
    return f"{channel}{THREAD}{post}"


def split_thread(ref: str) -> tuple[str, str]:
    """ "19:a@thread.tacv2;messageid=17" -> ("19:a@thread.tacv2", "17"): a post's channel and id."""
    channel, _, post = ref.partition(THREAD)
    return channel, post


class ConnectorClient(RetryingClient):
    """Posts, updates and replies in one Teams channel through the Bot Connector at service_url."""

    def __init__(self, review: TeamsReviewSettings, deadline_seconds: float, **pacing: Unpack[Pacing]) -> None:
        super().__init__(deadline_seconds, **pacing)
        bot = review.bot
        assert bot.client_id
        assert bot.client_secret
        self.tokens = ClientCredentialsTokens(
            bot.client_id, bot.client_secret, bot.tenant_id, bot.login_url or LOGIN_URL
        )
        self.channel = review.conversation
        self.service_url = review.service_url
        self.where = "the Teams review channel"
        self._token: str | None = None

    def post(self, conversation: str, activity: dict[str, Any] | bytes) -> str:
        """A new post in conversation (a channel: a new thread; a thread: a reply); returns the post's id."""
        response = self._request("POST", f"v3/conversations/{quote(conversation, safe=':@;=')}/activities", activity)
        try:
            return str(response.json()["id"])
        except (ValueError, KeyError, TypeError):
            return ""  # posted, but no id came back: it cannot be updated later, which is said then

    def update(self, ref: str, activity: dict[str, Any] | bytes) -> None:
        """The post ref ("{channel};messageid={id}") replaced by activity."""
        channel, post = split_thread(ref)
        path = f"v3/conversations/{quote(channel, safe=':@')}/activities/{quote(post, safe='')}"
        self._request("PUT", path, activity)

    def _request(self, method: str, path: str, activity: dict[str, Any] | bytes) -> httpx.Response:
        body = activity if isinstance(activity, bytes) else json.dumps(activity).encode()
        url = self.service_url + path
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {self._bearer()}"}
        host = urlsplit(self.service_url).hostname or self.service_url
        return self.send(
            lambda http: http.request(method, url, content=body, headers=headers), self.where, host, self._refusal
        )

    def _bearer(self) -> str:
        if self._token is None:
            try:
                self._token = self.tokens.fetch_now(BOT_FRAMEWORK_SCOPE)
            except TokenError as error:
                refused = "refused" in str(error)  # wrong credentials: a person must fix them
                raise DeliveryError(f"the draft cannot be sent to {self.where}: {error}", permanent=refused) from None
        return self._token

    def _refusal(self, status: int) -> DeliveryError:
        if status in (401, 403):
            return DeliveryError(
                f"{self.where} refused the bot (HTTP {status}): add the Missing report app to the team that has the "
                f'channel, then @mention it there with "review here" and copy the lines it answers into [teams]',
                permanent=True,
            )
        if status == 404:
            return DeliveryError(
                f"{self.where} was not found (HTTP 404): {REVIEW_CONVERSATION_SETTING} is not a channel the bot is in; "
                '@mention the bot with "review here" in the analysts\' channel and copy the lines it answers',
                permanent=True,
            )
        return DeliveryError(f"{self.where} refused the card (HTTP {status}); this is a bug, please report it", True)

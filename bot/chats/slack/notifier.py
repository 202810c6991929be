"""Sending a digest to a Slack channel: the message, then its charts and spreadsheet in the thread.

Each step is recorded as soon as Slack confirms it, so a resumed run never posts the message twice:
if a crash came between Slack posting it and the ledger recording it, the message is found again
by the run's key in its metadata before anything is posted.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError, SlackRequestError
from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock
from slack_sdk.web import SlackResponse

from bot.chats.slack.blocks import SlackMessage, render_digest_message
from bot.chats.slack.client import (
    CONNECTION_ERRORS,
    DeadlineRetryHandler,
    Report,
    build_web_client,
    describe_connection_error,
)
from bot.delivery import DeliveryError, DeliveryProgress
from bot.delivery.retries import backoff_seconds, retry_line
from bot.settings import API_URL_ENV, BOT_TOKEN_ENV, SettingError, Settings
from digest.figures.periods import month_key, month_name
from digest.reporting.content import Chart, Digest

log = logging.getLogger(__name__)

METADATA_EVENT = "missing_report_digest"
ALERT_METADATA_EVENT = "missing_report_alert"
HISTORY_PAGE_MESSAGES = 200  # how far back a resumed run looks for its own message
TOKEN_ERRORS = {
    "invalid_auth",
    "not_authed",
    "account_inactive",
    "token_revoked",
    "token_expired",
    "no_permission",
    "missing_scope",
    "not_allowed_token_type",
}
CHANNEL_ERRORS = {"channel_not_found", "not_in_channel", "is_archived", "restricted_action"}
DIGEST_CHANNEL_SETTING = "SLACK_DIGEST_CHANNEL or [slack] digest_channel"
MESSAGE_ERRORS = {"invalid_blocks", "msg_too_long", "invalid_arguments", "too_many_attachments"}


def explain_slack_error(error: SlackApiError, channel: str, setting: str = DIGEST_CHANNEL_SETTING) -> DeliveryError:
    """A Slack refusal in words an IT team can act on, and whether retrying could help."""
    code = str(error.response.get("error", "")) if error.response is not None else ""
    status = error.response.status_code if error.response is not None else 0
    if code in TOKEN_ERRORS:
        return DeliveryError(
            f"Slack refused the bot token ({code}): set SLACK_BOT_TOKEN to the app's bot token (xoxb-...) "
            "with the chat:write and files:write scopes",
            permanent=True,
        )
    if code in CHANNEL_ERRORS:
        return DeliveryError(
            f"Slack cannot post to channel {channel} ({code}): set the channel ID (C...) in {setting}, "
            "and invite the bot to that channel",
            permanent=True,
        )
    if code in MESSAGE_ERRORS:
        return DeliveryError(f"Slack refused the message ({code}); this is a bug, please report it", permanent=True)
    return DeliveryError(f"Slack did not take the digest ({code or f'HTTP {status}'}); it will be retried", False)


def explain_unreachable(error: BaseException) -> DeliveryError:
    """Slack could not be reached by the deadline: most often a network, firewall or proxy matter, or a wrong
    SLACK_API_URL. Not permanent: `serve` tries again later, and the ledger says so."""
    return DeliveryError(
        f"Slack could not be reached ({describe_connection_error(error)}). Check that this machine can reach "
        f"slack.com over HTTPS (network, firewall; a proxy is taken from HTTPS_PROXY) and that {API_URL_ENV}, "
        "if it is set, is right",
        permanent=False,
    )


class SlackNotifier:
    """Delivers digests to one Slack channel through an injected WebClient."""

    def __init__(
        self,
        client: WebClient,
        channel: str,
        deadline: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        report: Report = log.warning,
        deadline_seconds: float | None = None,
        render: Callable[[Digest], SlackMessage] = render_digest_message,
        channel_setting: str = DIGEST_CHANNEL_SETTING,
    ) -> None:
        self.render = render  # the published message, or a review draft (bot.chats.slack.reviews)
        self.channel_setting = channel_setting  # where the channel is set, for the error that names it
        self.client = client
        self.channel = channel
        self.deadline = deadline
        self.clock = clock
        self.sleep = sleep
        self.report = report
        self.deadline_seconds = deadline_seconds

    def _start_deadline(self) -> None:
        """With deadline_seconds, the retrying time counts from the first request, not from before the digest was
        built (which can take seconds on a busy machine)."""
        if self.deadline_seconds is None:
            return
        self.deadline = self.clock() + self.deadline_seconds
        for handler in self.client.retry_handlers:
            if isinstance(handler, DeadlineRetryHandler):
                handler.deadline = self.deadline

    def send(self, digest: Digest, progress: DeliveryProgress) -> None:
        self._start_deadline()
        try:
            resumed = progress.message_ref is not None or progress.post_attempted
            channel_id, ts = self._post_once(digest, progress)
            left = [upload for upload in upload_groups(digest) if upload[0] not in progress.uploads_done]
            shared = self._shared_in_thread(channel_id, ts) if resumed and left else set()
            for group, files, comment in left:
                unshared = [file for file in files if file["filename"] not in shared]
                if unshared:
                    self._upload(channel_id, ts, unshared, comment)
                progress.record_upload(group)
        except SlackApiError as error:
            raise explain_slack_error(error, self.channel, self.channel_setting) from None
        except CONNECTION_ERRORS as error:
            raise explain_unreachable(error) from None

    def _post_once(self, digest: Digest, progress: DeliveryProgress) -> tuple[str, str]:
        ref = progress.message_ref
        if ref is None and progress.post_attempted:
            ref = self._find_posted(progress.run_key)
            if ref is not None:
                progress.record_message(ref)
        if ref is None:
            message = self.render(digest)
            progress.record_post_attempt()
            try:
                response = self._post(digest, message, progress.run_key)
            except SlackApiError as error:
                if error.response is not None and error.response.status_code == 200:
                    progress.clear_post_attempt()  # Slack answered that it did not post: nothing to find later
                raise
            ref = f"{response['channel']}:{response['ts']}"
            progress.record_message(ref)
        channel_id, _, ts = ref.partition(":")
        return channel_id, ts

    def _post(self, digest: Digest, message: SlackMessage, run_key: str) -> SlackResponse:
        return self.client.chat_postMessage(
            channel=self.channel,
            text=message.text,
            blocks=message.blocks,
            unfurl_links=False,
            metadata={
                "event_type": METADATA_EVENT,
                "event_payload": {"run": run_key, "month": month_key(digest.month)},
            },
        )

    def send_alert(self, text: str, key: str, may_have_posted: bool) -> str:
        """Post one alert; when an earlier attempt may have posted it, look for that first (by its key)."""
        self._start_deadline()
        try:
            found = self._find_posted(key, ALERT_METADATA_EVENT) if may_have_posted else None
            if found is not None:
                return found
            response = self.client.chat_postMessage(
                channel=self.channel,
                text=text,
                blocks=[SectionBlock(text=MarkdownTextObject(text=text))],
                metadata={"event_type": ALERT_METADATA_EVENT, "event_payload": {"run": key}},
            )
            return f"{response['channel']}:{response['ts']}"
        except SlackApiError as error:
            raise explain_slack_error(error, self.channel, self.channel_setting) from None
        except CONNECTION_ERRORS as error:
            raise explain_unreachable(error) from None

    def _find_posted(self, run_key: str, event: str = METADATA_EVENT) -> str | None:
        """The message an earlier attempt of this run posted, if Slack has it (found by its metadata)."""
        response = self.client.conversations_history(
            channel=self.channel, limit=HISTORY_PAGE_MESSAGES, include_all_metadata=True
        )
        messages: list[dict[str, Any]] = response.get("messages", [])
        for message in messages:
            metadata = message.get("metadata") or {}
            if metadata.get("event_type") == event and metadata.get("event_payload", {}).get("run") == run_key:
                return f"{self.channel}:{message['ts']}"  # history needs a channel ID, so this is one
        return None

    def _shared_in_thread(self, channel_id: str, ts: str) -> set[str]:
        """The names of the files already shared in the message's thread. A run that died while Slack completed
        an upload (files.completeUploadExternal) did not record it, yet Slack may have shared its files: a
        resumed run uploads only the files not there, so the thread never shows a chart twice."""
        names: set[str] = set()
        cursor = None
        while True:
            response = self.client.conversations_replies(
                channel=channel_id, ts=ts, limit=HISTORY_PAGE_MESSAGES, cursor=cursor
            )
            messages: list[dict[str, Any]] = response.get("messages", [])
            for message in messages:
                names.update(str(file.get("name")) for file in message.get("files") or [])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return names

    def _upload(self, channel_id: str, thread_ts: str, files: list[dict[str, Any]], comment: str) -> None:
        """files_upload_v2: one getUploadURLExternal and one POST per file, then one completion.

        The POSTs of the file bytes do not go through the client's retry handlers, so a failed upload
        is retried here as a whole (new upload URLs; nothing is shared until the completion).
        """
        attempt = 0
        while True:
            try:
                self.client.files_upload_v2(
                    channel=channel_id, thread_ts=thread_ts, initial_comment=comment, file_uploads=files
                )
                return
            except (SlackRequestError, URLError, ConnectionError, TimeoutError) as error:
                wait = backoff_seconds(attempt)
                what = describe_connection_error(error) if isinstance(error, CONNECTION_ERRORS) else str(error)
                if self.clock() + wait >= self.deadline:
                    raise DeliveryError(
                        f"uploading the charts to Slack failed ({what}); it will be retried", False
                    ) from None
                self.report(
                    retry_line(f"Uploading the charts to Slack failed ({what})", wait, self.deadline - self.clock())
                )
                self.sleep(wait)
                attempt += 1
            except SlackClientError as error:
                if isinstance(error, SlackApiError):
                    raise
                raise DeliveryError(f"uploading the charts to Slack failed ({error})", False) from None


def _chart_file(chart: Chart) -> dict[str, Any]:
    return {"content": chart.png, "filename": chart.file_name, "title": chart.title, "alt_txt": chart.alt_text}


def upload_groups(digest: Digest) -> list[tuple[str, list[dict[str, Any]], str]]:
    """The thread's uploads: (name recorded in the ledger, files, comment). At most 10 files each."""
    name = month_name(digest.month)
    profile = [_chart_file(c) for c in digest.charts if c.group == "profile"]
    trends = [_chart_file(c) for c in digest.charts if c.group == "trends"]
    groups = []
    if profile or digest.workbook:
        if digest.workbook:
            profile.append(
                {"content": digest.workbook, "filename": digest.workbook_name, "title": f"Full table, {name}"}
            )
        groups.append(
            ("profile", profile, _with_left_out(f"Missing profile, {name}, and the full table", digest, "profile"))
        )
    if trends:
        comment = "Trends over 13 months, with last year where the data reaches back"
        groups.append(("trends", trends, _with_left_out(comment, digest, "trends")))
    return groups


def _with_left_out(comment: str, digest: Digest, group: str) -> str:
    """An upload's comment, and the sentence of each chart of its group left out for want of figures."""
    return " ".join([comment + ".", *digest.describe_left_out(group)]) if digest.describe_left_out(group) else comment


def slack_notifier(
    settings: Settings,
    channel: str,
    render: Callable[[Digest], SlackMessage] = render_digest_message,
    channel_setting: str = DIGEST_CHANNEL_SETTING,
) -> SlackNotifier:
    """A notifier for one delivery to channel, with its own retry deadline from the settings."""
    if not settings.bot_token:
        raise SettingError(
            f"{BOT_TOKEN_ENV} is not set: export {BOT_TOKEN_ENV}=xoxb-... (the Slack app's bot token), "
            "or leave out --post to write the outbox instead"
        )
    deadline = time.monotonic() + settings.deadline_seconds
    client = build_web_client(settings.bot_token, settings.api_url, deadline)
    return SlackNotifier(
        client,
        channel,
        deadline,
        deadline_seconds=settings.deadline_seconds,
        render=lambda digest: render(replace(digest, report_link=settings.report_link(digest.month))),
        channel_setting=channel_setting,
    )

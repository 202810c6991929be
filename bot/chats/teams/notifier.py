"""Sending digests and alerts to a Teams channel through a Workflows webhook.

A webhook gives no message id and cannot be asked what it posted. So the attempt is recorded before
the card is sent and the answer after; a run that finds an attempt with no answer cannot know whether
the card went out, and is held for a person (UncertainDeliveryError) rather than risk a second post.
An alert in the same position is sent again, marked as possibly repeated: a lost alert about missing
children is worse than a repeated one (docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from microsoft_teams.cards import AdaptiveCard

from bot.chats.teams.alert_card import render_alert_card
from bot.chats.teams.cards import MAX_POST_BYTES, render_envelope
from bot.chats.teams.digest_card import CHART_DETAILS, ChartDetail, render_digest_card, render_table_note
from bot.chats.teams.webhook import CardTooLargeError, WebhookClient
from bot.delivery import DeliveryError, DeliveryProgress, UncertainDeliveryError
from bot.settings import SettingError, Settings, Webhook
from digest.figures.periods import month_key
from digest.reporting.content import Digest

CardRender = Callable[[Digest, str, str | None, ChartDetail], AdaptiveCard]  # digest, table note, link, detail


def render_digest_envelopes(
    digest: Digest, table_note: str, table_link: str | None, render: CardRender = render_digest_card
) -> list[tuple[str, bytes]]:
    """The digest's card at each chart detail, largest first, each under the size limit: (detail, body)."""
    bodies = []
    for detail in CHART_DETAILS:
        body = render_envelope(render(digest, table_note, table_link, detail))
        if len(body) <= MAX_POST_BYTES:
            bodies.append((str(detail), body))
    return bodies


class CardNotifier:
    """Sends a digest to Teams as one card, with fewer charts when it is too large, recorded so it goes out once.

    The attempt is recorded before the card is sent and the answer after: a run that finds an attempt with no
    answer cannot know whether the card went out, and is held for a person (UncertainDeliveryError).
    """

    def __init__(
        self,
        table_link: str | None = None,
        save_table: Callable[[Digest], Path] | None = None,
        report_link: Callable[[int], str | None] | None = None,  # a month's web report (Settings.report_link)
        render: CardRender = render_digest_card,
    ) -> None:
        self.table_link = table_link
        self.save_table = save_table
        self.report_link = report_link
        self.render = render

    def post(self, body: bytes, detail: str) -> str:
        """Post one card's body; what the ledger records of it."""
        raise NotImplementedError

    def describe_uncertain(self, digest: Digest) -> str:
        """Why a run is held whose earlier attempt may have posted, and what to do."""
        raise NotImplementedError

    def send(self, digest: Digest, progress: DeliveryProgress) -> None:
        if progress.message_ref is not None:
            return  # posted already; a card has nothing to add afterwards
        if progress.post_attempted:
            raise UncertainDeliveryError(self.describe_uncertain(digest))
        if self.save_table and digest.workbook:
            self.save_table(digest)  # kept in the outbox for the performance team; the card does not name the path
        digest = replace(digest, report_link=self.report_link(digest.month) if self.report_link else None)
        note = render_table_note(digest, self.table_link)
        for detail, body in render_digest_envelopes(digest, note, self.table_link, self.render):
            progress.record_post_attempt()
            try:
                ref = self.post(body, detail)
            except CardTooLargeError:
                progress.clear_post_attempt()  # refused, so nothing was posted: try the smaller card
                continue
            except UncertainDeliveryError:
                raise  # the attempt stays recorded: the next run must not send blindly
            except DeliveryError:
                progress.clear_post_attempt()  # a definite answer: nothing was posted
                raise
            progress.record_message(ref)
            return
        raise DeliveryError(
            "Teams refused even the card without charts as too large; this is a bug, please report it",
            permanent=True,
        )


class TeamsNotifier(CardNotifier):
    """Delivers digests (send) and alerts (send_alert) to one Teams channel's webhook."""

    def __init__(
        self,
        client: WebhookClient,
        table_link: str | None = None,
        save_table: Callable[[Digest], Path] | None = None,
        report_link: Callable[[int], str | None] | None = None,
    ) -> None:
        super().__init__(table_link, save_table, report_link)
        self.client = client

    def post(self, body: bytes, detail: str) -> str:
        return f"HTTP {self.client.post(body)}, {detail}, {len(body):,} bytes"

    def describe_uncertain(self, digest: Digest) -> str:
        return (
            "an earlier attempt sent the card and stopped before hearing back, so it may be in the channel; "
            "check the channel, and if it is not there send it with `missing-report digest --month "
            f"{month_key(digest.month)} --to teams --post --force`"
        )

    def send_alert(self, text: str, key: str, may_have_posted: bool) -> str:
        """Post one alert; one that may have gone out before is sent again, marked as possibly repeated."""
        status = self.client.post(render_envelope(render_alert_card(text, repeated=may_have_posted)))
        return f"HTTP {status}, {key}"


def teams_notifier(
    settings: Settings, webhook: Webhook | None, env: str, save_table: Callable[[Digest], Path] | None = None
) -> TeamsNotifier:
    """A notifier for one delivery to webhook, with its own retry deadline; save_table keeps the full table."""
    if webhook is None:
        raise SettingError(
            f"{env} is not set: export {env}=https://... (the URL of the Teams workflow's webhook trigger; "
            "see the README's 'Setting up Teams'), or leave out --post to write the outbox instead"
        )
    client = WebhookClient(webhook, settings.deadline_seconds)
    return TeamsNotifier(client, settings.teams.table_link, save_table, settings.report_link)

"""What a chat platform provides, and what it is given. Each platform package (bot.chats.slack, bot.chats.teams) exports
one ChatPlatform object; bot.platforms lists them, and destinations, `serve`, `doctor`, `digest --to` and the review
desk loop over that list, so that a platform is one package and one line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # types only: `digest --to` lists the platforms at every start, which must stay quick
    from bot.checks import Check
    from bot.delivery import Notifier
    from bot.delivery.alerts import AlertNotifier
    from bot.settings import Settings
    from bot.web import WebApp
    from digest.contract.config import Config
    from digest.figures.periods import Month
    from digest.reporting.content import Digest
    from digest.store.reviews import PublishedHow
    from digest.store.snapshots import SnapshotStore


@dataclass(frozen=True)
class DigestDestination:
    channel: str  # the ledger's key: a Slack channel ID, "teams:digest" or "outbox"
    make_notifier: Callable[[], Notifier]  # one per delivery, each with its own retry deadline
    where: str  # for people: "Slack channel C0123", "Teams (host/…)"
    suppress: bool = False  # disclosure control: [slack] suppress, [teams] suppress, [digest] outbox_suppress


@dataclass(frozen=True)
class AlertSender:
    channel: str
    make_notifier: Callable[[], AlertNotifier]
    where: str


@dataclass
class Routes:
    """What the HTTP server answers, and the summary lines saying so."""

    paths: list[str] = field(default_factory=list)
    lines: list[Callable[[str], str]] = field(default_factory=list)  # base URL -> line
    # Started once serve has said what it serves (Slack's Socket Mode); each gives back how to close it.
    connections: list[Callable[[], Callable[[], None]]] = field(default_factory=list)


@dataclass(frozen=True)
class Serving:
    """What `serve` gives each platform to answer questions with."""

    config: Config
    settings: Settings
    open_store: Callable[[], SnapshotStore]
    store_path: Path  # the answering processes' shared files are kept beside it
    dev_unauthenticated: bool = False  # --teams-dev-unauthenticated
    desk: ReviewDeskActions | None = None  # the review desk (bot.services.reviews), when a review channel is set up


class Publication(Protocol):
    """What pressing Publish came to (bot.services.reviews.PublishResult)."""

    @property
    def reply(self) -> str: ...  # for the presser: why not, or who published it already

    @property
    def published(self) -> bool: ...  # this press took the decision


class ReviewDeskActions(Protocol):
    """What a platform's draft actions call: the review desk (bot.services.reviews.ReviewDesk). Who may press Publish
    is the platform's to check, before it calls publish."""

    def publish(self, month: Month, how: PublishedHow, by: str | None) -> Publication: ...

    def preview(self, month: Month) -> object: ...  # the review channel's render_preview of the month's message


class ReviewChannel(Protocol):
    """Where one platform's drafts wait for review: the draft posted, then updated once published, and lines in its
    thread."""

    # the digest-run ledger's channel for drafts: "review:C0123" for Slack (as today), "review:teams" for Teams
    key: str
    where: str  # for people: "Slack channel C0123", "the Teams review channel"
    suppress: bool  # disclosure control for the draft

    def make_draft_notifier(self) -> Notifier:
        """Posts the whole draft (with its Publish / Add comment actions); the message ref it records (claim) is what
        update_draft and reply get back."""
        ...

    def update_draft(self, ref: str, digest: Digest | None, note: str) -> None:
        """The draft once published: its figures (None when they cannot be read again) and note, no actions.

        Raises:
            DeliveryError: the platform did not take the change.
        """
        ...

    def reply(self, ref: str | None, text: str, broadcast: bool = False) -> None:
        """A line in the draft's thread (or the channel without a draft).

        Raises:
            DeliveryError: the platform did not take the line.
        """
        ...

    def render_preview(self, digest: Digest, where: str) -> object:
        """The message exactly as it will be published (Slack's Preview button); platforms without a preview may
        return None."""
        ...


@runtime_checkable
class NamesPressers(Protocol):
    """Optional, beside ReviewChannel: how a presser of Publish, as the platform records them in the reviews ledger
    (Slack: the user ID), is named in text ("<@U0123>"). A review channel without it records the name itself."""

    def name_presser(self, by: str) -> str: ...


@runtime_checkable
class NamesPublishers(Protocol):
    """Optional, beside ReviewChannel: who may press Publish there, for serve's line, when the platform keeps its own
    list (Teams' [teams] publishers) rather than [digest] publishers."""

    def describe_publishers(self) -> str: ...


class ChatPlatform(Protocol):
    """One chat platform: its name, where its digests and alerts go, its routes and its doctor lines. Each
    method reads the platform's own settings from the bot's Settings or the environment (bot.settings)."""

    @property
    def name(self) -> str:
        """'slack': what `digest --to` takes."""
        ...

    def posts_digests(self, settings: Settings, channel: str | None) -> bool:
        """Whether `digest --post` (no --to) sends here; channel is --channel."""
        ...

    def digest_destination(self, settings: Settings, channel: str | None) -> DigestDestination:
        """Where `digest --post` sends here.

        Raises:
            SettingError: the platform is not set up to post digests, saying how to set it up.
        """
        ...

    def describe_set_up(self, settings: Settings) -> str:
        """What to set for digests to come here: 'SLACK_BOT_TOKEN and SLACK_DIGEST_CHANNEL for Slack'."""
        ...

    def scheduled_destination(self, settings: Settings) -> DigestDestination | None:
        """Where `serve` posts each due digest here, if anywhere."""
        ...

    def describe_digests(self, settings: Settings) -> list[str]:
        """serve's lines on why digests do not come here although the platform is set up."""
        ...

    def keeps_outbox_off(self, settings: Settings) -> bool:
        """Set up here: due digests do not fall back to the outbox folder even if none comes here."""
        ...

    def alert_sender(self, settings: Settings) -> AlertSender | None:
        """Where alerts go here, if anywhere."""
        ...

    def answers(self, serving: Serving) -> bool:
        """Whether questions are answered here (serve starts its web server for them)."""
        ...

    def add_routes(self, web: WebApp, routes: Routes, serving: Serving) -> None:
        """Its routes on the web app, and serve's lines saying so."""
        ...

    def describe_not_answering(self, serving: Serving) -> list[str]:
        """serve's lines on each way of asking here that is off, and why."""
        ...

    def check_set_up(self, settings: Settings, config: Config, environ: Mapping[str, str]) -> list[Check]:
        """doctor's lines, posting nothing; environ is the environment doctor reads (less any variable it found
        wrong, which it has said)."""
        ...

    def review_channel(self, settings: Settings) -> ReviewChannel | None:
        """Where drafts wait for review here; None when this platform has no review channel set up.

        Raises:
            SettingError: a review channel is set but the platform cannot post to it, saying what to set.
        """
        ...

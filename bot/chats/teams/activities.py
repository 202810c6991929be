"""Reading a Teams activity: who asked, in which conversation, and the question without the @mention,
the HTML Teams wraps it in, or spare spaces. Ids are as sent: verified only once the request is.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

TAG = re.compile(r"<[^>]+>")


def strip_mentions(text: str, entities: Any) -> str:
    """The text with every <at>name</at> the activity's mention entities name removed."""
    for entity in entities if isinstance(entities, list) else []:
        if isinstance(entity, dict) and entity.get("type") == "mention" and isinstance(entity.get("text"), str):
            text = text.replace(entity["text"], " ")
    return clean_text(text)


def clean_text(text: str) -> str:
    """Plain words: tags (<p>, <at>) and entities (&nbsp;) out, runs of spaces folded."""
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


@dataclass(frozen=True)
class Asker:
    user_id: str  # the person's Entra object id (stable, and what an admin sees), else their Teams id
    channel_id: str  # the channel (19:...@thread.tacv2) or chat conversation's id
    text: str


def read_asker(activity: dict[str, Any]) -> Asker:
    """Who asked, where, and the question without its @mentions."""
    sender = activity.get("from") or {}
    conversation = activity.get("conversation") or {}
    sender = sender if isinstance(sender, dict) else {}
    conversation = conversation if isinstance(conversation, dict) else {}
    return Asker(
        str(sender.get("aadObjectId") or sender.get("id") or ""),
        conversation_channel(str(conversation.get("id") or "")),
        strip_mentions(str(activity.get("text") or ""), activity.get("entities")),
    )


def conversation_channel(conversation_id: str) -> str:
    """A channel message's conversation id is the channel's, plus ";messageid=..." for its thread."""
    return conversation_id.split(";", 1)[0]

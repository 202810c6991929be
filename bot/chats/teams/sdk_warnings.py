"""The Teams SDK's warnings at import that `serve` cannot act on."""

from __future__ import annotations

import warnings


def ignore_sdk_previews() -> None:
    """The SDK marks parts of itself "in preview" (ExperimentalWarning, at import, for its HTML widget, which the
    bot never uses): nothing anyone running serve can change, so not shown. Other warnings still are."""
    warnings.filterwarnings("ignore", message=r".* is in preview and may change", module=r"microsoft_teams\..*")

"""The ledgers' names for the Teams webhooks' channels, apart from the card code so naming them loads nothing."""

TEAMS_DIGEST_CHANNEL = "teams:digest"
TEAMS_ALERTS_CHANNEL = "teams:alerts"

"""Slack: the Bolt app for /missing, Block Kit for digests and answers, the Web API client and the notifier."""

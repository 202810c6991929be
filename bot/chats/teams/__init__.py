"""Microsoft Teams: cards for digests, alerts and answers, and their delivery."""

"""The edges: the command line, Slack, Teams, delivery and scheduling, around the core in digest/."""

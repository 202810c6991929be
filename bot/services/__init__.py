"""The use cases, in one room: what the bot does, whoever asks. The command line (bot.cli), the scheduler's jobs
(bot.scheduling) and the chat platforms' routes (through bot.chat's protocols) all call these.

- Publish a month's digest to its destinations, each exactly once: bot.services.digests (DigestContext).
- Review and publish: the draft to the one platform's review channel, publication once, the deadline and
  reminders: bot.services.reviews (ReviewDesk over a DigestContext and a bot.chat.ReviewChannel).
- Alert after a snapshot, and tell of refused files and of a due digest's missing data: bot.services.alerts
  (AlertContext).
- Answer a question: the core's digest.lookups.service.LookupService (it needs nothing of the edges, so it lives
  in the core; each platform's routes call it).

Each use case takes a small context object (what it needs, made once by its caller) rather than loose arguments.
This floor sits below the commands and the scheduler and above where things go (bot.destinations, bot.platforms);
the core (digest) never imports it.
"""

"""The chat platforms, one package each (bot.chats.slack, bot.chats.teams), each exporting one ChatPlatform
(bot.chat) listed in bot.platforms. The packages never import one another (an import-linter contract).
"""

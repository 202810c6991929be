"""The environment is read in one place: bot.settings names every variable and is the only reader in bot/."""

from __future__ import annotations

import re
from pathlib import Path

import bot.settings
from bot.settings import CI_ENV, SETTING_PREFIXES

BOT = Path(bot.settings.__file__).resolve().parent
READS = re.compile(r"os\.environ|os\.getenv|getenv\(")


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = sorted(
        str(path.relative_to(BOT.parent)) for path in BOT.rglob("*.py") if READS.search(path.read_text("utf-8"))
    )
    assert readers == ["bot/settings.py"]


def test_every_variable_is_named_in_the_settings_module_under_a_prefix_a_clean_environment_leaves_out() -> None:
    names = {value for name, value in vars(bot.settings).items() if name.endswith("_ENV") and isinstance(value, str)}
    assert {"MISSING_REPORT_DB", "MISSING_REPORT_CONFIG", "SLACK_BOT_TOKEN", "TEAMS_CLIENT_ID", "CI"} <= names
    assert [name for name in names - {CI_ENV} if not name.startswith(SETTING_PREFIXES)] == []
    for module in BOT.rglob("*.py"):  # no other module spells a variable's name as a constant of its own
        text = module.read_text("utf-8")
        if module.name != "settings.py":
            assert not re.search(r"^[A-Z_]+_ENVS? = ", text, re.MULTILINE), module

"""One home: the store, outbox and drop folder of the config live under MISSING_REPORT_HOME, else the config file's
home, else the user's data folder; not wherever a command happens to be run from."""

from __future__ import annotations

import shutil
from pathlib import Path

import platformdirs

from bot.settings import load_home, load_settings_at_home, load_store_path
from digest.contract.config import SHIPPED_CONFIG, load_config
from tests.cli_runner import run_cli

REPO_CONFIG = Path(__file__).resolve().parents[2] / "config" / "missing-report.toml"


def write_home(home: Path) -> Path:
    """A council's home: its config in config/, as shipped (relative paths: data/, outbox, inbox)."""
    (home / "config").mkdir(parents=True)
    config = home / "config" / "missing-report.toml"
    shutil.copy(REPO_CONFIG, config)
    return config


def test_the_home_is_the_variable_else_the_config_files_home_else_the_users_data_folder(tmp_path: Path) -> None:
    in_config_folder = load_config(write_home(tmp_path / "council"))
    assert load_home(in_config_folder, {}).path == tmp_path / "council"  # <home>/config/missing-report.toml
    (tmp_path / "elsewhere").mkdir()
    beside = tmp_path / "elsewhere" / "site.toml"
    shutil.copy(REPO_CONFIG, beside)
    assert load_home(load_config(beside), {}).path == tmp_path / "elsewhere"
    shipped = load_config(SHIPPED_CONFIG)  # no config file of the user's: as shipped, or the built-in defaults
    assert load_home(shipped, {}).path == platformdirs.user_data_path("missing-report", appauthor=False)
    chosen = load_home(in_config_folder, {"MISSING_REPORT_HOME": str(tmp_path / "srv")})
    assert (chosen.path, chosen.why) == (tmp_path / "srv", "MISSING_REPORT_HOME")


def test_every_relative_path_of_the_config_is_under_the_home(tmp_path: Path) -> None:
    config = load_config(write_home(tmp_path / "council"))
    env = {"MISSING_REPORT_HOME": str(tmp_path / "srv")}
    settings = load_settings_at_home(config, env)
    assert (settings.outbox, settings.inbox.inbox.folder) == (tmp_path / "srv" / "outbox", tmp_path / "srv" / "inbox")
    assert load_store_path(config, None, env) == tmp_path / "srv" / "data" / "missing-report.db"
    assert load_store_path(config, "given.db", env) == Path("given.db")  # --db is the command line's, as typed


def test_commands_run_from_another_folder_use_the_home_and_doctor_says_where(
    reference_db: Path, tmp_path: Path
) -> None:
    home = tmp_path / "council"
    config = write_home(home)
    (home / "data").mkdir()
    shutil.copy(reference_db, home / "data" / "missing-report.db")
    (home / "data" / "missing-report.db").chmod(0o600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"MISSING_REPORT_HOME": "", "MISSING_REPORT_CONFIG": str(config)}
    result = run_cli("doctor", cwd=elsewhere, env=env)
    lines = result.stdout.splitlines()
    assert lines[1:4] == [
        f"ok    Config: {config}: valid",
        f"ok    Home: {home} (the config file's home): store {home}/data/missing-report.db, outbox {home}/outbox/, "
        f"drop folder {home}/inbox/",
        f"ok    Store: {home}/data/missing-report.db, latest snapshot 1 as at 18/07/2019 00:00",
    ]
    written = run_cli("digest", "--month", "2019-06", cwd=elsewhere, env=env)
    assert written.returncode == 0, written.stdout + written.stderr
    assert (home / "outbox").is_dir()
    assert list(elsewhere.iterdir()) == []  # nothing lands where the command was run
